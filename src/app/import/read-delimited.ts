import { Readable } from 'node:stream';
import { type CsvError, type Options, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { fileError } from '../../domain/import/file-error';
import type { ImportRow } from '../../domain/import/row';
import { DEFAULT_MAX_LINE_LENGTH } from './lines';

const LINE_BREAKS = /\r\n|\r|\n/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Rows handed on at a time by the readers below. */
const BATCH_ROWS = 2048;

export interface DelimitedOptions {
  delimiter: string;
  maxRecordLength?: number;
}

function breaksIn(values: readonly string[]): number {
  let n = 0;
  for (const v of values) {
    // Most fields hold no line break; the cheap test spares a regex per field.
    if (v.includes('\n') || v.includes('\r')) n += v.match(LINE_BREAKS)?.length ?? 0;
  }
  return n;
}

function csvOptions(opts: DelimitedOptions, recordDelimiter?: string) {
  return {
    delimiter: opts.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: opts.maxRecordLength ?? DEFAULT_MAX_LINE_LENGTH,
    ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
  };
}

function isCsvError(e: unknown): e is CsvError {
  return (e as { code?: unknown })?.code?.toString().startsWith('CSV_') === true;
}

/** The import error for a record csv-parse refused, named by the line the record starts on. */
function recordError(e: CsvError, line: number, opts: DelimitedOptions) {
  const tooLong = e.code === 'CSV_MAX_RECORD_SIZE';
  const why = tooLong
    ? `it is longer than ${opts.maxRecordLength ?? DEFAULT_MAX_LINE_LENGTH} bytes`
    : e.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is never closed'
      : e.message;
  return fileError(
    tooLong ? 'line-too-long' : 'syntax',
    `the record starting at line ${line} cannot be read: ${why}`,
    { row: line, expected: 'CSV with balanced quotes ("" for a quote inside a quoted field)' },
  );
}

/** Counts lines and keeps the non-empty records, as both readers below do. */
class RowCounter {
  line = 1;
  batch: ImportRow[] = [];

  push(values: string[]): void {
    const row = this.line;
    this.line += 1 + breaksIn(values);
    if (values.some((v) => v !== '')) this.batch.push({ row, values });
  }

  take(): ImportRow[] {
    const b = this.batch;
    this.batch = [];
    return b;
  }
}

/**
 * Streams the records of CSV or TSV text through csv-parse alone: quoted fields with embedded
 * delimiters, doubled quotes and line breaks, CRLF or LF line ends. `row` is the line a record
 * starts on (header = 1), counted here from the records themselves because a quoted field may
 * span lines. Records whose cells are all empty (blank lines, trailing ",,,") are skipped.
 * Quotes inside unquoted fields are kept as text; an unterminated quote is a `syntax` error
 * naming the line where the record starts. This is the fallback of {@link readDelimitedBatches}:
 * `line` and `recordDelimiter` let it continue where that reader stopped.
 */
export async function* readDelimitedWithCsvParse(
  text: AsyncIterable<string | Buffer>,
  opts: DelimitedOptions,
  from: { line?: number; recordDelimiter?: string } = {},
): AsyncGenerator<ImportRow[]> {
  // Records are taken as csv-parse produces them (on_record), chunk by chunk, rather than read
  // from its stream: an error ends a stream at once, dropping records not yet read, and every
  // record before an error must be handed on and counted for the line the error names.
  let line = from.line ?? 1;
  let produced: ImportRow[] = [];
  const options: Options<ImportRow, string[]> = {
    ...csvOptions(opts, from.recordDelimiter),
    on_record: (values) => {
      const row = line;
      line += 1 + breaksIn(values);
      if (values.some((v) => v !== '')) produced.push({ row, values });
      return null;
    },
  };
  const parser = parse(options as unknown as Options);
  parser.resume();
  // The parser reports a failure both to the write's callback and as an 'error' event.
  let failed: Error | undefined;
  let pending: ((e: Error) => void) | undefined;
  parser.on('error', (e) => {
    failed ??= e;
    pending?.(e);
  });
  const feed = (chunk?: string | Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (failed) return reject(failed);
      pending = reject;
      const done = (e?: Error | null) => {
        pending = undefined;
        if (e ?? failed) reject(e ?? failed);
        else resolve();
      };
      if (chunk === undefined) parser.end(done);
      else parser.write(chunk, done);
    });
  try {
    for await (const chunk of text) {
      await feed(chunk as string | Buffer);
      if (produced.length >= BATCH_ROWS) {
        yield produced;
        produced = [];
      }
    }
    await feed();
    if (produced.length) yield produced;
  } catch (e) {
    if (!isCsvError(e)) throw e;
    if (produced.length) yield produced;
    throw recordError(e, line, opts);
  } finally {
    parser.destroy();
    if (text instanceof Readable) text.destroy();
  }
}

