import { beforeAll, describe, expect, it } from 'vitest';
import { runClvFit } from '../../src/app/clv/clv-fit.service';
import { listClvCustomers } from '../../src/app/clv/clv-read.service';
import { systemCtx } from '../../src/app/context';
import { DomainError } from '../../src/domain/errors';
import { findModel, listModels } from '../../src/store/analytics/clv-models.repository';
import { type ClvTestCustomer, loadClvCustomers, simulatedBuyers } from '../factories/clv-orders';
import { describeEachEngine } from '../support/engines';

const ctx = systemCtx();

/** Customers buying on `days` distinct days from 2025-01-06 on, a week apart. */
function buyers(prefix: string, count: number, days: number, amountMinor: (k: number) => number) {
  return Array.from(
    { length: count },
    (_, i): ClvTestCustomer => ({
      code: `${prefix}${String(i + 1).padStart(3, '0')}`,
      orders: Array.from({ length: days }, (_, k) => ({
        date: new Date(Date.UTC(2025, 0, 6 + i + 7 * k * (1 + (i % 3)))).toISOString().slice(0, 10),
        amountMinor: amountMinor(k + i),
      })),
    }),
  );
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('lifetime-value settings', () => {
  it('refuses a horizon of 0, a negative discount rate and a margin above 1, naming the field', async () => {
    // Settings are checked before the database is touched.
    const deps = {} as never;
    for (const [input, field] of [
      [{ horizonMonths: 0 }, 'horizonMonths'],
      [{ discountRate: -0.05 }, 'discountRate'],
      [{ margin: 1.5 }, 'margin'],
      [{ holdoutWeeks: -1 }, 'holdoutWeeks'],
      [{ asOf: '2025-02-30' }, 'asOf'],
    ] as const) {
      const e = await rejection(runClvFit(deps, ctx, input));
      expect(e.code).toBe('VALIDATION');
      expect((e.details.issues as { field: string }[]).map((i) => i.field)).toEqual([field]);
    }
  });
});

describeEachEngine('lifetime-value fit on bad data', ({ deps }) => {
  beforeAll(async () => {
    // 4 repeat buyers and 30 one-time buyers: too few to fit.
    await loadClvCustomers(deps(), [
      ...buyers('RA', 4, 3, () => 10_000),
      ...buyers('OA', 30, 1, () => 10_000),
    ]);
  });

  it('refuses too few repeat customers naming the figure, and keeps the failed model', async () => {
    const e = await rejection(runClvFit(deps(), ctx, { asOf: '2025-12-31' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/4 of 34 customers/);
    expect(e.details.issues).toEqual([
      expect.objectContaining({ field: 'repeatCustomers', value: 4, expected: '>= 10' }),
    ]);
    const { items } = await listModels(deps().store.db, { limit: 1, offset: 0 });
    expect(items[0]).toMatchObject({
      status: 'failed',
      customers: 34,
      repeatCustomers: 4,
      predictionsKept: false,
    });
    expect(items[0]?.error).toMatch(/Too few repeat customers/);
    // No finished model: the list is empty, not an error.
    const list = await listClvCustomers(deps(), ctx, {});
    expect(list).toMatchObject({ model: null, items: [], total: 0 });
  });

  it('marks failed a model left running by a fit whose job ended', async () => {
    const db = deps().store.db;
    const now = '2026-01-01T00:00:00.000Z';
    const job = await db
      .insertInto('jobs')
      .values({
        kind: 'clv.fit',
        payload: '{}',
        status: 'failed',
        run_at: now,
        attempts: 1,
        max_attempts: 1,
        error: 'Job abandoned',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const model = await db
      .insertInto('clv_models')
      .values({
        status: 'running',
        as_of: '2025-12-31',
        calibration_end: '2025-12-31',
        holdout_weeks: 0,
        time_unit: 'weeks',
        horizon_months: 12,
        discount_rate: 0.1,
        margin: null,
        job_id: Number(job.id),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await rejection(runClvFit(deps(), ctx, { asOf: '2025-12-31' }));
    expect(await findModel(db, Number(model.id))).toMatchObject({
      status: 'failed',
      error: 'The fit stopped before it finished',
    });
  });

  it('with all-zero spend fits the purchase model, leaves spend and CLV empty, warns', async () => {
    await loadClvCustomers(deps(), simulatedBuyers('ZB', 300, { seed: 5, amount: () => 0 }));
    const r = await runClvFit(deps(), ctx, { asOf: '2025-12-31' });
    const m = (await findModel(deps().store.db, r.modelId))!;
    expect(m.status).toBe('finished');
    expect(m.bgnbd?.r).toBeGreaterThan(0);
    expect(m.gammaGamma).toBeNull();
    expect(m.warnings.map((w) => w.code)).toEqual(['spend_not_fitted']);
    // Only the four earlier repeat buyers spent anything: too few for the spend model.
    expect(m.warnings[0]).toMatchObject({ positiveSpendCustomers: 4 });
    const list = await listClvCustomers(deps(), ctx, { sort: 'clv' });
    // CLV is empty for the whole model, so the list sorts by expected purchases instead.
    expect(list.sort).toBe('expected_purchases');
    expect(list.total).toBe(334);
    for (const p of list.items) {
      expect(p.clvMinor).toBeNull();
      expect(p.expectedSpendMinor).toBeNull();
      expect(Number.isFinite(p.pAlive)).toBe(true);
      expect(Number.isFinite(p.expectedPurchases)).toBe(true);
    }
  });

  it('leaves negative orders out of purchases and spend and names their customers', async () => {
    const refunds = buyers('NG', 2, 4, (k) => 5_000 + 100 * k);
    refunds[0]!.orders.push({ date: '2025-03-03', amountMinor: -2_500 });
    refunds[1]!.orders.push({ date: '2025-03-04', amountMinor: -100 });
    refunds[1]!.orders.push({ date: '2025-03-05', amountMinor: -100 });
    // A customer with nothing but a return has no purchase and is not scored.
    refunds.push({ code: 'NGONLY', orders: [{ date: '2025-04-01', amountMinor: -900 }] });
    const ids = await loadClvCustomers(deps(), [
      ...refunds,
      ...simulatedBuyers('NS', 200, { seed: 9 }),
    ]);
    const r = await runClvFit(deps(), ctx, { asOf: '2025-12-31' });
    const m = (await findModel(deps().store.db, r.modelId))!;
    expect(m.status).toBe('finished');
    const w = m.warnings.find((x) => x.code === 'negative_amounts');
    expect(w).toMatchObject({ orders: 4, customers: 3 });
    expect(w?.customerCodes).toEqual(['NG001', 'NG002', 'NGONLY']);
    const rows = await deps()
      .store.db.selectFrom('customer_clv')
      .select(['customer_id', 'x', 'monetary_minor'])
      .where('model_id', '=', r.modelId)
      .where('customer_id', 'in', [ids.get('NG001')!, ids.get('NGONLY')!])
      .execute();
    expect(rows).toHaveLength(1);
    // NG001: purchases of 5,000 then 5,100, 5,200, 5,300 (the return is not a purchase day).
    expect(Number(rows[0]!.x)).toBe(3);
    expect(Number(rows[0]!.monetary_minor)).toBe(5_200);
    expect(m.gammaGamma).not.toBeNull();
  });
});

describeEachEngine('lifetime-value fit on customers who all behave alike', ({ deps }) => {
  it('keeps the run-away dropout distribution computable and says so', async () => {
    // Every customer buys like clockwork: no heterogeneity for the Beta to describe.
    await loadClvCustomers(
      deps(),
      buyers('RG', 40, 4, (k) => 8_000 + 10 * k),
    );
    const r = await runClvFit(deps(), ctx, { asOf: '2025-12-31' });
    const m = (await findModel(deps().store.db, r.modelId))!;
    expect(m.status).toBe('finished');
    expect(m.warnings.map((w) => w.code)).toContain('bgnbd_concentrated');
    expect(m.bgnbd!.a + m.bgnbd!.b).toBeCloseTo(1000, 6);
    const list = await listClvCustomers(deps(), ctx, { pageSize: 200 });
    expect(list.total).toBe(40);
    for (const p of list.items) {
      expect(Number.isFinite(p.expectedPurchases)).toBe(true);
      expect(Number.isFinite(p.clvMinor)).toBe(true);
    }
  });
});
