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

/** A dotted field from the server ('customFields.channel', 'options.0.value') as a form path. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** True when the form shows a field named by `field` (a listed prefix covers 'prefix.*'). */
function onForm(field: string, fields: readonly string[]): boolean {
  return fields.some((f) => field === f || field.startsWith(`${f}.`));
}

/**
 * The banner above a form after a failed save: a short pointer when every problem sits on a
 * field of the form, otherwise the full message (so nothing the server said is hidden).
 */
export function formBanner(t: TFunction, err: unknown, fields: readonly string[]): string {
  const issues = err instanceof ApiError ? err.issues : [];
  if (issues.length > 0 && issues.every((i) => onForm(i.field, fields))) {
    return t('errors.fixFields');
  }
  return errorMessage(t, err);
}

/**
 * Puts the server's field issues onto the matching form fields. `fields` lists the fields the
 * form holds (a listed 'customFields' takes every 'customFields.*' issue, and likewise for any
 * prefix). Returns true when at least one issue found its field, so the caller can skip a
 * duplicate banner. `translate` may swap a server message for a localised one (e.g. a used code).
 */
export function applyFieldIssues(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
  translate: (field: string, err: ApiError) => string | undefined = () => undefined,
): boolean {
  if (!(err instanceof ApiError)) return false;
  const known = err.issues.filter((i) => onForm(i.field, fields));
  if (known.length === 0) return false;
  // Several issues may name one field; show them together.
  const byField = new Map<string, string[]>();
  for (const i of known) {
    const list = byField.get(i.field) ?? [];
    list.push(translate(i.field, err) ?? i.message);
    byField.set(i.field, list);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: fieldPath(field), errors })));
  return true;
}
