import { z } from 'zod';
import { notFound } from '../../domain/errors';
import { explain, formatShortfall } from '../../domain/evaluation';
import * as runs from '../../store/tiering/runs.repository';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { loadEvaluation } from './evaluation-cache';
import { planOfVersion, type RunSummary } from './run.service';

/** Runs, newest first, optionally of one scheme. */
export async function listRuns(deps: Deps, ctx: Ctx, filter: { schemeId?: number } = {}) {
  requirePermission(ctx, 'tiering.read');
  const rows = await runs.listRuns(deps.store.db, filter);
  return rows.map(({ summary: _s, ...r }) => r);
}

/** One run with its stored summary. */
export async function getRun(deps: Deps, ctx: Ctx, runId: number) {
  requirePermission(ctx, 'tiering.read');
  const r = await runs.findRun(deps.store.db, runId);
  if (!r) throw notFound('Tier run', runId);
  return { ...r, summary: r.summary as Pick<RunSummary, 'distribution' | 'migration'> | null };
}

export const resultsQuery = z.strictObject({
  tier: z.string().min(1).max(100).optional(),
  moved: z.enum(['up', 'down', 'any']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ResultsQuery = z.input<typeof resultsQuery>;

/** A page of a run's results: by tier, by movement against the published tiers, by code. */
export async function listResults(deps: Deps, ctx: Ctx, runId: number, query: ResultsQuery) {
  requirePermission(ctx, 'tiering.read');
  const q = parseInput(resultsQuery, query, 'Invalid results query');
  const run = await runs.findRun(deps.store.db, runId);
  if (!run) throw notFound('Tier run', runId);
  const { plan } = await planOfVersion(deps, run.schemeVersionId);
  const page = await runs.listResults(deps.store.db, {
    runId,
    tier: q.tier,
    moved: q.moved,
    q: q.q,
    tierOrder: plan.tiers.map((t) => t.id),
    rows: customerFilter(ctx),
    page: q.page,
    pageSize: q.pageSize,
  });
  return { ...page, page: q.page, pageSize: q.pageSize };
}

/**
 * One customer's stored result with its explanation: the next tier, the score it takes, and
 * per criterion what the customer lacks, in Chinese and English. The explanation re-evaluates
 * the run's version at its as-of date on the current data (cached a few minutes, so paging
 * through customers evaluates once).
 */
export async function getCustomerResult(deps: Deps, ctx: Ctx, runId: number, customerId: number) {
  requirePermission(ctx, 'tiering.read');
  const run = await runs.findRun(deps.store.db, runId);
  if (!run) throw notFound('Tier run', runId);
  const stored = await runs.findResult(deps.store.db, runId, customerId);
  if (!stored) throw notFound('Tier result', customerId);
  const { plan, t, base: result } = await loadEvaluation(deps, run.schemeVersionId, run.asOf);
  const row = t.input.ids.indexOf(customerId);
  if (row < 0) return { result: stored, explanation: null };
  const e = explain(plan, t.input, result, row);
  return {
    result: stored,
    explanation: {
      tier: e.tier >= 0 ? plan.tiers[e.tier]!.id : null,
      nextTier: e.nextTier >= 0 ? plan.tiers[e.nextTier]!.id : null,
      score: Number.isNaN(e.score) ? null : e.score,
      targetScore: e.targetScore ?? null,
      estimate: e.estimate,
      shortfalls: e.byCriterion.map((s) => ({
        criterion: s.criterion,
        metric: s.metric,
        current: Number.isNaN(s.current) ? null : s.current,
        change: s.change ?? null,
        reachable: s.reachable,
        zh: formatShortfall(s, plan, 'zh'),
        en: formatShortfall(s, plan, 'en'),
      })),
      rules: e.byRule.map((r) => ({ rule: r.rule, id: r.id ?? null, gap: r.gap })),
      gates: e.gates,
    },
  };
}