/**
 * Streams CSV or TSV records in batches, exactly as csv-parse (with the options above) reads
 * them, but several times faster on the lines that need no CSV parsing at all.
 *
 * Why: csv-parse examines every byte through generic option checks; on the import benchmark's
 * order file (bench/import.bench.ts, 2-core machine) it reads about 150k rows a second, against
 * 650–830k for this reader, and it was the largest single cost of a large import. Most lines of real exports hold no quote: such a line is its fields split at
 * the delimiter, which `String.prototype.split` does natively. Every line that holds a quote
 * (or is long enough to reach the record-size limit) goes to csv-parse, so quoting rules are
 * csv-parse's own and never reimplemented here:
 *  - The record delimiter is found as csv-parse finds it: the first CR LF, LF or CR of the text.
 *    When the line before it holds a quote, the whole file is read by csv-parse.
 *  - A line with a quote is parsed by csv-parse (sync) from its start, together with the lines
 *    right after it that hold a quote too; while csv-parse says a quote is still open at the end
 *    of the piece, the piece grows (doubling the number of lines, so long multi-line fields cost
 *    linear time). A piece that ends outside quotes ends at a
 *    record boundary, so the records csv-parse returns are the ones it would return streaming.
 *  - Anything unusual (a piece or line growing past 4× the record limit) hands the rest of the
 *    text, from the current record on, to the streaming csv-parse reader.
 * The unit tests check on random text that both give the same rows and errors.
 */
