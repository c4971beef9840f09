import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { exportCell } from '../../domain/export/formula';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportColumn<T> {
  header: string;
  value(row: T): unknown;
  /** Column width in characters for XLSX. */
  width?: number;
}

/**
 * Streams rows to CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) or XLSX, escaping
 * every text cell against formula injection. Rows come from an async iterable, so exports of any
 * size run in constant memory.
 */
export function writeTable<T>(
  format: ExportFormat,
  columns: readonly ExportColumn<T>[],
  rows: AsyncIterable<T>,
  sheetName = 'Sheet1',
): Readable {
  const out = new PassThrough();
  const run =
    format === 'csv' ? writeCsv(out, columns, rows) : writeXlsx(out, columns, rows, sheetName);
  run.catch((e: unknown) => out.destroy(e as Error));
  return out;
}

async function writeCsv<T>(
  out: PassThrough,
  columns: readonly ExportColumn<T>[],
  rows: AsyncIterable<T>,
) {
  out.write('\uFEFF');
  const csv = stringify({ header: true, columns: columns.map((c) => c.header) });
  csv.pipe(out);
  for await (const row of rows) {
    const ok = csv.write(columns.map((c) => exportCell(c.value(row)) ?? ''));
    if (!ok) await new Promise((r) => csv.once('drain', r));
  }
  csv.end();
}

async function writeXlsx<T>(
  out: PassThrough,
  columns: readonly ExportColumn<T>[],
  rows: AsyncIterable<T>,
  sheetName: string,
) {
  // Loaded on first use: exceljs alone adds ~0.4 s to server start-up.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const row of rows) {
    ws.addRow(columns.map((c) => exportCell(c.value(row)))).commit();
  }
  ws.commit();
  await wb.commit();
}
