import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import type { FieldIssue } from '../../domain/errors';
import { exportCell } from '../../domain/export/formula';

/** How many issues a run keeps in memory to show on the page; all of them go to the report file. */
export const ISSUES_SHOWN = 200;

/**
 * Collects the problems of an import as they are found: the first ones in memory for the
 * answer, every one in an error report CSV (row, column, value, expected, message), and the
 * rejected rows themselves (original cells plus the reasons) in a second CSV the user can fix and
 * import again. Both files stream, so a file with millions of bad rows costs no memory.
 */
export class ImportReport {
  readonly shown: FieldIssue[] = [];
  readonly warnings: FieldIssue[] = [];
  issueCount = 0;
  rejectedRows = 0;
  private errors = stringify({
    header: true,
    columns: ['row', 'column', 'value', 'expected', 'message'],
  });
  private rejected = stringify();
  private errorsOut: WriteStream;
  private rejectedOut: WriteStream;
  private headerWritten = false;

  constructor(
    readonly errorsPath: string,
    readonly rejectedPath: string,
  ) {
    this.errorsOut = createWriteStream(errorsPath);
    this.rejectedOut = createWriteStream(rejectedPath);
    this.errorsOut.write('\uFEFF');
    this.rejectedOut.write('\uFEFF');
    this.errors.pipe(this.errorsOut);
    this.rejected.pipe(this.rejectedOut);
  }

  /** Records the header line so the rejected-rows file can be imported again as it is. */
  header(values: readonly string[]): void {
    if (this.headerWritten) return;
    this.headerWritten = true;
    this.rejected.write(['row', ...values.map((v) => String(exportCell(v) ?? '')), 'errors']);
  }

  /** Records one rejected row with all its issues. */
  reject(row: number, values: readonly string[], issues: readonly FieldIssue[]): void {
    this.rejectedRows++;
    for (const i of issues) this.issue(i);
    this.rejected.write([
      row,
      ...values.map((v) => String(exportCell(v) ?? '')),
      issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    ]);
  }

  /** Records a problem that is not tied to rejecting a row (e.g. a missing column). */
  issue(i: FieldIssue): void {
    this.issueCount++;
    if (this.shown.length < ISSUES_SHOWN) this.shown.push(i);
    this.errors.write([
      i.row ?? '',
      i.field,
      exportCell(i.value === undefined ? '' : String(i.value)) ?? '',
      i.expected ?? '',
      i.message,
    ]);
  }

  /** A note that does not reject the row, such as a possible duplicate customer. */
  warn(i: FieldIssue): void {
    if (this.warnings.length < ISSUES_SHOWN) this.warnings.push(i);
  }

  /** Flushes and closes both files. */
  async close(): Promise<void> {
    const done = (s: WriteStream) => new Promise<void>((r) => s.on('close', () => r()));
    const a = done(this.errorsOut);
    const b = done(this.rejectedOut);
    this.errors.end();
    this.rejected.end();
    await Promise.all([a, b]);
  }
}
