import { expect, it } from 'vitest';
import { bulkInsert } from '../../src/store/bulk/bulk-writer';
import { copyField } from '../../src/store/bulk/copy-text';
import { describeEachEngine } from '../support/engines';

const NOW = '2026-01-05T02:00:00.000Z';

function customer(id: number, name: string) {
  return {
    id,
    code: `BULK${id}`,
    name,
    name_key: name,
    region_code: null,
    type: 'enterprise',
    industry: null,
    region: '华东',
    province: '浙江省',
    city: '杭州市',
    size: null,
    owner_id: null,
    created_at: NOW,
    updated_at: NOW,
    version: 1,
  };
}

it('escapes COPY text fields', () => {
  expect(copyField(null)).toBe('\\N');
  expect(copyField(12)).toBe('12');
  expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  expect(copyField('\\N')).toBe('\\\\N');
  expect(() => copyField(Number.NaN)).toThrow();
});

describeEachEngine('bulk writer', ({ deps }) => {
  it('round-trips awkward text, nulls and big amounts exactly', async () => {
    const names = [
      '杭州恒瑞机械制造有限公司',
      'tab\there',
      'line\nbreak',
      'back\\slash',
      '\\N',
      'quote\'"',
      '',
    ];
    const customers = names.map((n, i) => customer(1000 + i, n));
    const counts = await bulkInsert(deps().store, {
      customers,
      orders: [
        {
          id: 5000,
          customer_id: 1000,
          order_no: 'SO1',
          ordered_on: '2026-01-05',
          amount_minor: 9_007_199_254_740, // ~90 billion yuan: must stay an exact integer
          cost_minor: null,
          currency: 'CNY',
          category: '整机设备',
          channel: null,
          rush: 1,
          created_at: NOW,
        },
      ],
    });
    expect(counts).toMatchObject({ customers: names.length, orders: 1, payments: 0 });
    const rows = await deps()
      .store.db.selectFrom('customers')
      .select(['id', 'name', 'industry', 'created_at'])
      .where('id', '>=', 1000)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.name)).toEqual(names);
    expect(rows[0]?.industry).toBeNull();
    expect(rows[0]?.created_at).toBe(NOW);
    const order = await deps()
      .store.db.selectFrom('orders')
      .selectAll()
      .where('id', '=', 5000)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ amount_minor: 9_007_199_254_740, cost_minor: null, rush: 1 });
    expect(order.ordered_on).toBe('2026-01-05');
  });

  it('rolls the whole batch back when a row breaks a foreign key', async () => {
    const before = await deps().store.db.selectFrom('customers').select('id').execute();
    await expect(
      bulkInsert(deps().store, {
        customers: [customer(2000, '会被回滚的客户')],
        payments: [
          {
            id: 1,
            customer_id: 999_999,
            invoice_no: 'FP1',
            amount_minor: 100,
            due_on: '2026-02-01',
            paid_on: null,
            created_at: NOW,
          },
        ],
      }),
    ).rejects.toThrow();
    const after = await deps().store.db.selectFrom('customers').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
