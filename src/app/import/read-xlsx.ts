import { fileError } from '../../domain/import/file-error';
import type { ImportRow } from '../../domain/import/row';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The text of one cell as a person sees it in Excel. Dates become ISO ("2024-01-05", with
 * "T13:45:00" when there is a time); numbers keep at most 15 significant digits, Excel's own
 * precision, so float noise such as 1234.5600000000001 does not reach the amount parser;
 * formulas give their cached result; rich text and hyperlinks give their text.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const secs = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return secs === 0
      ? date
      : `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText.map((r: { text?: string }) => r.text ?? '').join('');
    }
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/**
 * Streams the rows of one worksheet of an XLSX file with exceljs's streaming reader (rows are
 * parsed as the zip is inflated; the workbook is never loaded whole): the sheet named `sheet`,
 * or the first one. `row` is the sheet's row number; rows without any text are skipped.
 * Reading stops at the end of the chosen sheet, so later sheets cost nothing.
 */
export async function* readXlsxRows(
  path: string,
  opts: { sheet?: string } = {},
): AsyncGenerator<ImportRow> {
  // Loaded on first use: exceljs alone adds ~0.4 s to server start-up.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell exceljs which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const seen: string[] = [];
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      if (opts.sheet !== undefined && name !== opts.sheet) {
        // A sheet that is not wanted must still be drained, or the zip stream stalls on it.
        for await (const _row of sheet) {
          // skipped
        }
        continue;
      }
      for await (const row of sheet) {
        const raw = row.values as unknown[];
        const values: string[] = [];
        // exceljs rows are 1-based and sparse: index 0 is always empty, gaps are empty cells.
        for (let i = 1; i < raw.length; i++) values.push(cellText(raw[i]));
        if (values.some((v) => v.trim() !== '')) yield { row: row.number, values };
      }
      return;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'VALIDATION') throw e;
    throw fileError('unreadable', `the workbook cannot be read: ${(e as Error).message}`, {
      expected: 'an .xlsx workbook saved by Excel, WPS or LibreOffice',
    });
  }
  throw fileError(
    'sheet-not-found',
    opts.sheet === undefined
      ? 'the workbook has no worksheet'
      : `the workbook has no sheet named "${opts.sheet}"`,
    {
      value: opts.sheet,
      expected: seen.length ? `one of: ${seen.join(', ')}` : 'a workbook with a worksheet',
    },
  );
}
