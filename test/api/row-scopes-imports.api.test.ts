import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';
import { roleLike, SCOPE_PASSWORD, type ScopeCast, seedScopeCast } from '../support/row-scopes';

const MONTH = '2026-12';

const ORDER_MAPPING = {
  target: 'orders',
  columns: [
    { header: 'code', field: 'code' },
    { header: 'orderNo', field: 'orderNo' },
    { header: 'date', field: 'date' },
    { header: 'amount', field: 'amount' },
  ],
};

const PAYMENT_MAPPING = {
  target: 'payments',
  columns: [
    { header: 'code', field: 'code' },
    { header: 'invoiceNo', field: 'invoiceNo' },
    { header: 'amount', field: 'amount' },
    { header: 'dueOn', field: 'dueOn' },
    { header: 'paidOn', field: 'paidOn' },
  ],
};

interface Issue {
  row: number;
  field: string;
  message: string;
}

describeEachEngine('row scopes in order and payment imports and visit plans', ({ deps }) => {
  let app: FastifyInstance;
  let cast: ScopeCast;
  let admin: Client;
  /** am-a with a sales manager's permissions (imports, accounts.manage) but scope `own`. */
  let own: Client;
  /** sm-east: a sales manager, scope `region` 华东 (A1, A2, B1; not C1, N1). */
  let sm: Client;
  let gm: Client;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    cast = await seedScopeCast(deps(), 'IM');
    const role = await roleLike(deps(), 'sales_manager', 'own');
    await deps()
      .store.db.updateTable('users')
      .set({ role_id: role })
      .where('id', '=', cast.users.a)
      .execute();
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    own = await signIn(app, 'am-a', SCOPE_PASSWORD);
    sm = await signIn(app, 'sm-east', SCOPE_PASSWORD);
    gm = await signIn(app, 'gm-all', SCOPE_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
  });

  async function importFile(
    client: Client,
    target: 'orders' | 'payments',
    csv: string,
    mode: 'all_or_nothing' | 'valid_only',
    options?: { createMissingCustomers: boolean },
  ) {
    const up = await client.request({
      method: 'POST',
      url: `/api/imports/uploads?fileName=${target}.csv`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(csv),
    });
    expect(up.statusCode).toBe(201);
    const started = await client.request({
      method: 'POST',
      url: '/api/imports/jobs',
      payload: {
        uploadId: up.json().uploadId,
        fileName: `${target}.csv`,
        target,
        mapping: target === 'orders' ? ORDER_MAPPING : PAYMENT_MAPPING,
        mode,
        ...(options ? { options } : {}),
      },
    });
    expect(started.statusCode).toBe(202);
    for (let i = 0; i < 400; i++) {
      const r = (
        await client.request({ method: 'GET', url: `/api/imports/jobs/${started.json().id}` })
      ).json();
      if (r.status === 'failed') throw new Error(JSON.stringify(r.error));
      if (r.status !== 'running') return r.result;
      await new Promise((res) => setTimeout(res, 25));
    }
    throw new Error('import job did not finish');
  }

  /** Order numbers by customer code, for the orders whose number starts with IMO-. */
  async function ordersByCustomer(): Promise<Record<string, string[]>> {
    const rows = await deps()
      .store.db.selectFrom('orders as o')
      .innerJoin('customers as c', 'c.id', 'o.customer_id')
      .select(['o.order_no', 'c.code'])
      .where('o.order_no', 'like', 'IMO-%')
      .orderBy('o.order_no')
      .execute();
    const out: Record<string, string[]> = {};
    for (const r of rows) out[r.code] = [...(out[r.code] ?? []), r.order_no];
    return out;
  }

  async function paymentsByCustomer(): Promise<Record<string, string[]>> {
    const rows = await deps()
      .store.db.selectFrom('payments as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .select(['p.invoice_no', 'c.code'])
      .where('p.invoice_no', 'like', 'IMI-%')
      .orderBy('p.invoice_no')
      .execute();
    const out: Record<string, string[]> = {};
    for (const r of rows) out[r.code] = [...(out[r.code] ?? []), r.invoice_no];
    return out;
  }

  it('an order row for a customer outside the scope is a row error; nothing is written', async () => {
    const csv =
      'code,orderNo,date,amount\n' +
      'IM-A1,IMO-1,2026-11-03,1000\n' +
      'IM-B1,IMO-2,2026-11-04,2000\n' +
      'IM-A2,IMO-3,2026-11-05,3000\n' +
      'IM-C1,IMO-4,2026-11-06,4000\n';
    const refused = await importFile(own, 'orders', csv, 'all_or_nothing');
    expect(refused.status).toBe('rejected');
    expect(refused.rejected).toBe(2);
    expect(refused.issues.map((i: Issue) => [i.row, i.field, i.message])).toEqual([
      [3, 'code', 'customer IM-B1 is outside your row scope'],
      [5, 'code', 'customer IM-C1 is outside your row scope'],
    ]);
    expect(await ordersByCustomer()).toEqual({});

    // The region-scoped sales manager sees B1 (华东) but not C1 (华南).
    const smRefused = await importFile(sm, 'orders', csv, 'all_or_nothing');
    expect(smRefused.status).toBe('rejected');
    expect(smRefused.issues.map((i: Issue) => [i.row, i.field])).toEqual([[5, 'code']]);
    expect(await ordersByCustomer()).toEqual({});

    const inScope = await importFile(
      own,
      'orders',
      'code,orderNo,date,amount\nIM-A1,IMO-1,2026-11-03,1000\nIM-A2,IMO-3,2026-11-05,3000\n',
      'all_or_nothing',
    );
    expect(inScope).toMatchObject({ status: 'committed', created: 2, rejected: 0 });
    expect(await ordersByCustomer()).toEqual({ 'IM-A1': ['IMO-1'], 'IM-A2': ['IMO-3'] });

    // Unscoped, the same file goes through.
    const all = await importFile(gm, 'orders', csv, 'all_or_nothing');
    expect(all).toMatchObject({ status: 'committed', created: 2, updated: 2, rejected: 0 });
    expect(await ordersByCustomer()).toEqual({
      'IM-A1': ['IMO-1'],
      'IM-A2': ['IMO-3'],
      'IM-B1': ['IMO-2'],
      'IM-C1': ['IMO-4'],
    });
  });

  it('an order number of an order outside the scope cannot be moved to an own customer', async () => {
    const refused = await importFile(
      own,
      'orders',
      'code,orderNo,date,amount\nIM-A1,IMO-5,2026-11-07,500\nIM-A1,IMO-2,2026-11-07,700\n',
      'valid_only',
    );
    expect(refused).toMatchObject({ status: 'committed', created: 1, updated: 0, rejected: 1 });
    expect(refused.issues.map((i: Issue) => [i.row, i.field, i.message])).toEqual([
      [3, 'orderNo', 'order IMO-2 belongs to a customer outside your row scope'],
    ]);
    expect(await ordersByCustomer()).toEqual({
      'IM-A1': ['IMO-1', 'IMO-5'],
      'IM-A2': ['IMO-3'],
      'IM-B1': ['IMO-2'],
      'IM-C1': ['IMO-4'],
    });
  });

  it('a customer created by a scoped order import is the importer’s own', async () => {
    const r = await importFile(
      own,
      'orders',
      'code,orderNo,date,amount\nIM-NEW,IMO-6,2026-11-08,800\nIM-NEW,IMO-7,2026-11-09,900\n',
      'all_or_nothing',
      { createMissingCustomers: true },
    );
    expect(r).toMatchObject({ status: 'committed', created: 2, customersCreated: 1 });
    const made = await deps()
      .store.db.selectFrom('customers')
      .select('owner_id')
      .where('code', '=', 'IM-NEW')
      .executeTakeFirstOrThrow();
    expect(Number(made.owner_id)).toBe(cast.users.a);
    expect((await ordersByCustomer())['IM-NEW']).toEqual(['IMO-6', 'IMO-7']);
  });

  it('a payment row for a customer outside the scope is a row error; nothing is written', async () => {
    const csv =
      'code,invoiceNo,amount,dueOn,paidOn\n' +
      'IM-A1,IMI-1,1000,2026-11-30,2026-11-20\n' +
      'IM-N1,IMI-2,2000,2026-11-30,\n' +
      'IM-B1,IMI-3,3000,2026-11-30,2026-11-25\n';
    const refused = await importFile(own, 'payments', csv, 'all_or_nothing');
    expect(refused.status).toBe('rejected');
    expect(refused.issues.map((i: Issue) => [i.row, i.field, i.message])).toEqual([
      [3, 'code', 'customer IM-N1 is outside your row scope'],
      [4, 'code', 'customer IM-B1 is outside your row scope'],
    ]);
    expect(await paymentsByCustomer()).toEqual({});

    const smRefused = await importFile(sm, 'payments', csv, 'all_or_nothing');
    expect(smRefused.issues.map((i: Issue) => [i.row, i.field])).toEqual([[3, 'code']]);
    expect(await paymentsByCustomer()).toEqual({});

    const valid = await importFile(own, 'payments', csv, 'valid_only');
    expect(valid).toMatchObject({ status: 'committed', created: 1, rejected: 2 });
    expect(await paymentsByCustomer()).toEqual({ 'IM-A1': ['IMI-1'] });

    const all = await importFile(admin, 'payments', csv, 'all_or_nothing');
    expect(all).toMatchObject({ status: 'committed', created: 2, updated: 1, rejected: 0 });
    expect(await paymentsByCustomer()).toEqual({
      'IM-A1': ['IMI-1'],
      'IM-B1': ['IMI-3'],
      'IM-N1': ['IMI-2'],
    });

    // An invoice recorded for another owner's customer is not moved to an own one.
    const moved = await importFile(
      own,
      'payments',
      'code,invoiceNo,amount,dueOn,paidOn\nIM-A2,IMI-3,3000,2026-11-30,\n',
      'all_or_nothing',
    );
    expect(moved.status).toBe('rejected');
    expect(moved.issues.map((i: Issue) => [i.row, i.field, i.message])).toEqual([
      [2, 'invoiceNo', 'invoice IMI-3 belongs to a customer outside your row scope'],
    ]);
    expect(await paymentsByCustomer()).toEqual({
      'IM-A1': ['IMI-1'],
      'IM-B1': ['IMI-3'],
      'IM-N1': ['IMI-2'],
    });
  });

  let schemeId = 0;

  const setTier = async (code: keyof ScopeCast['customers'], tier: string) => {
    const customerId = cast.customers[code];
    await deps()
      .store.db.deleteFrom('customer_tiers')
      .where('scheme_id', '=', schemeId)
      .where('customer_id', '=', customerId)
      .execute();
    await deps()
      .store.db.insertInto('customer_tiers')
      .values({
        scheme_id: schemeId,
        customer_id: customerId,
        tier,
        run_id: null,
        effective_from: '2020-01-01',
        below_count: 0,
      })
      .execute();
  };

  /** The month's stored lines: planned visits by customer code. */
  const planned = async (): Promise<Record<string, number>> => {
    const rows = await deps()
      .store.db.selectFrom('visit_plans as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .select(['c.code', 'p.planned'])
      .where('p.month', '=', MONTH)
      .where('c.code', 'like', 'IM-%')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.code, Number(r.planned)]));
  };

  const generate = async (client: Client) => {
    const res = await client.request({
      method: 'POST',
      url: '/api/accounts/visit-plans/generate',
      payload: { month: MONTH },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('a scoped actor regenerates only the lines of customers in scope', async () => {
    const sys = systemCtx();
    const { version } = await createFromTemplate(deps(), sys, 'abcd');
    schemeId = version.schemeId;
    await markServiceTier(deps(), sys, schemeId);
    // IM-NEW (created by the import above) gets no tier and so no line.
    for (const code of ['A1', 'A2', 'B1', 'C1', 'N1'] as const)
      await setTier(code, code === 'A2' || code === 'N1' ? 'B' : 'A');

    const full = await generate(admin);
    expect(full.lines).toBe(5);
    expect(await planned()).toEqual({ 'IM-A1': 4, 'IM-A2': 2, 'IM-B1': 4, 'IM-C1': 4, 'IM-N1': 2 });

    // Marks every line, then changes the tiers of one customer in and one outside am-a's scope.
    await deps()
      .store.db.updateTable('visit_plans')
      .set({ planned: 99 })
      .where('month', '=', MONTH)
      .execute();
    await setTier('A1', 'B');
    await setTier('A2', 'C');
    await setTier('B1', 'B');

    const mine = await generate(own);
    expect(mine).toMatchObject({ month: MONTH, lines: 1, replaced: 2 });
    // A1 replanned at tier B, A2 (tier C plans no visit) dropped, everyone else untouched.
    expect(await planned()).toEqual({ 'IM-A1': 2, 'IM-B1': 99, 'IM-C1': 99, 'IM-N1': 99 });
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select(['actor_id', 'after'])
      .where('action', '=', 'visit_plans.generate')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number(audit.actor_id)).toBe(cast.users.a);
    expect(JSON.parse(audit.after ?? '{}')).toEqual({
      month: MONTH,
      lines: 1,
      replaced: 2,
      scope: { kind: 'own', userId: cast.users.a },
    });

    // Region 华东: A1 and B1 (A2 has no line); C1 and N1 (华南) stay as they were.
    const east = await generate(sm);
    expect(east).toMatchObject({ lines: 2, replaced: 2 });
    expect(await planned()).toEqual({ 'IM-A1': 2, 'IM-B1': 2, 'IM-C1': 99, 'IM-N1': 99 });

    const again = await generate(admin);
    expect(again).toMatchObject({ lines: 4, replaced: 4 });
    expect(await planned()).toEqual({ 'IM-A1': 2, 'IM-B1': 2, 'IM-C1': 4, 'IM-N1': 2 });
  });

  it('the owners list names every owner but counts only customers in scope', async () => {
    type Owner = { id: number; customers: number; byTier: Record<string, number> };
    const owners = async (client: Client) => {
      const res = await client.request({ method: 'GET', url: '/api/accounts/owners' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      return {
        byId: new Map((body.owners as Owner[]).map((o) => [o.id, o])),
        needing: (body.needingOwner.items as { code: string }[]).map((c) => c.code),
      };
    };
    const { a, b, c } = cast.users;
    const mine = await owners(own);
    expect([a, b, c].map((id) => mine.byId.has(id))).toEqual([true, true, true]);
    // am-a sees IM-A1 (tier B) and IM-NEW (no tier); A2 is tier C.
    expect(mine.byId.get(a)).toMatchObject({ customers: 3, byTier: { B: 1, C: 1, '-': 1 } });
    expect(mine.byId.get(b)).toMatchObject({ customers: 0, byTier: {} });
    expect(mine.byId.get(c)).toMatchObject({ customers: 0, byTier: {} });
    expect(mine.needing.filter((code) => code.startsWith('IM-'))).toEqual([]);

    const east = await owners(sm);
    expect(east.byId.get(b)).toMatchObject({ customers: 1, byTier: { B: 1 } });
    expect(east.byId.get(c)).toMatchObject({ customers: 0, byTier: {} });
    expect(east.needing).not.toContain('IM-N1');

    const everyone = await owners(gm);
    expect(everyone.byId.get(c)).toMatchObject({ customers: 1, byTier: { A: 1 } });
    expect(everyone.needing).toContain('IM-N1');
  });
});
