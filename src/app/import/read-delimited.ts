import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { fileError } from '../../domain/import/file-error';
import type { ImportRow } from '../../domain/import/row';
import { DEFAULT_MAX_LINE_LENGTH } from './lines';

const LINE_BREAKS = /\r\n|\r|\n/g;

function breaksIn(values: string[]): number {
  let n = 0;
  for (const v of values) {
    // Most fields hold no line break; the cheap test spares a regex per field.
    if (v.includes('\n') || v.includes('\r')) n += v.match(LINE_BREAKS)?.length ?? 0;
  }
  return n;
}

/**
 * Streams the records of CSV or TSV text through csv-parse: quoted fields with embedded
 * delimiters, doubled quotes and line breaks, CRLF or LF line ends. `row` is the line a record
 * starts on (header = 1), counted here from the records themselves because a quoted field may
 * span lines. Records whose cells are all empty (blank lines, trailing ",,,") are skipped.
 * Quotes inside unquoted fields are kept as text; an unterminated quote or garbage after a
 * closing quote is a `syntax` error naming the line where the record starts.
 */
export async function* readDelimitedRows(
  text: Readable,
  opts: { delimiter: string; maxRecordLength?: number },
): AsyncGenerator<ImportRow> {
  const parser = parse({
    delimiter: opts.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: opts.maxRecordLength ?? DEFAULT_MAX_LINE_LENGTH,
  });
  text.on('error', (e) => parser.destroy(e));
  text.pipe(parser);
  let line = 1;
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      const row = line;
      line += 1 + breaksIn(values);
      if (values.some((v) => v !== '')) yield { row, values };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code?.startsWith('CSV_')) throw e;
    const reason = code === 'CSV_MAX_RECORD_SIZE' ? 'line-too-long' : 'syntax';
    throw fileError(
      reason,
      `the record starting at line ${line} cannot be read: ${(e as Error).message}`,
      {
        row: line,
        expected: 'CSV with balanced quotes ("" for a quote inside a quoted field)',
      },
    );
  } finally {
    text.unpipe(parser);
    text.destroy();
  }
}
