import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { runImport } from '../../src/app/import/run-import';
import { orderSink } from '../../src/store/imports/order-sink';
import { refreshRollups } from '../../src/store/metrics/rollups';
import { openWriteSession } from '../../src/store/write-session';
import { describeEachEngine } from '../support/engines';

const sys = systemCtx();
const mapping = {
  target: 'orders',
  columns: [
    { header: 'code', field: 'code' },
    { header: 'order_no', field: 'orderNo' },
    { header: 'date', field: 'date' },
    { header: 'amount', field: 'amount' },
  ],
};

function orderFile(deps: Deps, name: string, rows: [string, string, string, string][]): string {
  const file = join(deps.config.dataDir, name);
  writeFileSync(file, `code,order_no,date,amount\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  return file;
}

const no = (i: number) => `SO${String(i).padStart(7, '0')}`;
const code = (i: number) => `K${String(i % 50).padStart(3, '0')}`;

async function amountOf(deps: Deps, orderNo: string): Promise<number> {
  const r = await deps.store.db
    .selectFrom('orders')
    .select('amount_minor')
    .where('order_no', '=', orderNo)
    .executeTakeFirstOrThrow();
  return Number(r.amount_minor);
}

async function orderCount(deps: Deps): Promise<number> {
  const r = await deps.store.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describeEachEngine('order import in bulk', ({ engine, deps }) => {
  const run = (file: string, mode: 'all_or_nothing' | 'valid_only' | 'dry_run') =>
    runImport(deps(), sys, {
      target: 'orders',
      path: file,
      fileName: 'orders.csv',
      mapping,
      mode,
      options: { createMissingCustomers: true },
    });

  it('sorts a batch into new, updated and repeated order numbers', async () => {
    const first = Array.from(
      { length: 250 },
      (_, i) => [code(i), no(i + 1), '2026-01-05', '10.00'] as [string, string, string, string],
    );
    expect(await run(orderFile(deps(), 'a.csv', first), 'all_or_nothing')).toMatchObject({
      status: 'committed',
      created: 250,
      updated: 0,
      rejected: 0,
    });
    // 201–250 exist (updated, and moved to other, new customers), 251–400 are new, and 300
    // comes twice: the second is rejected.
    const moved = (i: number) => `N${String(i % 50).padStart(3, '0')}`;
    const second = Array.from(
      { length: 200 },
      (_, i) => [moved(i), no(i + 201), '2026-02-06', '20.00'] as [string, string, string, string],
    );
    second.splice(150, 0, [moved(7), no(300), '2026-03-07', '99.00']);
    const file = orderFile(deps(), 'b.csv', second);

    const refused = await run(file, 'all_or_nothing');
    expect(refused).toMatchObject({ status: 'rejected', rejected: 1 });
    expect(refused.issues).toEqual([
      expect.objectContaining({ row: 152, field: 'orderNo', value: no(300) }),
    ]);
    expect(await orderCount(deps())).toBe(250);
    expect(await amountOf(deps(), no(201))).toBe(1000);

    expect(await run(file, 'valid_only')).toMatchObject({
      status: 'committed',
      created: 150,
      updated: 50,
      rejected: 1,
    });
    expect(await orderCount(deps())).toBe(400);
    expect(await amountOf(deps(), no(201))).toBe(2000);
    expect(await amountOf(deps(), no(300))).toBe(2000); // the first occurrence wins
    expect(await amountOf(deps(), no(1))).toBe(1000);
    // The rollups of the customers the moved orders left (K…) were refreshed too.
    const rollups = () =>
      deps()
        .store.db.selectFrom('customer_month_rollups')
        .select(['customer_id', 'month', 'order_count', 'revenue_minor'])
        .orderBy('customer_id')
        .orderBy('month')
        .execute();
    const afterImport = await rollups();
    expect(afterImport.length).toBeGreaterThan(50);
    await deps()
      .store.db.transaction()
      .execute((trx) => refreshRollups(trx, engine));
    expect(afterImport).toEqual(await rollups());
  });

  it('imports a large file (indexes set aside and rebuilt on SQLite) and can do it again', async () => {
    const rows = Array.from(
      { length: 120_000 },
      (_, i) =>
        [code(i), no(1_000_000 + i), `2025-0${1 + (i % 9)}-1${i % 10}`, `${i % 997}.25`] as [
          string,
          string,
          string,
          string,
        ],
    );
    const file = orderFile(deps(), 'big.csv', rows);
    // A note column nobody maps, so the file (~6 MB) counts as large.
    writeFileSync(
      file,
      `code,order_no,date,amount,note\n${rows.map((r) => `${r.join(',')},${'x'.repeat(20)}`).join('\n')}\n`,
    );
    const indexSql = async () =>
      engine === 'sqlite'
        ? deps()
            .store.sqlite!.prepare(
              "select name, sql from sqlite_master where type = 'index' and tbl_name = 'orders' order by name",
            )
            .all()
        : (
            await deps().store.pool!.query(
              "select indexname, indexdef from pg_indexes where tablename = 'orders' and schemaname = current_schema() order by 1",
            )
          ).rows;
    const before = await indexSql();
    const count0 = await orderCount(deps());

    expect(await run(file, 'dry_run')).toMatchObject({ status: 'dry_run', created: 120_000 });
    expect(await indexSql()).toEqual(before);
    expect(await orderCount(deps())).toBe(count0);

    expect(await run(file, 'all_or_nothing')).toMatchObject({
      status: 'committed',
      created: 120_000,
      updated: 0,
    });
    expect(await indexSql()).toEqual(before);
    expect(await orderCount(deps())).toBe(count0 + 120_000);
    expect(await amountOf(deps(), no(1_000_000 + 1996))).toBe(2 * 100 + 25);

    expect(await run(file, 'all_or_nothing')).toMatchObject({
      status: 'committed',
      created: 0,
      updated: 120_000,
    });
    expect(await orderCount(deps())).toBe(count0 + 120_000);
    if (engine === 'sqlite') {
      const plan = deps()
        .store.sqlite!.prepare(
          'explain query plan select * from orders where customer_id = ? and ordered_on >= ?',
        )
        .all(1, '2025-01-01') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('orders_customer_date_idx');
    }
  });

  it('sets the non-unique order indexes aside for a large load on SQLite only, until complete()', async () => {
    const customer = await deps()
      .store.db.selectFrom('customers')
      .select('id')
      .executeTakeFirstOrThrow();
    const session = await openWriteSession(deps().store, { bulk: true, referencesChecked: true });
    try {
      const has = async () =>
        session.sqlite
          ? Number(
              (
                session.sqlite
                  .prepare(
                    "select count(*) as n from sqlite_master where name = 'orders_customer_date_idx'",
                  )
                  .get() as { n: number }
              ).n,
            )
          : Number(
              (
                await session.client!.query(
                  "select count(*) as n from pg_indexes where indexname = 'orders_customer_date_idx' and schemaname = current_schema()",
                )
              ).rows[0].n,
            );
      const sink = orderSink(session, 999, new Date().toISOString(), { expectedRows: 500_000 });
      const rec = {
        row: 2,
        customerId: customer.id,
        orderNo: 'SINK-1',
        orderedOn: '2026-01-01',
        amountMinor: 100,
        costMinor: null,
        quantity: 1,
        product: null,
        category: null,
        channel: null,
        currency: 'CNY',
        rush: 0,
      };
      expect(await sink.write([rec, { ...rec, row: 3 }])).toMatchObject({
        created: 1,
        duplicates: [expect.objectContaining({ row: 3 })],
      });
      expect(await has()).toBe(engine === 'sqlite' ? 0 : 1);
      await sink.complete();
      expect(await has()).toBe(1);
    } finally {
      await session.rollback();
    }
  });
});
