import { expect } from 'vitest';
import { DomainError } from '../../src/domain/errors';

/** The field issues of the validation error `fn` throws; fails the test when it throws none. */
export function issuesOf(fn: () => unknown): Array<{ field: string; row?: number }> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION');
    return (e as DomainError).details.issues as Array<{ field: string; row?: number }>;
  }
  throw new Error('expected a DomainError');
}
