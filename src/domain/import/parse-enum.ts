import { type CellRef, type CellResult, cellIssue, cellOk } from './cell-result';

/** One allowed value and the words a file may use for it (labels in Chinese and English). */
export interface EnumOption {
  value: string;
  labels?: readonly string[];
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * Matches a cell against allowed values, ignoring case, full-width forms, spaces, "_" and "-",
 * and accepting any label of a value: with options enterprise (企业) and individual (个人),
 * "企业", "Enterprise" and "ENTERPRISE" all give "enterprise".
 * @example parseEnum('企业', [{ value: 'enterprise', labels: ['企业'] }], { field: 'type' }) // { ok: true, value: 'enterprise' }
 */
export function parseEnum(
  text: string,
  options: readonly (string | EnumOption)[],
  ref: CellRef,
): CellResult<string> {
  const opts = options.map((o) => (typeof o === 'string' ? { value: o } : o));
  const key = fold(text);
  for (const o of opts) {
    if (fold(o.value) === key || o.labels?.some((l) => fold(l) === key)) return cellOk(o.value);
  }
  const allowed = opts.map((o) =>
    o.labels?.length ? `${o.value} (${o.labels.join('/')})` : o.value,
  );
  return cellIssue(
    ref,
    text,
    `${ref.field} "${text.trim()}" is not one of the allowed values`,
    `one of ${allowed.join(', ')}`,
  );
}
