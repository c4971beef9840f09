import type { ImportRow } from '../../domain/import/row';
import { splitWhitespaceLine } from '../../domain/import/whitespace-line';
import { DEFAULT_MAX_LINE_LENGTH, readLines } from './lines';

/**
 * Streams the rows of a whitespace-separated text file (columns padded with runs of spaces or
 * tabs), one line a row, the header line included as row 1. Blank lines are skipped but still
 * counted, so row numbers stay the file's line numbers.
 */
export async function* readWhitespaceRows(
  text: AsyncIterable<string | Buffer>,
  maxLineLength = DEFAULT_MAX_LINE_LENGTH,
): AsyncGenerator<ImportRow> {
  for await (const { line, text: content } of readLines(text, maxLineLength)) {
    const values = splitWhitespaceLine(content);
    if (values.length > 0) yield { row: line, values };
  }
}
