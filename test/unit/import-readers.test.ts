import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openImportFile } from '../../src/app/import/import-file';
import { cellText } from '../../src/app/import/read-xlsx';
import { collect, rejection, tempDir, writeWorkbook } from './import-support';

const tmp = tempDir();

async function rowsOf(name: string, data: string | Uint8Array, opts = {}) {
  const source = await openImportFile(tmp.write(name, data), opts);
  return collect(source.rows());
}

describe('CSV and TSV', () => {
  it('handles quotes, doubled quotes, embedded delimiters and line breaks, with start-line row numbers', async () => {
    const csv = 'name,note,amount\r\n"Acme, Inc.","said ""hi""\r\nthen left",1\r\nBeta,,2\r\n';
    expect(await rowsOf('q.csv', csv)).toEqual([
      { row: 1, values: ['name', 'note', 'amount'] },
      { row: 2, values: ['Acme, Inc.', 'said "hi"\r\nthen left', '1'] },
      { row: 4, values: ['Beta', '', '2'] },
    ]);
  });

  it('skips blank and all-empty lines but keeps counting them', async () => {
    const csv = 'a,b\n\n1,2\n,\n3,4';
    expect(await rowsOf('blank.csv', csv)).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 3, values: ['1', '2'] },
      { row: 5, values: ['3', '4'] },
    ]);
  });

  it('keeps stray quotes inside unquoted fields as text', async () => {
    expect(await rowsOf('inch.csv', 'size,x\n5" screen,1\n')).toEqual([
      { row: 1, values: ['size', 'x'] },
      { row: 2, values: ['5" screen', '1'] },
    ]);
  });

  it('reports an unterminated quote with the line the record starts on', async () => {
    const source = await openImportFile(tmp.write('open.csv', 'a,b\n1,2\n"unterminated,3\n4,5\n'));
    const e = await rejection(collect(source.rows()));
    expect(e.details).toMatchObject({ reason: 'syntax', issues: [{ row: 3 }] });
    expect(e.message).toMatch(/^the record starting at line 3 cannot be read: /);
  });

  it('refuses a record longer than the limit instead of buffering the file', async () => {
    const source = await openImportFile(tmp.write('long.csv', `a\n"${'x'.repeat(5000)}`), {
      maxLineLength: 1000,
    });
    expect((await rejection(collect(source.rows()))).details).toMatchObject({
      reason: 'line-too-long',
    });
  });

  it('reads TSV', async () => {
    expect(await rowsOf('t.tsv', '名称\t金额\n甲\t1.5\n')).toEqual([
      { row: 1, values: ['名称', '金额'] },
      { row: 2, values: ['甲', '1.5'] },
    ]);
  });
});

describe('encodings', () => {
  const text = '客户名称,金额\r\n深圳某某科技有限公司,"1,234.56"\r\n';
  const expected = [
    { row: 1, values: ['客户名称', '金额'] },
    { row: 2, values: ['深圳某某科技有限公司', '1,234.56'] },
  ];

  it('reads UTF-8 with and without BOM', async () => {
    expect(await rowsOf('u8.csv', text)).toEqual(expected);
    expect(await rowsOf('u8bom.csv', `\uFEFF${text}`)).toEqual(expected);
    const s = await openImportFile(tmp.path('u8bom.csv'));
    expect(s.encoding).toEqual({ encoding: 'utf-8', bomLength: 3, certain: true });
  });

  it('detects GBK (as Chinese Excel saves CSV) and decodes it as a stream', async () => {
    const source = await openImportFile(tmp.write('gbk.csv', iconv.encode(text, 'gbk')));
    expect(source.encoding?.encoding).toBe('gb18030');
    expect(await collect(source.rows())).toEqual(expected);
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', async () => {
    const data = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('名称\t金额\r\n甲\t2\r\n', 'utf-16le'),
    ]);
    expect(await rowsOf('u16.txt', data)).toEqual([
      { row: 1, values: ['名称', '金额'] },
      { row: 2, values: ['甲', '2'] },
    ]);
  });

  it('stops with the line number when UTF-8 turns out to contain GBK further on', async () => {
    const head = `name,amount\n${'ascii,1\n'.repeat(20_000)}`;
    const data = Buffer.concat([Buffer.from(head), iconv.encode('深圳,2\n', 'gbk')]);
    const source = await openImportFile(tmp.write('mixed.csv', data));
    expect(source.encoding?.encoding).toBe('utf-8'); // the first 64 KiB are plain ASCII
    const e = await rejection(collect(source.rows()));
    expect(e.details).toMatchObject({ reason: 'encoding', issues: [{ row: 20_002 }] });
    expect(e.message).toMatch(/choose the GBK encoding/);
  });

  it('follows an explicit encoding', async () => {
    const p = tmp.write('forced.csv', iconv.encode('名称\n甲\n', 'gbk'));
    const rows = await collect((await openImportFile(p, { encoding: 'gbk' })).rows());
    expect(rows.map((r) => r.values[0])).toEqual(['名称', '甲']);
    expect(
      (await rejection(collect((await openImportFile(p, { encoding: 'utf-8' })).rows()))).details,
    ).toMatchObject({
      reason: 'encoding',
      issues: [{ row: 1 }],
    });
  });
});

