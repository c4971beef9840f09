/** Shapes of the import API's JSON (see /api/docs, tag "imports"). */

export const IMPORT_TARGETS = ['customers', 'orders', 'payments'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const IMPORT_ENCODINGS = [
  'auto',
  'utf-8',
  'gbk',
  'gb18030',
  'utf-16le',
  'utf-16be',
] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const DECIMAL_SEPARATORS = ['.', ','] as const;
export const THOUSANDS_SEPARATORS = [',', '.', ' ', "'", ''] as const;
export const ROUNDINGS = ['reject', 'half-up', 'half-even'] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];
export type ThousandsSeparator = (typeof THOUSANDS_SEPARATORS)[number];
export type Rounding = (typeof ROUNDINGS)[number];

/** Which field a file column most likely feeds, as the server guessed it from the header. */
export interface ColumnSuggestion {
  index: number;
  header: string;
  field: string | null;
  /** 0–1. */
  confidence: number;
}

/** What an upload (or a second look at it with another encoding) shows of the file. */
export interface UploadPreview {
  uploadId: string;
  fileName: string;
  size: number;
  /** csv, tsv, whitespace, xlsx … */
  kind: string;
  /** The encoding the file was read with; null for XLSX. */
  encoding: string | null;
  headers: string[];
  sample: string[][];
  suggestions: Record<ImportTarget, ColumnSuggestion[]>;
}

/** One file column assigned to one field. */
export interface ColumnMapping {
  header?: string;
  index?: number;
  field: string;
}

/** How a file is read: the JSON the server validates and saves (mapping.schema.ts). */
export interface ImportMapping {
  version?: 1;
  target: ImportTarget;
  encoding: ImportEncoding;
  sheet?: string;
  hasHeader: boolean;
  columns: ColumnMapping[];
  dateFormat: string;
  decimalSeparator: DecimalSeparator;
  thousandsSeparator: ThousandsSeparator;
  currencyScale: number;
  rounding: Rounding;
  allowNegativeAmounts: boolean;
}

export interface SavedMapping {
  id: number;
  target: string;
  name: string;
  mapping: unknown;
  updatedAt: string;
}

export const IMPORT_MODES = ['dry_run', 'all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type CommitMode = Exclude<ImportMode, 'dry_run'>;

export interface ImportOptions {
  createMissingCustomers?: boolean;
  newCustomerType?: 'individual' | 'enterprise' | 'group' | 'internal';
}

export interface StartImportInput {
  uploadId: string;
  fileName: string;
  target: ImportTarget;
  mapping: ImportMapping;
  mode: ImportMode;
  options?: ImportOptions;
}

/** A problem with one cell, row or the file; `row` is the file's line (the header is row 1). */
export interface ImportIssue {
  field: string;
  message: string;
  row?: number;
  value?: unknown;
  expected?: string;
}

export interface ImportResult {
  runId: number;
  /** dry_run; committed; rejected (all-or-nothing met bad rows and wrote nothing). */
  status: string;
  rowsTotal: number;
  created: number;
  updated: number;
  rejected: number;
  customersCreated: number;
  /** The first issues; the error report holds all `issueCount` of them. */
  issues: ImportIssue[];
  issueCount: number;
  /** Notes that did not reject a row, such as a possible duplicate customer. */
  warnings: ImportIssue[];
}

export interface ImportJob {
  id: string;
  target: string;
  mode: string;
  status: 'running' | 'done' | 'failed';
  rowsRead: number;
  startedAt: string;
  result?: ImportResult;
  error?: { code: string; message: string; details: Record<string, unknown> };
}

/** One run of the import history. */
export interface ImportRun {
  id: number;
  target: string;
  fileName: string;
  mode: string;
  status: string;
  rowsTotal: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsRejected: number;
  customersCreated: number;
  message: string | null;
  hasErrorReport: boolean;
  hasRejectedFile: boolean;
  startedAt: string;
  finishedAt: string | null;
}
