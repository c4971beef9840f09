/**
 * Neutralises spreadsheet formula injection (CWE-1236): a text cell starting with = + - @, tab or
 * carriage return gets a leading apostrophe, so Excel and WPS show it as text instead of running
 * it. Plain numbers ('-12.50') are left alone: they are data, not formulas.
 * @example escapeCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function escapeCell(value: string): string {
  if (value === '' || !/^[=+\-@\t\r]/.test(value)) return value;
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) return value;
  return `'${value}`;
}

/** A cell value as export writes it: text escaped, numbers and empties as they are. */
export function exportCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return escapeCell(value.join(', '));
  if (typeof value === 'object') return escapeCell(JSON.stringify(value));
  return escapeCell(String(value));
}