describe('whitespace-separated text', () => {
  it('splits on runs of spaces, with CRLF and a padded header', async () => {
    const txt =
      ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n\r\n 00002 19970112  5   77.00\r\n';
    expect(await rowsOf('w.txt', txt)).toEqual([
      { row: 1, values: ['customer_id', 'date', 'number_of_cds', 'dollar_value'] },
      { row: 2, values: ['00001', '19970101', '1', '11.77'] },
      { row: 4, values: ['00002', '19970112', '5', '77.00'] },
    ]);
  });

  it('can be chosen explicitly for any text file', async () => {
    expect(await rowsOf('w.dat', 'a  b\nc d\n', { kind: 'whitespace' })).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 2, values: ['c', 'd'] },
    ]);
  });
});

describe('XLSX', () => {
  it('streams the first sheet with typed cells as text and real row numbers', async () => {
    const file = await writeWorkbook(tmp.path('book.xlsx'), {
      客户: [
        ['客户名称', '金额', '日期', '启用'],
        ['甲公司', 1234.56, new Date(Date.UTC(2024, 0, 5)), true],
        [],
        [
          '乙公司',
          { formula: 'B2*2', result: 2469.12 },
          new Date(Date.UTC(2024, 0, 5, 13, 45)),
          false,
        ],
      ],
      Other: [['x']],
    });
    expect(await collect((await openImportFile(file)).rows())).toEqual([
      { row: 1, values: ['客户名称', '金额', '日期', '启用'] },
      { row: 2, values: ['甲公司', '1234.56', '2024-01-05', 'TRUE'] },
      { row: 4, values: ['乙公司', '2469.12', '2024-01-05T13:45:00', 'FALSE'] },
    ]);
  });

  it('reads a named sheet and names the sheets when one is missing', async () => {
    const file = await writeWorkbook(tmp.path('two.xlsx'), {
      First: [['a']],
      Second: [['b'], ['c']],
    });
    expect(await collect((await openImportFile(file, { sheet: 'Second' })).rows())).toEqual([
      { row: 1, values: ['b'] },
      { row: 2, values: ['c'] },
    ]);
    const e = await rejection(collect((await openImportFile(file, { sheet: 'Third' })).rows()));
    expect(e.details).toMatchObject({
      reason: 'sheet-not-found',
      issues: [{ expected: 'one of: First, Second' }],
    });
  });

  it('refuses a corrupt workbook with a clear error', async () => {
    const junk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const e = await rejection(collect((await openImportFile(tmp.write('bad.xlsx', junk))).rows()));
    expect(e.details).toMatchObject({ reason: 'unreadable' });
  });

  it('turns cell values into the text Excel shows', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(1.1 * 3)).toBe('3.3'); // 3.3000000000000003 as a float
    expect(cellText({ richText: [{ text: 'ri' }, { text: 'ch' }] })).toBe('rich');
    expect(cellText({ text: 'link', hyperlink: 'https://example.com' })).toBe('link');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });
});
