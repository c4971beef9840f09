import { readFileSync, truncateSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openImportFile } from '../../src/app/import/import-file';
import {
  detectEncoding,
  firstInvalidUtf8,
  isValidUtf8,
} from '../../src/domain/import/detect-encoding';
import { detectFileKind, sniffDelimiter } from '../../src/domain/import/detect-file-kind';
import { collect, rejection, tempDir, writeWorkbook } from './import-support';

const tmp = tempDir();
const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectEncoding', () => {
  it('recognises byte-order marks', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
      certain: true,
    });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toMatchObject({
      encoding: 'utf-16be',
      bomLength: 2,
    });
  });

  it('tells UTF-8 from GBK without a BOM', () => {
    expect(detectEncoding(bytes('客户名称,金额\n')).encoding).toBe('utf-8');
    expect(detectEncoding(iconv.encode('客户名称,金额\n', 'gbk'))).toEqual({
      encoding: 'gb18030',
      bomLength: 0,
      certain: false,
    });
    expect(detectEncoding(bytes('plain ascii')).encoding).toBe('utf-8');
  });

  it('does not mistake a character cut at the end of the sample for bad UTF-8', () => {
    const cut = bytes('名称名').subarray(0, 7);
    expect(isValidUtf8(cut, true)).toBe(true);
    expect(isValidUtf8(cut, false)).toBe(false);
    expect(detectEncoding(cut).encoding).toBe('utf-8');
  });

  it('follows an explicit choice; gbk means GB18030', () => {
    expect(detectEncoding(bytes('abc'), 'gbk')).toEqual({
      encoding: 'gb18030',
      bomLength: 0,
      certain: true,
    });
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'utf-8').bomLength).toBe(3);
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(bytes('ok 名称'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xc4, 0xe3]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
  });
});

describe('detectFileKind', () => {
  const kind = (fileName: string, content: string | Uint8Array, firstLine?: string) =>
    detectFileKind({
      fileName,
      size: content.length,
      head: typeof content === 'string' ? bytes(content) : content,
      firstLine: firstLine ?? (typeof content === 'string' ? content.split('\n')[0] : ''),
    });

  it('reads the format from the extension and the header line', () => {
    expect(kind('a.csv', 'a,b\n1,2')).toEqual({ kind: 'csv', delimiter: ',' });
    expect(kind('a.csv', 'a;b;c\n1;2;3')).toEqual({ kind: 'csv', delimiter: ';' });
    expect(kind('a.tsv', 'a\tb')).toEqual({ kind: 'tsv', delimiter: '\t' });
    expect(kind('a.txt', 'a\tb')).toEqual({ kind: 'tsv', delimiter: '\t' });
    expect(kind('a.txt', ' customer_id  date number_of_cds  dollar_value')).toEqual({
      kind: 'whitespace',
    });
    expect(kind('A.CSV', 'x')).toEqual({ kind: 'csv', delimiter: ',' });
    expect(kind('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({
      kind: 'xlsx',
    });
  });

  it('counts delimiters outside quotes only', () => {
    expect(sniffDelimiter('"a,b,c";d;e')).toBe(';');
    expect(sniffDelimiter('no delimiters')).toBeNull();
  });

  it('refuses what is not what its name says, and empty files', () => {
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { details: { reason: string } }).details.reason;
      }
      return 'no error';
    };
    expect(reason(() => kind('a.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04])))).toBe(
      'type-mismatch',
    );
    expect(reason(() => kind('a.csv', bytes('%PDF-1.7 …')))).toBe('binary');
    expect(reason(() => kind('a.csv', new Uint8Array([0x61, 0x00, 0x62])))).toBe('binary');
    expect(reason(() => kind('a.xlsx', bytes('a,b\n1,2')))).toBe('type-mismatch');
    expect(
      reason(() => kind('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))),
    ).toBe('unsupported-type');
    expect(reason(() => kind('a.json', bytes('{}')))).toBe('unsupported-type');
    expect(reason(() => kind('a.csv', ''))).toBe('empty-file');
  });

  it('lets the user override the format but not read binary as text', () => {
    expect(
      detectFileKind({ fileName: 'export.dat', size: 3, head: bytes('a b'), override: 'tsv' }),
    ).toEqual({
      kind: 'tsv',
      delimiter: '\t',
    });
    expect(() =>
      detectFileKind({
        fileName: 'x.bin',
        size: 4,
        head: new Uint8Array([0x50, 0x4b, 3, 4]),
        override: 'csv',
      }),
    ).toThrow(/zip container/);
  });
});

describe('openImportFile up-front checks', () => {
  it('refuses a 0-byte file with a clear message', async () => {
    const e = await rejection(openImportFile(tmp.write('empty.csv', '')));
    expect(e.message).toBe('empty.csv is empty (0 bytes): there is nothing to import');
    expect(e.details).toMatchObject({ reason: 'empty-file', issues: [{ field: '(file)' }] });
  });

  it('refuses a file over the size limit before reading it (default 2 GiB)', async () => {
    const big = tmp.path('huge.csv');
    tmp.write('huge.csv', '');
    truncateSync(big, 2 * 1024 ** 3 + 1); // sparse: takes no disk space
    const e = await rejection(openImportFile(big));
    expect(e.details).toMatchObject({ reason: 'too-large' });
    expect(e.message).toBe('huge.csv is 2.00 GiB; files up to 2.00 GiB can be imported');
    const small = tmp.write('small.csv', 'a,b\n1,2\n');
    expect((await rejection(openImportFile(small, { maxBytes: 4 }))).details).toMatchObject({
      reason: 'too-large',
    });
  });

  it('refuses an XLSX renamed to .csv and a CSV renamed to .xlsx', async () => {
    const xlsx = await writeWorkbook(tmp.path('book.xlsx'), { S: [['a']] });
    const renamed = tmp.write('book.csv', readFileSync(xlsx));
    expect((await rejection(openImportFile(renamed))).message).toMatch(
      /named as a text file but contains a zip container/,
    );
    const csvAsXlsx = tmp.write('data.xlsx', 'a,b\n1,2\n');
    expect((await rejection(openImportFile(csvAsXlsx))).details).toMatchObject({
      reason: 'type-mismatch',
    });
  });

  it('uses the name the user uploaded, not the temporary path', async () => {
    const p = tmp.write('upload-123', 'name,amount\nA,1\n');
    const source = await openImportFile(p, { fileName: '客户.csv' });
    expect(source).toMatchObject({ fileName: '客户.csv', kind: 'csv', delimiter: ',', size: 16 });
    expect(await collect(source.rows())).toEqual([
      { row: 1, values: ['name', 'amount'] },
      { row: 2, values: ['A', '1'] },
    ]);
  });

  it('reports a missing file as unreadable', async () => {
    expect((await rejection(openImportFile(tmp.path('nope.csv')))).details).toMatchObject({
      reason: 'unreadable',
    });
  });
});
