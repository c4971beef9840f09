import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportData } from '../api/reports-data';
import { cliSandbox } from '../support/cli';

describe('tierdesk report commands', { timeout: 180_000 }, () => {
  const cli = cliSandbox('tierdesk-report-cli-');
  const { dir, tierdesk, failing } = cli;

  beforeAll(async () => {
    const deps = await cli.openDeps();
    try {
      await seedReportData(deps);
    } finally {
      await deps.store.close();
    }
  });
  afterAll(() => cli.dispose());

  it('makes an adhoc report, prints its figures and writes the workbook', async () => {
    const out = join(dir, 'report.xlsx');
    const r = await tierdesk(
      'report',
      'run',
      '--cadence',
      'adhoc',
      '--from',
      '2024-07',
      '--to',
      '2025-06',
      '--lang',
      'en',
      '--out',
      out,
    );
    expect(r.stdout).toContain(
      'Report 1: Analytics report 2024-07 – 2025-06 (2024-07-01 – 2025-06-30)',
    );
    expect(r.stdout).toMatch(
      /Headline: Customers 4 · Revenue 2100\.00 · Profit 950\.00 · Orders 5/,
    );
    expect(r.stdout).toMatch(/Revenue Gini 0\.4444 · Top 20% share of revenue 71\.4%/);
    expect(r.stdout).toContain('No lifetime-value model has been fitted yet.');
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain('RFM segments');
    expect(wb.getWorksheet('Summary')?.getCell(1, 1).value).toBe(
      'Analytics report 2024-07 – 2025-06',
    );
  });

  it('makes the weekly report by default and lists the reports made', async () => {
    const r = await tierdesk('report', 'run');
    expect(r.stdout).toMatch(/^Report 2: 周报 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    const list = await tierdesk('report', 'list');
    expect(list.stdout).toMatch(/weekly/);
    expect(list.stdout).toMatch(/adhoc/);
  });

  it('names the bad option of a refused report', async () => {
    const bad = await failing('report', 'run', '--cadence', 'adhoc', '--from', '2025-13');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/filters\.from: must be a month YYYY-MM/);
    const weekly = await failing('report', 'run', '--from', '2025-01');
    expect(weekly.stderr).toMatch(/filters\.from: from applies to adhoc reports only/);
  });
});
