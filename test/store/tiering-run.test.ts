import { beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { clearEvaluationCache } from '../../src/app/tiering/evaluation-cache';
import { getCustomerResult, getRun, listResults } from '../../src/app/tiering/results.service';
import { planOfVersion, runTiering } from '../../src/app/tiering/run.service';
import {
  createScheme,
  getScheme,
  listSchemes,
  markServiceTier,
  saveSchemeEdit,
} from '../../src/app/tiering/schemes.service';
import { loadTieringInput } from '../../src/app/tiering/tiering-input';
import { runWhatIf } from '../../src/app/tiering/what-if.service';
import { evaluate } from '../../src/domain/evaluation';
import { iterateResults, type ResultRow } from '../../src/store/tiering/runs.repository';
import { lockVersion } from '../../src/store/tiering/schemes.repository';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';

const AS_OF = '2026-11-30';
const CUSTOMERS = 300;
const name = (en: string, zh = en) => ({ zh, en });
const tiers = (...ids: string[]) => ids.map((id, i) => ({ id, name: name(id), rank: i + 1 }));
const last12 = { kind: 'last_n_months', months: 12 };

/** Revenue and order count over the last 12 months, as percentiles: 60 + 40 points. */
const criteria = [
  {
    id: 'rev',
    label: name('Revenue', '销售额'),
    metric: 'revenue',
    weight: 60,
    kind: 'percentile',
    maxPoints: 60,
  },
  {
    id: 'orders',
    label: name('Orders', '订单数'),
    metric: 'order_count',
    weight: 40,
    kind: 'percentile',
    maxPoints: 40,
  },
];
const metrics = [
  { id: 'revenue', window: last12 },
  { id: 'order_count', window: last12 },
];

const thresholdScheme = {
  id: 'value-abc',
  version: 1,
  name: name('Value A/B/C', '价值分级'),
  metrics,
  criteria,
  tiers: tiers('A', 'B', 'C'),
  assignment: {
    ranking: {
      kind: 'thresholds',
      thresholds: [
        { tier: 'A', minScore: 70 },
        { tier: 'B', minScore: 40 },
        { tier: 'C', minScore: 0 },
      ],
    },
  },
};

const quotaScheme = {
  ...thresholdScheme,
  id: 'value-abcd-quota',
  name: name('Value ABCD quotas', '价值分级（比例）'),
  tiers: tiers('A', 'B', 'C', 'D'),
  assignment: {
    ranking: {
      kind: 'quotas',
      quotas: [
        { tier: 'A', percent: 20 },
        { tier: 'B', percent: 30 },
        { tier: 'C', percent: 40 },
        { tier: 'D', percent: 10 },
      ],
      rounding: 'largest_remainder',
      tieBreak: [{ metric: 'revenue', order: 'desc' }],
    },
  },
};

describeEachEngine('tiering runs', ({ deps }) => {
  const ctx = systemCtx();
  let n = 0;
  beforeAll(async () => {
    await loadDemo(deps(), { customers: CUSTOMERS, seed: 11, asOf: AS_OF, ctx });
    const c = await deps()
      .store.db.selectFrom('customers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    n = Number(c.n);
  }, 120_000);

  it('stores a threshold run that agrees with evaluating in memory', async () => {
    const v = await createScheme(deps(), ctx, thresholdScheme);
    expect(v).toMatchObject({ schemeKey: 'value-abc', version: 1, locked: false });
    const s = await runTiering(deps(), ctx, { schemeVersionId: v.id, asOf: AS_OF });
    expect(s.customers).toBe(n);
    const d = s.distribution;
    expect(d.tiers.reduce((t, x) => t + x.count, 0) + d.unassigned).toBe(n);
    expect(d.assigned).toBe(n);
    const revShare = d.tiers.reduce((t, x) => t + x.revenueShare, 0);
    expect(revShare).toBeCloseTo(1, 9);

    const { plan, scheme } = await planOfVersion(deps(), v.id);
    const t = await loadTieringInput(deps(), plan, scheme.id, AS_OF);
    const mem = evaluate(plan, t.input);
    const rows: ResultRow[] = [];
    for await (const r of iterateResults(deps().store.db, {
      runId: s.runId,
      tierOrder: plan.tiers.map((x) => x.id),
    }))
      rows.push(r);
    expect(rows).toHaveLength(n);
    const byId = new Map(rows.map((r) => [r.customerId, r]));
    for (let i = 0; i < t.input.n; i++) {
      const r = byId.get(t.input.ids[i]!)!;
      expect(r.tier).toBe(plan.tiers[mem.tier[i]!]!.id);
      expect(r.score).toBeCloseTo(mem.score[i]!, 6);
      expect(r.points!.rev! + r.points!.orders!).toBeCloseTo(mem.score[i]!, 5);
      expect(r.previousTier).toBeNull();
    }
    const run = await getRun(deps(), ctx, s.runId);
    expect(run.status).toBe('draft');
    expect(run.summary).toMatchObject({ distribution: { assigned: n } });
  });

  it('cuts a quota run 20/30/40/10 and explains what a customer lacks', async () => {
    const v = await createScheme(deps(), ctx, quotaScheme);
    const s = await runTiering(deps(), ctx, { schemeVersionId: v.id, asOf: AS_OF });
    const counts = s.distribution.tiers.map((t) => t.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(counts[0]).toBe(Math.floor(n * 0.2));
    const page = await listResults(deps(), ctx, s.runId, { tier: 'C', pageSize: 5 });
    expect(page.total).toBe(counts[2]);
    const one = await getCustomerResult(deps(), ctx, s.runId, page.items[0]!.customerId);
    expect(one.explanation).toMatchObject({ tier: 'C', nextTier: 'B', estimate: true });
    expect(one.explanation!.shortfalls).toHaveLength(2);
    expect(one.explanation!.shortfalls[0]!.zh).toContain('销售额');
    expect(one.explanation!.shortfalls[0]!.en).toMatch(/revenue/i);
  });

  it('measures migration against published tiers and filters movers', async () => {
    const s0 = await getScheme(deps(), ctx, 'value-abc');
    const db = deps().store.db;
    const ids = await db
      .selectFrom('customers')
      .select('id')
      .where('status', '=', 'active')
      .execute();
    await db
      .insertInto('customer_tiers')
      .values(
        ids.map((r) => ({
          scheme_id: s0.id,
          customer_id: r.id,
          tier: 'B',
          run_id: null,
          effective_from: '2026-01-01',
          below_count: 0,
        })),
      )
      .execute();
    const s = await runTiering(deps(), ctx, { schemeVersionId: s0.latest!.id, asOf: AS_OF });
    const m = s.migration;
    expect(m.labels).toEqual(['A', 'B', 'C', 'none']);
    expect(m.counts[1]!.reduce((a, b) => a + b, 0)).toBe(n);
    expect(m.upgrades).toBe(s.distribution.tiers[0]!.count);
    expect(m.downgrades).toBe(s.distribution.tiers[2]!.count);
    const up = await listResults(deps(), ctx, s.runId, { moved: 'up' });
    expect(up.total).toBe(m.upgrades);
    expect(up.items.every((r) => r.previousTier === 'B' && r.tier === 'A')).toBe(true);
    const down = await listResults(deps(), ctx, s.runId, { moved: 'down' });
    expect(down.total).toBe(m.downgrades);
  });

  it('replaces a draft version, and versions a locked one', async () => {
    const s = await getScheme(deps(), ctx, 'value-abc');
    const edited = structuredClone(thresholdScheme);
    edited.assignment.ranking.thresholds[0]!.minScore = 75;
    const draft = await saveSchemeEdit(deps(), ctx, s.id, edited);
    expect(draft).toMatchObject({ id: s.latest!.id, version: 1 });
    await lockVersion(deps().store.db, draft.id);
    edited.assignment.ranking.thresholds[0]!.minScore = 80;
    const v2 = await saveSchemeEdit(deps(), ctx, s.id, edited);
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(draft.id);
    const list = await listSchemes(deps(), ctx);
    expect(list.find((x) => x.key === 'value-abc')!.latest).toMatchObject({ version: 2 });
    await markServiceTier(deps(), ctx, s.id);
    const q = await getScheme(deps(), ctx, 'value-abcd-quota');
    await markServiceTier(deps(), ctx, q.id);
    const after = await listSchemes(deps(), ctx);
    expect(after.filter((x) => x.serviceTier).map((x) => x.key)).toEqual(['value-abcd-quota']);
  });

  it('refuses a bad scheme with the exact path', async () => {
    const bad = structuredClone(quotaScheme);
    bad.id = 'bad-quota';
    bad.assignment.ranking.quotas[3]!.percent = 20;
    await expect(createScheme(deps(), ctx, bad)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: {
        issues: [
          {
            field: 'assignment.ranking.quotas',
            message: 'quotas add up to 110%; they must add up to 100%',
          },
        ],
      },
    });
  });

  it('scores text custom fields as categories and segments on them', async () => {
    const db = deps().store.db;
    const rows = await db.selectFrom('customers').select(['id']).orderBy('id').execute();
    const model = (i: number) => (['direct', 'agent', 'online'] as const)[i % 3]!;
    for (const [i, r] of rows.entries()) {
      await db
        .updateTable('customers')
        .set({ custom_fields: JSON.stringify({ sales_model: model(i) }) })
        .where('id', '=', r.id)
        .execute();
    }
    const v = await createScheme(deps(), ctx, {
      id: 'sales-model',
      version: 1,
      name: name('Sales model'),
      appliesTo: { attribute: 'custom.sales_model', in: ['direct', 'agent'] },
      metrics: [{ id: 'custom.sales_model' }],
      criteria: [
        {
          id: 'model',
          label: name('Model'),
          metric: 'custom.sales_model',
          weight: 1,
          kind: 'category',
          map: [
            { value: 'direct', points: 10 },
            { value: 'agent', points: 5 },
          ],
        },
      ],
      tiers: tiers('A', 'B'),
      assignment: {
        ranking: {
          kind: 'thresholds',
          thresholds: [
            { tier: 'A', minScore: 90 },
            { tier: 'B', minScore: 0 },
          ],
        },
      },
    });
    const s = await runTiering(deps(), ctx, { schemeVersionId: v.id, asOf: AS_OF });
    const direct = rows.filter((_, i) => model(i) === 'direct').length;
    const agent = rows.filter((_, i) => model(i) === 'agent').length;
    expect(s.distribution.tiers.map((t) => t.count)).toEqual([direct, agent]);
    expect(s.distribution.unassigned).toBe(rows.length - direct - agent);
  });

  it('lets roles read, run or manage as granted', async () => {
    const q = await getScheme(deps(), ctx, 'value-abcd-quota');
    const run = { schemeVersionId: q.latest!.id, asOf: AS_OF };
    await expect(runTiering(deps(), roleCtx('service_agent'), run)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await listSchemes(deps(), roleCtx('service_agent'))).length).toBeGreaterThan(0);
    await expect(createScheme(deps(), roleCtx('sales_manager'), quotaScheme)).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    const s = await runTiering(deps(), roleCtx('sales_manager', 1), run);
    expect(s.customers).toBe(n);
  });

  it('tries what-if changes without writing', async () => {
    const db = deps().store.db;
    const count = async () => {
      const a = await db
        .selectFrom('tier_results')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      const b = await db
        .selectFrom('tier_runs')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      return [Number(a.n), Number(b.n)];
    };
    clearEvaluationCache(deps());
    const before = await count();
    const q = await getScheme(deps(), ctx, 'value-abcd-quota');
    const base = { schemeVersionId: q.latest!.id, asOf: AS_OF };
    const same = await runWhatIf(deps(), ctx, { ...base, changes: {} });
    expect(same.moversTotal).toBe(0);
    const w = await runWhatIf(deps(), ctx, {
      ...base,
      changes: { quotas: { A: 10, B: 40 } },
      limit: 5,
    });
    expect(w.distribution.tiers[0]!.count).toBe(Math.floor(n * 0.1));
    expect(w.moversTotal).toBeGreaterThan(0);
    expect(w.movers.length).toBe(Math.min(5, w.moversTotal));
    expect(w.movers[0]).toMatchObject({ from: expect.any(String), to: expect.any(String) });
    const weights = await runWhatIf(deps(), ctx, { ...base, changes: { weights: { rev: 90 } } });
    expect(weights.distribution.assigned).toBe(n);
    expect(await count()).toEqual(before);
  });

  it('reads tags named in rules and gates without declaring them as metrics', async () => {
    const tagged = await deps()
      .store.db.selectFrom('customers')
      .select(['id', 'code'])
      .where('status', '=', 'active')
      .orderBy('code')
      .limit(3)
      .execute();
    for (const c of tagged) {
      await deps()
        .store.db.insertInto('customer_tags')
        .values({ customer_id: c.id, tag: '长期协议', created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['customer_id', 'tag']).doNothing())
        .execute();
    }
    const v = await createScheme(deps(), ctx, {
      ...thresholdScheme,
      id: 'agreement-rule',
      name: name('Agreement rule', '协议客户'),
      assignment: {
        rules: [{ tier: 'A', when: { tag: '长期协议' } }],
        ranking: {
          kind: 'thresholds',
          thresholds: [{ tier: 'B', minScore: 0 }],
        },
      },
    });
    const s = await runTiering(deps(), ctx, { schemeVersionId: v.id, asOf: AS_OF });
    const a = await deps()
      .store.db.selectFrom('tier_results')
      .select('customer_id')
      .where('run_id', '=', s.runId)
      .where('tier', '=', 'A')
      .execute();
    expect(a.map((r) => r.customer_id).sort()).toEqual(tagged.map((c) => c.id).sort());
  });
});
