import { beforeAll, expect, it } from 'vitest';
import { runClvFit } from '../../src/app/clv/clv-fit.service';
import { systemCtx } from '../../src/app/context';
import { customerLifetimeValue } from '../../src/domain/analytics/clv/customer-lifetime-value';
import { buildRfmSummary } from '../../src/domain/analytics/clv/rfm-summary';
import { findModel } from '../../src/store/analytics/clv-models.repository';
import { cdnowTransactions } from '../factories/cdnow';
import { cdnowCustomers, loadClvCustomers } from '../factories/clv-orders';
import { describeEachEngine } from '../support/engines';

/** Published CDNOW values (../shared/data/README.md): CLVTools' BG/NBD digits, exact-z̄ Gamma-Gamma. */
const BGNBD = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
const GAMMA_GAMMA = { p: 6.249574, q: 3.744225, gamma: 15.443518 };
/** BTYD walkthrough, holdout by calibration frequency 0…6, 7+. */
const BIN_SIZES = [1411, 439, 214, 100, 62, 38, 29, 64];
const ACTUAL_MEANS = [0.2367116, 0.6970387, 1.392523, 1.56, 2.532258, 2.947368, 3.862069, 6.359375];
const EXPECTED_MEANS = [
  0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789, 3.503957, 6.157036,
];
const rel = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describeEachEngine('lifetime-value fit on the CDNOW sample loaded as orders', ({ deps }) => {
  const ctx = systemCtx();
  let ids: Map<string, number>;
  let modelId: number;
  const phases: string[] = [];
  beforeAll(async () => {
    ids = await loadClvCustomers(deps(), cdnowCustomers());
    const r = await runClvFit(
      deps(),
      ctx,
      { asOf: '1998-06-30', holdoutWeeks: 39, horizonMonths: 12, discountRate: 0.1 },
      // The worker thread that large fits use; the later fits below run in this thread.
      { onProgress: (p) => void phases.push(p.phase), workerFromCustomers: 0 },
    );
    modelId = r.modelId;
  }, 120_000);

  it('stores the published BG/NBD and Gamma-Gamma parameters and log-likelihoods', async () => {
    const m = (await findModel(deps().store.db, modelId))!;
    expect(m).toMatchObject({
      status: 'finished',
      asOf: '1998-06-30',
      calibrationEnd: '1997-09-30',
      holdoutWeeks: 39,
      unit: 'weeks',
      customers: 2357,
      repeatCustomers: 946,
      scoredCustomers: 2357,
      predictionsKept: true,
      warnings: [],
    });
    const bg = m.bgnbd!;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(rel(bg[k], BGNBD[k]), k).toBeLessThan(2e-5);
    }
    expect(bg.logLikelihood).toBeCloseTo(-9582.429, 3);
    expect(bg.iterations).toBeGreaterThan(0);
    const gg = m.gammaGamma!;
    for (const k of ['p', 'q', 'gamma'] as const) {
      expect(rel(gg[k], GAMMA_GAMMA[k]), k).toBeLessThan(1e-5);
    }
    expect(gg.customers).toBe(946);
    expect(rel(gg.logLikelihood, -4055.9177)).toBeLessThan(1e-6);
    expect(phases).toEqual(expect.arrayContaining(['loading', 'fitting', 'scoring', 'storing']));
    expect(phases.at(-1)).toBe('done');
  });

  it('evaluates calibration and the 39-week holdout as the BTYD walkthrough does', async () => {
    const m = (await findModel(deps().store.db, modelId))!;
    const e = m.evaluation as {
      calibration: { actualRepeat: number; expectedRepeat: number; bins: { actual: number }[] };
      holdout: {
        actual: number;
        from: string;
        to: string;
        bins: { customers: number; actual: number; predicted: number }[];
      };
    };
    expect(e.calibration.actualRepeat).toBe(2457);
    expect(e.calibration.bins.map((b) => b.actual).slice(0, 2)).toEqual([1411, 439]);
    // The model reproduces its own calibration total closely (FHL 2005, figure 2).
    expect(rel(e.calibration.expectedRepeat, 2457)).toBeLessThan(0.02);
    expect(e.holdout).toMatchObject({ actual: 1882, from: '1997-10-01', to: '1998-06-30' });
    e.holdout.bins.forEach((b, k) => {
      expect(b.customers).toBe(BIN_SIZES[k]);
      expect(b.actual / b.customers).toBeCloseTo(ACTUAL_MEANS[k]!, 6);
      expect(rel(b.predicted / b.customers, EXPECTED_MEANS[k]!)).toBeLessThan(1e-4);
    });
  });

  it('stores each customer’s P(alive), expected purchases and CLV as the domain computes them', async () => {
    const db = deps().store.db;
    const m = (await findModel(db, modelId))!;
    const rows = await db
      .selectFrom('customer_clv')
      .selectAll()
      .where('model_id', '=', modelId)
      .execute();
    expect(rows).toHaveLength(2357);
    const full = new Map(
      buildRfmSummary(cdnowTransactions(), '1998-06-30').map((s) => [s.customerId, s]),
    );
    for (const n of [1, 6, 9, 1516, 2357]) {
      const row = rows.find(
        (r) => Number(r.customer_id) === ids.get(`CD${String(n).padStart(4, '0')}`),
      )!;
      const s = full.get(String(n))!;
      expect(Number(row.x)).toBe(s.x);
      expect(Number(row.t_x)).toBeCloseTo(s.tX, 10);
      expect(Number(row.t_total)).toBeCloseTo(s.T, 10);
      const clv = customerLifetimeValue(
        m.bgnbd!,
        m.gammaGamma!,
        { x: s.x, tX: s.tX, T: s.T, zbar: s.zbar },
        { periods: 12, periodLength: 365.25 / 12 / 7, discountRate: 1.1 ** (1 / 12) - 1 },
      );
      expect(Math.abs(Number(row.clv_minor) - clv * 100)).toBeLessThanOrEqual(0.5);
      expect(Number(row.p_alive)).toBeGreaterThan(0);
      expect(Number(row.p_alive)).toBeLessThanOrEqual(1);
      expect(Number(row.monetary_minor)).toBe(Math.round(s.zbar * 100));
    }
    for (const r of rows) {
      expect(Number.isFinite(Number(r.clv_minor))).toBe(true);
      expect(Number.isFinite(Number(r.expected_purchases))).toBe(true);
    }
  });

  it('keeps predictions for the newest three finished models only', async () => {
    const db = deps().store.db;
    const later: number[] = [];
    for (const asOf of ['1998-03-31', '1998-04-30', '1998-05-31']) {
      later.push((await runClvFit(deps(), ctx, { asOf, horizonMonths: 6 })).modelId);
    }
    const first = (await findModel(db, modelId))!;
    expect(first.predictionsKept).toBe(false);
    expect(first.bgnbd).not.toBeNull();
    const counts = await db
      .selectFrom('customer_clv')
      .select(['model_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('model_id')
      .orderBy('model_id')
      .execute();
    expect(counts.map((c) => [Number(c.model_id), Number(c.n)])).toEqual(
      later.map((id) => [id, 2357]),
    );
  });
});
