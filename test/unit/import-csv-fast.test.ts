import { Readable } from 'node:stream';
import { parse as parseSync } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readDelimitedBatches,
  readDelimitedWithCsvParse,
} from '../../src/app/import/read-delimited';
import { DomainError } from '../../src/domain/errors';
import type { ImportRow } from '../../src/domain/import/row';

type Outcome = { rows: ImportRow[]; error?: { reason: unknown; message: string } };

/** The text cut into the given pieces, as strings or as UTF-8 buffers (as the decoders give). */
function stream(pieces: string[], asBuffers: boolean): Readable {
  return Readable.from(
    pieces.map((p) => (asBuffers ? Buffer.from(p) : p)),
    { objectMode: true },
  );
}

async function run(batches: AsyncIterable<ImportRow[]>): Promise<Outcome> {
  const rows: ImportRow[] = [];
  try {
    for await (const b of batches) rows.push(...b);
    return { rows };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { rows, error: { reason: e.details.reason, message: e.message } };
  }
}

/** Cuts text at the given fractions (sorted, deduplicated), keeping UTF-16 pairs together. */
function cut(text: string, at: number[]): string[] {
  const chars = [...text];
  const points = [...new Set(at.map((f) => Math.floor(f * chars.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) out.push(chars.slice(from, p).join(''));
    from = Math.max(from, p);
  }
  out.push(chars.slice(from).join(''));
  return out.filter((p) => p !== '');
}

const breaks = (values: string[]) =>
  values.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * What csv-parse itself makes of the text, read in one go: its records (and the error it stops
 * with), numbered by start line, all-empty records left out. Each piece becomes UTF-8 on its own,
 * as in the csv-parse stream.
 */
function oracle(pieces: string[], opts: { delimiter: string; maxRecordLength?: number }): Outcome {
  const rows: ImportRow[] = [];
  let line = 1;
  try {
    parseSync(Buffer.concat(pieces.map((p) => Buffer.from(p))), {
      delimiter: opts.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: opts.maxRecordLength ?? 1024 * 1024,
      on_record: (values: string[]) => {
        const row = line;
        line += 1 + breaks(values);
        if (values.some((v) => v !== '')) rows.push({ row, values });
        return values;
      },
    });
    return { rows };
  } catch (e) {
    const code = (e as { code: string }).code;
    const tooLong = code === 'CSV_MAX_RECORD_SIZE';
    const max = opts.maxRecordLength ?? 1024 * 1024;
    const why = tooLong
      ? `it is longer than ${max} bytes`
      : code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed'
        : (e as Error).message;
    return {
      rows,
      error: {
        reason: tooLong ? 'line-too-long' : 'syntax',
        message: `the record starting at line ${line} cannot be read: ${why}`,
      },
    };
  }
}

async function compare(
  text: string,
  at: number[],
  opts: { delimiter: string; maxRecordLength?: number },
  asBuffers: boolean,
) {
  const pieces = cut(text, at);
  const expected = oracle(pieces, opts);
  expect(await run(readDelimitedBatches(stream(pieces, asBuffers), opts))).toEqual(expected);
  // The csv-parse stream reader, the fast reader's fallback, gives the same error and line; the
  // rows it had read before an error may be fewer (the stream drops what was not consumed).
  const streamed = await run(readDelimitedWithCsvParse(stream(pieces, asBuffers), opts));
  expect(streamed.error).toEqual(expected.error);
  expect(expected.rows.slice(0, streamed.rows.length)).toEqual(streamed.rows);
  if (!expected.error) expect(streamed.rows).toEqual(expected.rows);
}

const UNITS = ['a', 'b', '中', ' ', '"', '"', ',', ';', '\t', '\r', '\n', '\r\n', '""', '\u0000'];
const text = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 120 });
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

describe('fast CSV reader against csv-parse', () => {
  it('gives exactly csv-parse rows and errors on random text, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        cuts,
        fc.constantFrom(',', '\t', ';'),
        fc.boolean(),
        async (t, at, delimiter, asBuffers) => {
          await compare(t, at, { delimiter }, asBuffers);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('agrees with csv-parse near the record-size limit, and hands over runaway quotes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...UNITS, 'xyz', '中文中文'), maxLength: 400 }),
        cuts,
        fc.integer({ min: 3, max: 40 }),
        fc.boolean(),
        async (t, at, maxRecordLength, asBuffers) => {
          await compare(t, at, { delimiter: ',', maxRecordLength }, asBuffers);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('agrees on rows shaped like real exports: mostly plain, some quoted, multi-line fields', async () => {
    const plain = fc.string({ unit: fc.constantFrom('a', '1', '.', '-', '中', ' '), maxLength: 8 });
    const quoted = fc
      .string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', '中'), maxLength: 8 })
      .map((v) => `"${v.replaceAll('"', '""')}"`);
    const field = fc.oneof({ arbitrary: plain, weight: 5 }, { arbitrary: quoted, weight: 1 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        cuts,
        async (rows, eol, finalEol, at) => {
          const t = rows.map((r) => r.join(',')).join(eol) + (finalEol ? eol : '');
          await compare(t, at, { delimiter: ',' }, true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('replaces unpaired surrogates in text chunks as csv-parse does', async () => {
    await compare('a,\uD800b\nc,d\uDC00\n', [0.5], { delimiter: ',' }, false);
    const r = await run(readDelimitedBatches(stream(['x,\uD800\n'], false), { delimiter: ',' }));
    expect(r.rows).toEqual([{ row: 1, values: ['x', '\uFFFD'] }]);
  });

  it('reads a large plain file in batches with the right line numbers', async () => {
    const lines = ['code,amount'];
    for (let i = 0; i < 10_000; i++) lines.push(i % 500 === 0 ? `"c,${i}",${i}` : `c${i},${i}`);
    const t = `${lines.join('\r\n')}\r\n`;
    const pieces = cut(
      t,
      Array.from({ length: 40 }, (_, i) => i / 40),
    );
    const r = await run(readDelimitedBatches(stream(pieces, true), { delimiter: ',' }));
    expect(r.rows).toHaveLength(10_001);
    expect(r.rows[1]).toEqual({ row: 2, values: ['c,0', '0'] });
    expect(r.rows[10_000]).toEqual({ row: 10_001, values: ['c9999', '9999'] });
  });
});
