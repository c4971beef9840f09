import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import type { ImportRow } from '../../src/domain/import/row';

/** A temporary folder for one test file, removed after its tests. */
export function tempDir(): {
  path: (name: string) => string;
  write: (name: string, data: string | Uint8Array) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'tierdesk-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = (name: string) => join(dir, name);
  return {
    path,
    write: (name, data) => {
      writeFileSync(path(name), data);
      return path(name);
    },
  };
}

/** Every row a reader yields. */
export async function collect(rows: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(
  p: Promise<unknown>,
): Promise<Error & { code?: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/** Writes an XLSX workbook with the given sheets (rows of cell values). */
export async function writeWorkbook(
  file: string,
  sheets: Record<string, unknown[][]>,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
  return file;
}
