/** One data row of an import file, as every reader yields it. */
export interface ImportRow {
  /**
   * 1-based line (text files) or sheet row (XLSX) where the row starts, counting the header, so
   * that an error report points at what a person sees in an editor or in Excel.
   */
  row: number;
  /** Cell texts, in column order; never null (an empty cell is ""). */
  values: string[];
}

/** The formats the readers understand. */
export type ImportFileKind = 'csv' | 'tsv' | 'whitespace' | 'xlsx';