export async function* readDelimitedBatches(
  text: Readable,
  opts: DelimitedOptions,
): AsyncGenerator<ImportRow[]> {
  const maxRecord = opts.maxRecordLength ?? DEFAULT_MAX_LINE_LENGTH;
  // A UTF-16 code unit is at most 3 UTF-8 bytes: lines this short cannot reach csv-parse's limit.
  const fastMax = Math.floor(maxRecord / 3);
  const cap = 4 * maxRecord + 64;
  const delimiter = opts.delimiter;
  const it = text[Symbol.asyncIterator]() as AsyncIterator<string | Buffer>;
  const counter = new RowCounter();
  let carry = '';
  let pos = 0;
  let eof = false;

  /** Appends the next chunk to `carry` (dropping what was consumed); false at the end. */
  const pull = async (): Promise<boolean> => {
    const r = await it.next();
    if (r.done) {
      eof = true;
      return false;
    }
    const chunk = r.value;
    // csv-parse turns each string chunk into UTF-8 on its own, which replaces an unpaired
    // surrogate by U+FFFD; do the same so both readers see the same text.
    const s =
      typeof chunk === 'string' ? chunk.replace(LONE_SURROGATE, '\uFFFD') : chunk.toString();
    carry = pos > 0 ? carry.slice(pos) + s : carry + s;
    pos = 0;
    return true;
  };

  /** The rest of the text, from `pos` on, as a stream for csv-parse. */
  async function* rest(): AsyncGenerator<string | Buffer> {
    if (pos < carry.length) yield carry.slice(pos);
    carry = '';
    pos = 0;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }

  const fast = (line: string) => {
    const values = line.split(delimiter);
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      counter.push(values);
      return;
    }
    const row = counter.line++;
    // Non-empty unless the line is nothing but delimiters.
    if (line.length >= values.length) counter.batch.push({ row, values });
  };

  try {
    // The record delimiter, as csv-parse discovers it: the first line break of the text.
    let recordDelimiter: string | undefined;
    for (;;) {
      const cr = carry.indexOf('\r');
      const lf = carry.indexOf('\n');
      const i = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      if (i >= 0 && (carry[i] === '\n' || i + 1 < carry.length || eof)) {
        if (carry.lastIndexOf('"', i) >= 0 || i > fastMax) break;
        recordDelimiter = carry[i] === '\n' ? '\n' : carry[i + 1] === '\n' ? '\r\n' : '\r';
        break;
      }
      if (eof) {
        // One record without a line break, or no text at all.
        if (carry.length > 0 && carry.indexOf('"') < 0 && carry.length <= fastMax) {
          fast(carry);
          if (counter.batch.length) yield counter.take();
          return;
        }
        break;
      }
      if (carry.length > cap) break;
      await pull();
    }
    if (recordDelimiter === undefined) {
      yield* readDelimitedWithCsvParse(rest(), opts, { line: counter.line });
      return;
    }
    const rd = recordDelimiter;

    /**
     * Reads the records from `pos` with csv-parse, first up to `segEnd`, growing the piece while
     * csv-parse says a quote is still open at its end. False when the rest went to the stream.
     */
    const piece = async function* (segEnd: number): AsyncGenerator<ImportRow[], boolean> {
      let more = 1;
      for (;;) {
        const atEnd = eof && segEnd === carry.length;
        const records: string[][] = [];
        let error: CsvError | undefined;
        try {
          parseSync(carry.slice(pos, segEnd), {
            ...csvOptions(opts, rd),
            on_record: (r: string[]) => {
              records.push(r);
              return r;
            },
          });
        } catch (e) {
          if (!isCsvError(e)) throw e;
          error = e;
        }
        if (error?.code === 'CSV_QUOTE_NOT_CLOSED' && !atEnd) {
          if (segEnd - pos > cap) {
            yield* readDelimitedWithCsvParse(rest(), opts, {
              line: counter.line,
              recordDelimiter: rd,
            });
            return false;
          }
          // Grow the piece by `more` lines (to the end of the text at most), twice as many next.
          for (let k = more; k > 0; ) {
            const next = carry.indexOf(rd, segEnd);
            if (next >= 0) {
              segEnd = next + rd.length;
              k--;
              continue;
            }
            const offset = segEnd - pos;
            const got = await pull();
            segEnd = pos + offset;
            if (!got) {
              segEnd = carry.length;
              break;
            }
          }
          more *= 2;
          continue;
        }
        for (const r of records) counter.push(r);
        if (error) {
          if (counter.batch.length) yield counter.take();
          throw recordError(error, counter.line, opts);
        }
        pos = segEnd;
        return true;
      }
    };

    for (;;) {
      for (let end = carry.indexOf(rd, pos); end >= 0; end = carry.indexOf(rd, pos)) {
        const line = carry.slice(pos, end);
        if (line.length <= fastMax && line.indexOf('"') < 0) {
          fast(line);
          pos = end + rd.length;
          continue;
        }
        // The piece takes in the lines after this one that need csv-parse too, so a file that
        // quotes every field costs one csv-parse call per chunk rather than one per line.
        let segEnd = end + rd.length;
        for (let next = carry.indexOf(rd, segEnd); next >= 0; next = carry.indexOf(rd, segEnd)) {
          const quoted = carry.indexOf('"', segEnd);
          if (next - segEnd <= fastMax && (quoted < 0 || quoted > next)) break;
          segEnd = next + rd.length;
        }
        if (!(yield* piece(segEnd))) return;
      }
      if (counter.batch.length >= BATCH_ROWS) yield counter.take();
      if (eof) break;
      if (carry.length - pos > cap) {
        yield* readDelimitedWithCsvParse(rest(), opts, { line: counter.line, recordDelimiter: rd });
        return;
      }
      if (!(await pull()) && pos < carry.length) {
        // The last record, without a line break after it.
        const line = carry.slice(pos);
        if (line.length <= fastMax && line.indexOf('"') < 0) fast(line);
        else if (!(yield* piece(carry.length))) return;
        break;
      }
    }
    if (counter.batch.length) yield counter.take();
  } finally {
    await it.return?.().catch(() => {});
    text.destroy();
  }
}

/** {@link readDelimitedBatches} one row at a time. */
export async function* readDelimitedRows(
  text: Readable,
  opts: DelimitedOptions,
): AsyncGenerator<ImportRow> {
  for await (const batch of readDelimitedBatches(text, opts)) yield* batch;
}
