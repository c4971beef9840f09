/**
 * Stable error codes. The API maps each to an HTTP status in one place
 * (src/api/errors.ts); the domain never knows about HTTP.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'STALE_VERSION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'INVALID_STATE'
  /** A business calendar has no holiday list for a date a computation reached. */
  | 'CALENDAR_NOT_COVERED'
  /** A use would overdraw a quota (an entitlement); details give what is left. */
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  /** SQLite's single write lock stayed taken (by a long import) for longer than a writer waits. */
  | 'BUSY'
  | 'INTERNAL';

/** One problem with one field (and, for files, one row). */
export interface FieldIssue {
  field: string;
  message: string;
  row?: number;
  value?: unknown;
  expected?: string;
}

/** The only error type domain and app code throw on purpose. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand for a validation error listing field issues. */
export function validationError(message: string, issues: FieldIssue[]): DomainError {
  return new DomainError('VALIDATION', message, { issues });
}

/** Shorthand for a missing entity. */
export function notFound(entity: string, id: string | number): DomainError {
  return new DomainError('NOT_FOUND', `${entity} ${id} was not found`, { entity, id });
}
