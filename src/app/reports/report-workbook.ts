import type { Worksheet } from 'exceljs';
import { exportCell } from '../../domain/export/formula';
import {
  type Cell,
  cellKind,
  type ReportContent,
  type ReportFigure,
  type ReportLang,
  type ReportTable,
  say,
  type ValueKind,
} from './report-content';

const FORMATS: Partial<Record<ValueKind, string>> = {
  money: '#,##0.00',
  percent: '0.0%',
  change: '+0.0%;-0.0%;0.0%',
  count: '#,##0',
  number: '#,##0.####',
};

/** A cell as the sheet holds it: money in major units, labels in the language, text escaped. */
function value(cell: Cell, kind: ValueKind, lang: ReportLang): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'object') return exportCell(say(cell, lang));
  if (typeof cell === 'number') return kind === 'money' ? cell / 100 : cell;
  return exportCell(cell);
}

const T = {
  period: { zh: '报告期', en: 'Period' },
  previous: { zh: '对比期', en: 'Compared with' },
  mtd: { zh: '本月至今', en: 'Month to date' },
  window: { zh: '分析区间（月）', en: 'Analysis window (months)' },
  filters: { zh: '筛选', en: 'Filters' },
  none: { zh: '全部客户', en: 'All customers' },
  generated: { zh: '生成时间', en: 'Generated at' },
  figure: { zh: '指标', en: 'Figure' },
  figures: { zh: '主要指标', en: 'Key figures' },
  value: { zh: '数值', en: 'Value' },
  before: { zh: '上期', en: 'Before' },
  change: { zh: '变化', en: 'Change' },
  summary: { zh: '概要', en: 'Summary' },
} as const;

/** Writes a table from `row` on; returns the next free row. */
function writeTable(ws: Worksheet, row: number, t: ReportTable, lang: ReportLang): number {
  ws.getCell(row, 1).value = say(t.title, lang);
  ws.getCell(row, 1).font = { bold: true, size: 12 };
  const header = ws.getRow(row + 1);
  t.columns.forEach((c, j) => {
    header.getCell(j + 1).value = say(c.label, lang);
  });
  header.font = { bold: true };
  t.rows.forEach((r, i) => {
    const line = ws.getRow(row + 2 + i);
    t.columns.forEach((c, j) => {
      const kind = cellKind(c, r);
      const cell = line.getCell(j + 1);
      cell.value = value(r[c.key] ?? null, kind, lang);
      const fmt = FORMATS[kind];
      if (fmt && typeof cell.value === 'number') cell.numFmt = fmt;
    });
  });
  return row + 2 + t.rows.length + 1;
}

/** Writes the figures as a small table (figure, value, before, change). */
function writeFigures(ws: Worksheet, row: number, figures: ReportFigure[], lang: ReportLang) {
  if (figures.length === 0) return row;
  const table: ReportTable = {
    key: 'figures',
    title: T.figures,
    columns: [
      { key: 'figure', label: T.figure, kind: 'text' },
      { key: 'value', label: T.value, kind: 'auto' },
      { key: 'previous', label: T.before, kind: 'auto' },
      { key: 'change', label: T.change, kind: 'change' },
    ],
    rows: figures.map((f) => ({
      figure: f.label,
      kind: f.kind,
      value: f.value,
      previous: f.previous ?? null,
      change: f.change ?? null,
    })),
  };
  return writeTable(ws, row, table, lang);
}

/** A sheet name Excel accepts: no []:*?/\ and at most 31 characters, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const clean = title.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet';
  let name = clean.slice(0, 31);
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${clean.slice(0, 27)} ${k}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The report as an XLSX workbook, built only from its stored content: a summary sheet (period,
 * filters, headline figures), then one sheet per section with its figures and tables. The same
 * content gives the same workbook, whenever it is downloaded. Money is in major units.
 */
export async function reportWorkbook(content: ReportContent, lang: ReportLang): Promise<Buffer> {
  // Loaded on first use: exceljs alone adds ~0.4 s to server start-up.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const at = new Date(content.generatedAt);
  wb.creator = 'Tierdesk';
  wb.created = at;
  wb.modified = at;
  const used = new Set<string>();
  const summary = wb.addWorksheet(sheetName(say(T.summary, lang), used));
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 40;
  summary.getCell(1, 1).value = exportCell(say(content.title, lang));
  summary.getCell(1, 1).font = { bold: true, size: 14 };
  const d = content.days;
  const lines: [string, string][] = [
    [say(T.period, lang), `${d.from} – ${d.to}`],
    [say(T.previous, lang), `${d.previousFrom} – ${d.previousTo}`],
    ...(content.monthToDate
      ? [
          [say(T.mtd, lang), `${content.monthToDate.from} – ${content.monthToDate.to}`] as [
            string,
            string,
          ],
        ]
      : []),
    [say(T.window, lang), `${content.window.from} – ${content.window.to}`],
    [say(T.filters, lang), content.scopeText ? say(content.scopeText, lang) : say(T.none, lang)],
    [say(T.generated, lang), content.generatedAt],
  ];
  lines.forEach(([k, v], i) => {
    summary.getCell(3 + i, 1).value = k;
    summary.getCell(3 + i, 1).font = { bold: true };
    summary.getCell(3 + i, 2).value = exportCell(v);
  });
  const headline = content.sections.find((s) => s.key === 'headline');
  if (headline) writeFigures(summary, 4 + lines.length, headline.figures, lang);

  for (const s of content.sections) {
    const ws = wb.addWorksheet(sheetName(say(s.title, lang), used));
    ws.getColumn(1).width = 24;
    for (let j = 2; j <= 10; j++) ws.getColumn(j).width = 16;
    ws.getCell(1, 1).value = exportCell(say(s.title, lang));
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    let row = 2;
    if (s.note) ws.getCell(row++, 1).value = exportCell(say(s.note, lang));
    if (s.unavailable) ws.getCell(row++, 1).value = exportCell(say(s.unavailable, lang));
    row = writeFigures(ws, row + 1, s.figures, lang);
    for (const t of s.tables) row = writeTable(ws, row, t, lang);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
