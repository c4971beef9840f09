import type { Readable } from 'node:stream';
import { type ExportColumn, type ExportFormat, writeTable } from '../export/table-writer';

/**
 * A figure's rows, already computed, as CSV or XLSX: the table writer streams from an async
 * iterable, which a figure's small in-memory table only has to be wrapped in.
 */
export function writeFigureTable<T>(
  format: ExportFormat,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  sheetName: string,
): Readable {
  async function* each() {
    yield* rows;
  }
  return writeTable(format, columns, each(), sheetName);
}
