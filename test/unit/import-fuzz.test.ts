import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openImportFile } from '../../src/app/import/import-file';
import { DomainError } from '../../src/domain/errors';
import type { ImportRow } from '../../src/domain/import/row';
import { collect, tempDir } from './import-support';

const tmp = tempDir();
let seq = 0;

/** Reads bytes as an import file; returns rows, or the DomainError that refused them. */
async function readAll(
  data: string | Uint8Array,
  name: string,
): Promise<ImportRow[] | DomainError> {
  seq++;
  try {
    const source = await openImportFile(tmp.write(`${seq}-${name}`, data), { fileName: name });
    return await collect(source.rows());
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e; // anything else is a crash, which fails the property
  }
}

const CHARS = [
  'a',
  'b',
  'Z',
  '0',
  ' ',
  '"',
  ',',
  ';',
  '\t',
  '\r',
  '\n',
  '中',
  '文',
  'é',
  '¥',
  '\u3000',
];
const field = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 });

/** Writes one field the way spreadsheet programs do: quoted when needed (or at random). */
function writeField(v: string, forceQuote: boolean): string {
  const needs = /[",;\t\r\n]/.test(v);
  return needs || forceQuote ? `"${v.replace(/"/g, '""')}"` : v;
}

function breaks(values: string[]): number {
  return values.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

describe('CSV reader fuzzing', () => {
  it('never crashes on random bytes: rows or a clear DomainError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('x.csv', 'x.tsv', 'x.txt', 'x.xlsx'),
        async (bytes, name) => {
          const r = await readAll(bytes, name);
          if (r instanceof DomainError) {
            expect(r.code).toBe('VALIDATION');
            expect(r.details.reason).toEqual(expect.any(String));
            expect(r.message.length).toBeGreaterThan(10);
          } else {
            for (const [i, row] of r.entries()) {
              expect(row.row).toBeGreaterThan(i === 0 ? 0 : r[i - 1]!.row);
              expect(row.values.every((v) => typeof v === 'string')).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses random bytes behind a zip signature as an unreadable workbook', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const data = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]);
        const r = await readAll(data, 'z.xlsx');
        if (r instanceof DomainError)
          expect(r.details.reason).toMatch(/unreadable|sheet-not-found/);
      }),
      { numRuns: 100 },
    );
  });

  it('never crashes on random quoted text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 200 }),
        async (text) => {
          const r = await readAll(text, 'q.csv');
          if (r instanceof DomainError) expect(r.code).toBe('VALIDATION');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips generated rows with their start lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        fc.boolean(),
        async (rows, eol, quoteAll, finalEol) => {
          const text =
            rows.map((r) => r.map((v) => writeField(v, quoteAll)).join(',')).join(eol) +
            (finalEol ? eol : '');
          const expected: ImportRow[] = [];
          let line = 1;
          for (const values of rows) {
            if (values.some((v) => v !== '')) expected.push({ row: line, values });
            line += 1 + breaks(values);
          }
          const read = await readAll(text, 'rt.csv');
          if (text === '') expect(read).toMatchObject({ details: { reason: 'empty-file' } });
          else expect(read).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
