import type { Period } from '../../domain/analytics/period';

/** Languages a report can be read in. */
export type ReportLang = 'zh-CN' | 'en';

/** A text in both languages; the reader's language picks one. */
export interface Label {
  zh: string;
  en: string;
}

/** The text of a label in a language. */
export function say(label: Label, lang: ReportLang): string {
  return lang === 'en' ? label.en : label.zh;
}

/**
 * How a value is shown: money in minor units (fen), a share as a fraction (0.25 = 25 %), a
 * relative change as a fraction (null when there is nothing to compare with). 'auto' columns take
 * the kind each row names in its `kind` cell (a table of mixed figures: money and counts).
 */
export type ValueKind =
  | 'text'
  | 'count'
  | 'money'
  | 'percent'
  | 'change'
  | 'number'
  | 'date'
  | 'auto';

/** The kind of one cell: the column's, or for an 'auto' column the row's `kind`. */
export function cellKind(column: ReportColumn, row: Record<string, Cell>): ValueKind {
  if (column.kind !== 'auto') return column.kind;
  const k = row.kind;
  return typeof k === 'string' ? (k as ValueKind) : 'number';
}

/** One cell: a number, a text, a text in both languages, or nothing. */
export type Cell = string | number | null | Label;

export interface ReportColumn {
  key: string;
  label: Label;
  kind: ValueKind;
}

/** A table of a section: the XLSX writes it as is, the printable page draws it. */
export interface ReportTable {
  key: string;
  title: Label;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
}

/** A chart the printable page draws from one of the section's tables. */
export interface ReportChart {
  kind: 'bar' | 'pie';
  title: Label;
  /** The table it draws, its label column and its value column(s). */
  table: string;
  label: string;
  values: string[];
}

/** One headline number of a section (the printable page shows them as cards). */
export interface ReportFigure {
  key: string;
  label: Label;
  kind: ValueKind;
  value: number | null;
  /** The same figure in the period before, when there is one to compare with. */
  previous?: number | null;
  /** value / previous − 1; null when previous is 0 or missing. */
  change?: number | null;
}

/** One section of a report as stored: figures, tables and charts, or why it is missing. */
export interface ReportSectionContent {
  key: string;
  title: Label;
  /** What the section covers when it differs from the report's window (e.g. the whole base). */
  note?: Label;
  figures: ReportFigure[];
  tables: ReportTable[];
  charts: ReportChart[];
  /** Set when the section has nothing to show (no scheme, no model) or could not be computed. */
  unavailable?: Label;
}

/** The days a report covers and the days it compares them with. */
export interface ReportDays {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/**
 * The stored figures of a report (analytics_reports.content). Everything needed to show it is
 * here, in both languages, so it reads the same however the data or the code change later.
 */
export interface ReportContent {
  version: 1;
  title: Label;
  cadence: 'weekly' | 'monthly' | 'adhoc';
  generatedAt: string;
  /** The business date the report was made for (the schedule's date or today). */
  asOf: string;
  days: ReportDays;
  /** Weekly reports: the month so far (to the week's end) against the same days a month before. */
  monthToDate: ReportDays | null;
  /** The months the analysis sections (value, RFM, lifecycle …) cover. */
  window: Period;
  filters: Record<string, unknown>;
  /** The filters in words (owner and scheme names resolved when the report ran); null = all. */
  scopeText: Label | null;
  sections: ReportSectionContent[];
}

/** Relative change of a figure, null when there is nothing to compare with. */
export function change(value: number, previous: number): number | null {
  return previous === 0 ? null : value / previous - 1;
}

/** A column definition. */
export const col = (key: string, zh: string, en: string, kind: ValueKind): ReportColumn => ({
  key,
  label: { zh, en },
  kind,
});

/** A label. */
export const label = (zh: string, en: string): Label => ({ zh, en });
