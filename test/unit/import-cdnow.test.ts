import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openImportFile } from '../../src/app/import/import-file';
import { parseDate } from '../../src/domain/import/parse-date';
import {
  DEFAULT_AMOUNT_FORMAT,
  parseAmount,
  parseInteger,
} from '../../src/domain/import/parse-number';
import { suggestMapping } from '../../src/domain/import/suggest-mapping';

// The repository's sibling folder shared/ (../shared from the repo root) holds the CDNOW data.
const CDNOW = fileURLToPath(new URL('../../../shared/data/CDNOW_master.txt', import.meta.url));

describe('CDNOW_master.txt through the whitespace reader', () => {
  it('reads 69,659 purchases of 23,570 customers with exact amounts', async () => {
    const source = await openImportFile(CDNOW);
    expect(source).toMatchObject({ kind: 'whitespace', encoding: { encoding: 'utf-8' } });
    const ids = new Set<string>();
    let header: string[] | undefined;
    let dataRows = 0;
    let cents = 0;
    let lastRow = 0;
    const problems: unknown[] = [];
    for await (const { row, values } of source.rows()) {
      expect(row).toBeGreaterThan(lastRow);
      lastRow = row;
      if (row === 1) {
        header = values;
        continue;
      }
      dataRows++;
      const [id, date, qty, amount] = values as [string, string, string, string];
      ids.add(id);
      const d = parseDate(date, 'YYYYMMDD', { field: 'date', row });
      const q = parseInteger(qty, { min: 0 }, { field: 'quantity', row });
      const a = parseAmount(amount, DEFAULT_AMOUNT_FORMAT, { field: 'amount', row });
      if (!d.ok || !q.ok || !a.ok || values.length !== 4) problems.push({ row, values });
      if (a.ok) cents += a.value;
    }
    expect(header).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(
      suggestMapping(header!, ['code', 'date', 'quantity', 'amount']).map((s) => s.field),
    ).toEqual(['code', 'date', 'quantity', 'amount']);
    expect(problems).toEqual([]);
    expect(dataRows).toBe(69_659);
    expect(ids.size).toBe(23_570);
    expect(lastRow).toBe(69_660);

    // Cross-check the total against a plain reading of the file: every amount has two decimals,
    // so rounding each to cents is exact.
    const plain = readFileSync(CDNOW, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim())
      .reduce((sum, l) => sum + Math.round(Number(l.trim().split(/\s+/)[3]) * 100), 0);
    expect(cents).toBe(plain);
  });
});
