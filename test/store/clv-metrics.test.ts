import { beforeAll, expect, it } from 'vitest';
import { runClvFit } from '../../src/app/clv/clv-fit.service';
import { systemCtx } from '../../src/app/context';
import { loadMetricTable } from '../../src/app/metrics/metric-table';
import { listResults } from '../../src/app/tiering/results.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { upsertSchemeDocument } from '../../src/app/tiering/schemes.service';
import { resolveMetric } from '../../src/domain/scheme/metric-catalog';
import { loadClvCustomers, simulatedBuyers } from '../factories/clv-orders';
import { both, revenueScheme } from '../factories/schemes';
import { describeEachEngine } from '../support/engines';

describeEachEngine('lifetime value as tiering metrics', ({ deps }) => {
  const ctx = systemCtx();
  let ids: Map<string, number>;
  let modelId: number;
  beforeAll(async () => {
    ids = await loadClvCustomers(deps(), [
      ...simulatedBuyers('MT', 150, { seed: 21 }),
      { code: 'MTNONE', orders: [] },
    ]);
    modelId = (await runClvFit(deps(), ctx, { asOf: '2025-12-31' })).modelId;
  }, 120_000);

  it('has catalog entries read at the as-of date, in the catalog’s units', () => {
    expect(resolveMetric('clv')).toMatchObject({ unit: 'money', windowed: false });
    expect(resolveMetric('p_alive')).toMatchObject({ unit: 'percent', range: [0, 100] });
    expect(resolveMetric('expected_purchases')).toMatchObject({ unit: 'number' });
  });

  it('loads CLV (yuan), P(alive) (%) and expected purchases from the newest model, NaN without one', async () => {
    const t = await loadMetricTable(
      deps(),
      [
        { key: 'clv', metric: 'clv' },
        { key: 'p_alive', metric: 'p_alive' },
        { key: 'expected_purchases', metric: 'expected_purchases' },
      ],
      '2025-12-31',
    );
    const rows = await deps()
      .store.db.selectFrom('customer_clv')
      .select(['customer_id', 'clv_minor', 'p_alive', 'expected_purchases'])
      .where('model_id', '=', modelId)
      .execute();
    expect(rows).toHaveLength(150);
    const at = new Map(Array.from(t.ids, (id, i) => [id, i]));
    for (const r of rows.slice(0, 20)) {
      const i = at.get(Number(r.customer_id))!;
      expect(t.values.get('clv')![i]).toBeCloseTo(Number(r.clv_minor) / 100, 9);
      expect(t.values.get('p_alive')![i]).toBeCloseTo(Number(r.p_alive) * 100, 9);
      expect(t.values.get('expected_purchases')![i]).toBeCloseTo(Number(r.expected_purchases), 9);
    }
    const none = at.get(ids.get('MTNONE')!)!;
    expect(t.values.get('clv')![none]).toBeNaN();
    expect(t.values.get('p_alive')![none]).toBeNaN();
  });

  it('tiers customers by CLV in a scheme', async () => {
    const doc = revenueScheme('clv-tiers', {
      extra: {
        metrics: [{ id: 'clv' }, { id: 'p_alive' }],
        criteria: [
          {
            id: 'value',
            label: both('Lifetime value'),
            metric: 'clv',
            weight: 1,
            kind: 'percentile',
            maxPoints: 100,
          },
        ],
      },
    });
    const v = await upsertSchemeDocument(deps(), ctx, doc);
    const run = await runTiering(deps(), ctx, { schemeVersionId: v.id, asOf: '2025-12-31' });
    const results = await listResults(deps(), ctx, run.runId, { pageSize: 200 });
    const top = await deps()
      .store.db.selectFrom('customer_clv')
      .select('customer_id')
      .where('model_id', '=', modelId)
      .orderBy('clv_minor', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const byId = new Map(results.items.map((r) => [r.customerId, r]));
    expect(byId.get(Number(top.customer_id))?.tier).toBe('A');
    expect(results.items.filter((r) => r.tier === 'A').length).toBeGreaterThan(20);
    // No prediction is a missing value: the customer is placed in the last tier.
    expect(byId.get(ids.get('MTNONE')!)?.tier).toBe('C');
  });
});
