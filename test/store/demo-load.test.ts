import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { countDemo } from '../../examples/demo';
import { loadDemo, loadDemoIfEmpty } from '../../src/app/demo/demo.service';
import type { Deps } from '../../src/app/deps';
import { demoOptions } from '../factories/demo';
import { describeEachEngine } from '../support/engines';

const FACT_TABLES = ['orders', 'payments', 'tickets', 'survey_responses'] as const;

async function count(deps: Deps, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
    deps.store.db,
  );
  return Number(r.rows[0]?.n);
}

async function orphans(deps: Deps, table: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*) as n from ${sql.table(table)} f
    where not exists (select 1 from customers c where c.id = f.customer_id)`.execute(deps.store.db);
  return Number(r.rows[0]?.n);
}

describeEachEngine(
  'demo load',
  ({ deps }) => {
    const options = demoOptions({ customers: 300 });
    const expected = countDemo(options);

    it('loads exactly what the generator yields, with foreign keys intact', async () => {
      const r = await loadDemo(deps(), { customers: 300, seed: options.seed, asOf: options.asOf });
      expect(r).toMatchObject({
        customers: expected.customers,
        orders: expected.orders,
        payments: expected.payments,
        tickets: expected.tickets,
        surveyResponses: expected.survey_responses,
      });
      expect(await count(deps(), 'customers')).toBe(expected.customers);
      for (const t of FACT_TABLES) {
        expect(await count(deps(), t)).toBe(expected[t]);
        expect(await orphans(deps(), t)).toBe(0);
      }
      const unowned = await sql<{ n: number }>`
        select count(*) as n from customers c
        where c.owner_id is not null and not exists (select 1 from users u where u.id = c.owner_id)`.execute(
        deps().store.db,
      );
      expect(Number(unowned.rows[0]?.n)).toBe(0);
    });

    it('creates demo owners who cannot sign in, and one audit row', async () => {
      const owners = await deps()
        .store.db.selectFrom('users')
        .select(['username', 'display_name', 'role_id', 'region', 'password_hash'])
        .where('username', 'like', 'demo.%')
        .execute();
      expect(owners.length).toBe(16);
      expect(owners.every((o) => o.password_hash.startsWith('!'))).toBe(true);
      expect(new Set(owners.map((o) => o.role_id))).toEqual(
        new Set(['account_manager', 'sales_manager']),
      );
      const audit = await deps()
        .store.db.selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'demo.load')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ customers: 300 });
    });

    it('keeps identity sequences ahead of the loaded ids', async () => {
      const db = deps().store.db;
      const row = await db
        .insertInto('orders')
        .values({
          customer_id: 1,
          order_no: 'SO-AFTER-DEMO',
          ordered_on: '2026-11-30',
          amount_minor: 100,
          cost_minor: 80,
          currency: 'CNY',
          category: null,
          channel: null,
          rush: 0,
          created_at: '2026-11-30T01:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(row.id).toBe(expected.orders + 1);
      await db.deleteFrom('orders').where('id', '=', row.id).execute();
    });

    it('loads on start only once, and refuses a second explicit load', async () => {
      const d = { ...deps(), config: { ...deps().config, demo: 'on' as const, demoCustomers: 50 } };
      expect(await loadDemoIfEmpty(d, () => {})).toBeUndefined();
      expect(await count(deps(), 'customers')).toBe(expected.customers);
      await expect(loadDemo(deps(), { customers: 10 })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });
  },
  {},
);

describeEachEngine(
  'demo load on start',
  ({ deps }) => {
    it('loads the configured number of customers into an empty database, then never again', async () => {
      const logs: string[] = [];
      const first = await loadDemoIfEmpty(deps(), (m) => logs.push(m));
      const expected = countDemo({ customers: 120 });
      expect(first).toEqual({ customers: 120, orders: expected.orders });
      expect(logs.join('\n')).not.toMatch(/password/i);
      expect(await loadDemoIfEmpty(deps(), () => {})).toBeUndefined();
      expect(await count(deps(), 'customers')).toBe(120);
      expect(await count(deps(), 'orders')).toBe(expected.orders);
    });
  },
  { demo: 'auto', demoCustomers: 120 },
);

describeEachEngine('demo load interrupted', ({ deps }) => {
  it('is not marked loaded after a failure, and the next load cleans up and completes', async () => {
    let batches = 0;
    await expect(
      loadDemo(deps(), {
        customers: 1200,
        singleTransactionLimit: 100,
        rowsPerCommit: 1000,
        onProgress: () => {
          batches++;
          if (batches === 3) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    // Committed steps are there, but nothing says the demo is loaded.
    expect(await count(deps(), 'customers')).toBeGreaterThan(0);
    const loaded = await deps()
      .store.db.selectFrom('settings')
      .select('key')
      .where('key', '=', 'demo_loaded')
      .executeTakeFirst();
    expect(loaded).toBeUndefined();
    // A start in 'auto' mode sees the interrupted load and redoes it.
    const d = {
      ...deps(),
      config: { ...deps().config, demo: 'auto' as const, demoCustomers: 1200 },
    };
    const r = await loadDemoIfEmpty(d, () => {});
    const expected = countDemo({ customers: 1200 });
    expect(r).toEqual({ customers: 1200, orders: expected.orders });
    expect(await count(deps(), 'customers')).toBe(1200);
    expect(await count(deps(), 'orders')).toBe(expected.orders);
    for (const t of FACT_TABLES) expect(await orphans(deps(), t)).toBe(0);
  });
});
