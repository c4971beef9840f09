import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from './api/client';

const KNOWN_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'STALE_VERSION',
  'INVALID_STATE',
  'RATE_LIMITED',
  'INTERNAL',
  'NETWORK',
] as const;

/**
 * A message for any failure, in the UI language. Known codes get a translated headline; the
 * server's own message (English, precise) follows it so nothing useful is hidden.
 */
export function errorMessage(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const code = KNOWN_CODES.find((c) => c === err.code);
    if (!code) return err.message || t('errors.unknown');
    const headline = t(`errors.${code}`);
    return err.message && code !== 'NETWORK' ? `${headline}: ${err.message}` : headline;
  }
  return err instanceof Error && err.message ? err.message : t('errors.unknown');
}

/**
 * Puts the server's field issues onto the matching form fields. Returns true when at least one
 * issue found its field, so the caller can skip a duplicate banner. `translate` may swap a
 * server message for a localised one (e.g. a used code).
 */
export function applyFieldIssues(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
  translate: (field: string, err: ApiError) => string | undefined = () => undefined,
): boolean {
  if (!(err instanceof ApiError)) return false;
  const known = err.issues.filter((i) => fields.includes(i.field));
  if (known.length === 0) return false;
  form.setFields(
    known.map((i) => ({ name: i.field, errors: [translate(i.field, err) ?? i.message] })),
  );
  return true;
}
