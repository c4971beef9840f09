import {
  DECIMAL_SEPARATORS,
  IMPORT_ENCODINGS,
  type ImportEncoding,
  type ImportMapping,
  type ImportTarget,
  ROUNDINGS,
  THOUSANDS_SEPARATORS,
  type UploadPreview,
} from '../../api/import-types';
import type { TargetField } from './import-fields';

/** How the file is read, apart from which column feeds which field. */
export type FileSettings = Omit<ImportMapping, 'target' | 'columns' | 'version' | 'sheet'>;

export const DEFAULT_SETTINGS: FileSettings = {
  encoding: 'auto',
  hasHeader: true,
  dateFormat: 'YYYY-MM-DD',
  decimalSeparator: '.',
  thousandsSeparator: ',',
  currencyScale: 2,
  rounding: 'reject',
  allowNegativeAmounts: false,
};

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYYMMDD',
  'YYYY/M/D',
  'DD/MM/YYYY',
  'excel-serial',
] as const;

/** Per file column: the field it feeds (null: not imported) and how sure the suggestion was. */
export interface ColumnChoice {
  field: string | null;
  /** The server's confidence when the field came from its suggestion; null once chosen by hand. */
  confidence: number | null;
}

/** How many columns the file has, looking at the header and the sample rows. */
export function columnCount(preview: UploadPreview): number {
  return Math.max(preview.headers.length, ...preview.sample.map((r) => r.length), 0);
}

/** The columns as the server suggested them for a target. */
export function suggestedColumns(preview: UploadPreview, target: ImportTarget): ColumnChoice[] {
  const suggestions = preview.suggestions[target] ?? [];
  return Array.from({ length: columnCount(preview) }, (_, i) => {
    const s = suggestions.find((x) => x.index === i);
    return s?.field
      ? { field: s.field, confidence: s.confidence }
      : { field: null, confidence: null };
  });
}

/** The mapping JSON the server takes. Without a header row, columns are found by position. */
export function buildMapping(
  target: ImportTarget,
  preview: UploadPreview,
  columns: readonly ColumnChoice[],
  settings: FileSettings,
): ImportMapping {
  return {
    target,
    ...settings,
    columns: columns.flatMap((c, index) => {
      if (!c.field) return [];
      const header = preview.headers[index]?.trim();
      return [
        settings.hasHeader && header
          ? { header, index, field: c.field }
          : { index, field: c.field },
      ];
    }),
  };
}

/** Required fields no column feeds yet. */
export function missingRequired(
  fields: readonly TargetField[],
  columns: readonly ColumnChoice[],
): TargetField[] {
  const mapped = new Set(columns.map((c) => c.field));
  return fields.filter((f) => f.required && !mapped.has(f.field));
}

/** Header text compared as the server does: width, case and spaces ignored. */
function fold(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
}

const oneOf = <T>(list: readonly T[], v: unknown, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

/** The file settings a saved mapping carries, with defaults for what it leaves out. */
export function savedSettings(raw: unknown): FileSettings {
  const m = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const scale = Number(m.currencyScale);
  return {
    encoding: oneOf<ImportEncoding>(IMPORT_ENCODINGS, m.encoding, DEFAULT_SETTINGS.encoding),
    hasHeader: typeof m.hasHeader === 'boolean' ? m.hasHeader : DEFAULT_SETTINGS.hasHeader,
    dateFormat:
      typeof m.dateFormat === 'string' && m.dateFormat ? m.dateFormat : DEFAULT_SETTINGS.dateFormat,
    decimalSeparator: oneOf(DECIMAL_SEPARATORS, m.decimalSeparator, '.'),
    thousandsSeparator: oneOf(THOUSANDS_SEPARATORS, m.thousandsSeparator, ','),
    currencyScale: Number.isInteger(scale) && scale >= 0 && scale <= 4 ? scale : 2,
    rounding: oneOf(ROUNDINGS, m.rounding, 'reject'),
    allowNegativeAmounts: m.allowNegativeAmounts === true,
  };
}

/**
 * A saved mapping laid over this file's columns. With a header row, a saved column is found by
 * its header text only (a column this file lacks stays unmapped rather than landing on whatever
 * sits at its old position); without one, by position. Fields the target does not know are dropped.
 */
export function savedColumns(
  raw: unknown,
  preview: UploadPreview,
  hasHeader: boolean,
  known: readonly TargetField[],
): ColumnChoice[] {
  const saved = (raw as { columns?: unknown })?.columns;
  const list = Array.isArray(saved)
    ? (saved as { header?: unknown; index?: unknown; field?: unknown }[])
    : [];
  const headers = preview.headers.map(fold);
  const result: ColumnChoice[] = Array.from({ length: columnCount(preview) }, () => ({
    field: null,
    confidence: null,
  }));
  for (const c of list) {
    if (typeof c.field !== 'string' || !known.some((f) => f.field === c.field)) continue;
    const byHeader = hasHeader && typeof c.header === 'string';
    const at = byHeader
      ? headers.indexOf(fold(c.header as string))
      : typeof c.index === 'number'
        ? c.index
        : -1;
    const slot = result[at];
    if (slot && !slot.field) slot.field = c.field;
  }
  return result;
}

/** Sample values of one column: the first rows after the header (or from the top without one). */
export function sampleValues(preview: UploadPreview, hasHeader: boolean, index: number): string[] {
  const rows = hasHeader ? preview.sample : [preview.headers, ...preview.sample];
  return rows.slice(0, 3).map((r) => r[index] ?? '');
}

/** A rough number of data rows from the file size and the sample's row length, for progress. */
export function estimateRows(preview: UploadPreview): number {
  const rows = [preview.headers, ...preview.sample];
  const bytes = rows.reduce((n, r) => n + new TextEncoder().encode(r.join(',')).length + 2, 0);
  const perRow = Math.max(1, bytes / Math.max(1, rows.length));
  return Math.max(1, Math.round(preview.size / perRow) - 1);
}
