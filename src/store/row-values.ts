/**
 * Column values as the app reads them. Both drivers already return text (ISO instants,
 * YYYY-MM-DD dates: see the pg type parsers in database.ts); a Date still arriving, e.g. from a
 * raw query on another connection, is turned into the same text.
 */

/** An instant as ISO text. */
export function instantText(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

/** An instant as ISO text, or null. */
export function instantTextOrNull(v: unknown): string | null {
  return v == null ? null : instantText(v);
}

/** A calendar date as YYYY-MM-DD (a Date is read in local time, as pg makes date columns). */
export function dateText(v: unknown): string {
  if (!(v instanceof Date)) return String(v).slice(0, 10);
  const m = String(v.getMonth() + 1).padStart(2, '0');
  return `${v.getFullYear()}-${m}-${String(v.getDate()).padStart(2, '0')}`;
}

/** A calendar date as YYYY-MM-DD, or null. */
export function dateTextOrNull(v: unknown): string | null {
  return v == null ? null : dateText(v);
}
