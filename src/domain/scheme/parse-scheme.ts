import { type FieldIssue, validationError } from '../errors';
import { type Scheme, schemeSchema } from './scheme.schema';
import { formatIssuePath } from './scheme-issue';

export type SchemeValidation = { ok: true; scheme: Scheme } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a scheme document and lists every problem with the path of the field at fault
 * (`criteria[2].bands[1].min`), for an editor that shows them all at once.
 */
export function validateScheme(input: unknown): SchemeValidation {
  const r = schemeSchema.safeParse(input);
  if (r.success) return { ok: true, scheme: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ field: formatIssuePath(i.path), message: i.message })),
  };
}

/** Parses a scheme document or throws a VALIDATION DomainError listing every issue. */
export function parseScheme(input: unknown): Scheme {
  const v = validateScheme(input);
  if (v.ok) return v.scheme;
  throw validationError(`the scheme has ${v.issues.length} problem(s)`, v.issues);
}
