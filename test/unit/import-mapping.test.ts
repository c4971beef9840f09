import { describe, expect, it } from 'vitest';
import { importMappingSchema, resolveColumns } from '../../src/domain/import/mapping.schema';
import { suggestMapping } from '../../src/domain/import/suggest-mapping';

const FIELDS = [
  'name',
  'code',
  'amount',
  'date',
  'quantity',
  'phone',
  'email',
  'industry',
  'province',
  'city',
  'creditCode',
];

describe('suggestMapping', () => {
  it('maps Chinese headers', () => {
    const headers = [
      '客户编码',
      '客户名称',
      '统一社会信用代码',
      '所属行业',
      '省份',
      '城市',
      '联系电话',
      '电子邮箱',
      '下单日期',
      '金额（元）',
      '数量',
    ];
    const s = suggestMapping(headers, FIELDS);
    expect(s.map((x) => x.field)).toEqual([
      'code',
      'name',
      'creditCode',
      'industry',
      'province',
      'city',
      'phone',
      'email',
      'date',
      'amount',
      'quantity',
    ]);
    expect(s[1]).toEqual({
      index: 1,
      header: '客户名称',
      field: 'name',
      confidence: 1,
      matched: '客户名称',
    });
  });

  it('maps English headers in any case and spacing', () => {
    const s = suggestMapping(
      ['Customer Name', 'customer_id', 'Order Date', 'QTY', 'Mobile', 'E-mail', 'Credit Code'],
      FIELDS,
    );
    expect(s.map((x) => x.field)).toEqual([
      'name',
      'code',
      'date',
      'quantity',
      'phone',
      'email',
      'creditCode',
    ]);
  });

  it('maps the CDNOW header', () => {
    const s = suggestMapping(['customer_id', 'date', 'number_of_cds', 'dollar_value'], FIELDS);
    expect(s.map((x) => x.field)).toEqual(['code', 'date', 'quantity', 'amount']);
    expect(s.every((x) => x.confidence === 1)).toBe(true);
  });

  it('uses each field once, best match first, and leaves unknown columns unmapped', () => {
    const s = suggestMapping(['名称', '客户名称', '备注', ''], FIELDS);
    expect(s.map((x) => x.field)).toEqual([null, 'name', null, null]);
    expect(s[2]).toEqual({ index: 2, header: '备注', field: null, confidence: 0 });
  });

  it('scores partial matches below exact ones', () => {
    const s = suggestMapping(['结算日期', '订单金额合计'], FIELDS);
    expect(s[0]).toMatchObject({ field: 'date' });
    expect(s[0]!.confidence).toBeLessThan(1);
    expect(s[0]!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(s[1]).toMatchObject({ field: 'amount' });
  });

  it('accepts custom fields with their own labels', () => {
    const targets = [...FIELDS, { field: 'custom.vip', synonyms: ['会员等级', 'VIP level'] }];
    expect(suggestMapping(['客户名称', 'VIP_Level'], targets).map((x) => x.field)).toEqual([
      'name',
      'custom.vip',
    ]);
  });
});

describe('importMappingSchema', () => {
  it('fills defaults and round-trips through JSON', () => {
    const m = importMappingSchema.parse({
      target: 'orders',
      columns: [{ header: '金额', field: 'amount' }],
    });
    expect(m).toEqual({
      version: 1,
      target: 'orders',
      encoding: 'auto',
      hasHeader: true,
      columns: [{ header: '金额', field: 'amount' }],
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
      thousandsSeparator: ',',
      currencyScale: 2,
      rounding: 'reject',
      allowNegativeAmounts: false,
    });
    expect(importMappingSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('refuses contradictions with the path of each problem', () => {
    const r = importMappingSchema.safeParse({
      target: 'orders',
      columns: [
        { header: '金额', field: 'amount' },
        { index: 3, field: 'amount' },
        { field: 'date' },
      ],
      dateFormat: 'YYYY-MM',
      decimalSeparator: ',',
      thousandsSeparator: ',',
      currencyScale: 7,
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['columns.2', 'dateFormat', 'currencyScale']));
    const again = importMappingSchema.safeParse({
      target: 'orders',
      columns: [
        { header: '金额', field: 'amount' },
        { index: 3, field: 'amount' },
      ],
      decimalSeparator: ',',
      thousandsSeparator: ',',
    });
    expect(again.error!.issues.map((i) => i.path.join('.'))).toEqual([
      'thousandsSeparator',
      'columns.1.field',
    ]);
  });
});

describe('resolveColumns', () => {
  const mapping = importMappingSchema.parse({
    target: 'orders',
    columns: [
      { header: '客户编码', field: 'code' },
      { header: 'Amount', index: 5, field: 'amount' },
    ],
  });

  it('finds columns by header text, ignoring case and width, then by index', () => {
    expect(resolveColumns(mapping, ['ＡＭＯＵＮＴ', '客户编码'])).toEqual({
      ok: true,
      fields: new Map([
        ['code', 1],
        ['amount', 0],
      ]),
    });
    expect(
      resolveColumns({ ...mapping, hasHeader: false }, ['a', 'b', 'c', 'd', 'e', 'f']),
    ).toMatchObject({ ok: false });
  });

  it('reports each missing column on row 1', () => {
    expect(resolveColumns(mapping, ['名称'])).toEqual({
      ok: false,
      issues: [
        {
          row: 1,
          field: 'code',
          message: 'column "客户编码", mapped to code, is not in the file',
          expected: 'one of: 名称',
        },
        {
          row: 1,
          field: 'amount',
          message: 'column "Amount", mapped to amount, is not in the file',
          expected: 'one of: 名称',
        },
      ],
    });
  });
});
