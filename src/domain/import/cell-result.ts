import type { FieldIssue } from '../errors';

/** Which cell a value came from, so a failure can name row and field. */
export interface CellRef {
  field: string;
  row?: number;
}

/** A parsed cell: the value, or one FieldIssue saying what was expected. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; issue: FieldIssue };

/** A successful cell. */
export function cellOk<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

/** A failed cell, with the original text as `value`. */
export function cellIssue<T>(
  ref: CellRef,
  value: string,
  message: string,
  expected: string,
): CellResult<T> {
  return {
    ok: false,
    issue: {
      field: ref.field,
      message,
      value,
      expected,
      ...(ref.row !== undefined ? { row: ref.row } : {}),
    },
  };
}

/**
 * True for a cell with nothing in it but spaces (full-width and no-break spaces included), which
 * the parsers treat as missing rather than as a bad value.
 */
export function isBlank(text: string | null | undefined): boolean {
  if (text == null || text === '') return true;
  // A printable ASCII character other than space survives NFKC and trim: not blank. Checking the
  // first character spares the normalisation for nearly every cell.
  const c = text.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return text.normalize('NFKC').trim() === '';
}
