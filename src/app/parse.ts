import type { z } from 'zod';
import { validationError } from '../domain/errors';

/**
 * Parses input with a zod schema at the edge of a use case; failures become one VALIDATION
 * error listing every field (dotted path) and what it expects.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message: string,
): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw validationError(
    message,
    r.error.issues.map((i) => ({
      field: i.path.length ? i.path.join('.') : '(body)',
      message: i.message,
    })),
  );
}
