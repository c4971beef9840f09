/**
 * PostgreSQL COPY text format: tab-separated columns, one row a line, `\N` for null, and
 * backslash, tab, newline and carriage return escaped with a backslash.
 */

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY text format. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot COPY the number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const s = String(value);
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : s;
}

/** One row (without the trailing newline). */
export function copyLine(row: object, columns: readonly string[]): string {
  const r = row as Record<string, unknown>;
  let line = copyField(r[columns[0] as string]);
  for (let i = 1; i < columns.length; i++) line += `\t${copyField(r[columns[i] as string])}`;
  return line;
}
