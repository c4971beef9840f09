import { z } from 'zod';
import { notFound } from '../../domain/errors';
import {
  compileScheme,
  type Distribution,
  distribution,
  type EvaluationResult,
  evaluate,
  type MigrationMatrix,
  migrationMatrix,
  type Plan,
} from '../../domain/evaluation';
import { dateSchema } from '../../domain/money';
import type { TierResultsTable } from '../../store/schema';
import { insertResults, insertRun } from '../../store/tiering/runs.repository';
import { findSchemeById, findVersion } from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { loadTieringInput, type TieringInput } from './tiering-input';

export const runTieringInput = z.strictObject({
  schemeVersionId: z.number({ error: 'schemeVersionId must be a number' }).int().positive(),
  asOf: dateSchema('asOf'),
});
export type RunTieringInput = z.input<typeof runTieringInput>;

/** What a run stored: the distribution (with revenue and profit shares) and the migration. */
export interface RunSummary {
  runId: number;
  schemeId: number;
  schemeKey: string;
  schemeVersionId: number;
  version: number;
  asOf: string;
  customers: number;
  distribution: Distribution;
  migration: MigrationMatrix;
}

/** A version's plan with its scheme; NOT_FOUND when the version does not exist. */
export async function planOfVersion(deps: Deps, versionId: number) {
  const v = await findVersion(deps.store.db, versionId);
  if (!v) throw notFound('Scheme version', versionId);
  const scheme = (await findSchemeById(deps.store.db, v.schemeId))!;
  return { version: v, scheme, plan: compileScheme(v.document as never) };
}

/** Per-row result columns as tier_results rows, with a rank (tier, then score, then code). */
export function resultRows(
  runId: number,
  plan: Plan,
  t: TieringInput,
  result: EvaluationResult,
): TierResultsTable[] {
  const { input } = t;
  const rows: TierResultsTable[] = [];
  const order: number[] = [];
  for (let i = 0; i < input.n; i++) if (result.tier[i]! >= 0) order.push(i);
  order.sort((a, b) => {
    const d = result.tier[a]! - result.tier[b]!;
    if (d) return d;
    const sa = Number.isNaN(result.score[a]!) ? -1 : result.score[a]!;
    const sb = Number.isNaN(result.score[b]!) ? -1 : result.score[b]!;
    return sb - sa || a - b;
  });
  const points = result.points;
  order.forEach((i, rank) => {
    const p: Record<string, number | null> = {};
    plan.criteria.forEach((c, k) => {
      const v = points[k]![i]!;
      p[c.id] = Number.isNaN(v) ? null : v;
    });
    const r = result.rule[i]!;
    const rule = r >= 0 ? plan.rules[r] : undefined;
    const prev = t.published[i]!;
    const score = result.score[i]!;
    rows.push({
      run_id: runId,
      customer_id: input.ids[i]!,
      score: Number.isNaN(score) ? null : score,
      tier: plan.tiers[result.tier[i]!]!.id,
      rank: rank + 1,
      points: JSON.stringify(p),
      rules: rule
        ? JSON.stringify({ index: rule.index, ...(rule.id ? { id: rule.id } : {}) })
        : null,
      flags: result.flags[i]!,
      previous_tier: prev >= 0 ? plan.tiers[prev]!.id : null,
    });
  });
  return rows;
}

/** Distribution with money shares and the migration matrix against the published tiers. */
export function summarize(plan: Plan, t: TieringInput, result: EvaluationResult) {
  return {
    distribution: distribution(plan, result, { revenue: t.revenue, profit: t.profit }),
    migration: migrationMatrix(
      plan.tiers.map((x) => x.id),
      t.published,
      result.tier,
    ),
  };
}

/**
 * Evaluates a scheme version at an as-of date and stores a draft run: one tier_results row per
 * customer the scheme places (customers outside its segment are counted, not stored) and the
 * run's summary, in one transaction with its audit record.
 */
export async function runTiering(
  deps: Deps,
  ctx: Ctx,
  raw: RunTieringInput,
  onProgress?: (step: string, done: number, total: number) => void,
): Promise<RunSummary> {
  requirePermission(ctx, 'tiering.run');
  const req = parseInput(runTieringInput, raw, 'Invalid tiering run');
  const { version, scheme, plan } = await planOfVersion(deps, req.schemeVersionId);
  onProgress?.('metrics', 0, 3);
  const t = await loadTieringInput(deps, plan, scheme.id, req.asOf);
  onProgress?.('evaluate', 1, 3);
  const result = evaluate(plan, t.input);
  const { distribution: dist, migration } = summarize(plan, t, result);
  onProgress?.('store', 2, 3);
  const now = ctx.now().toISOString();
  const runId = await deps.store.db.transaction().execute(async (trx) => {
    const id = await insertRun(
      trx,
      {
        schemeVersionId: version.id,
        asOf: req.asOf,
        customers: t.input.n,
        summary: { distribution: dist, migration },
        createdBy: ctx.actor.id,
      },
      now,
    );
    await insertResults(deps.store, trx, resultRows(id, plan, t, result));
    await writeAudit(trx, ctx, {
      action: 'tiering.run',
      entity: 'tier_run',
      entityId: id,
      after: { schemeVersionId: version.id, asOf: req.asOf, customers: t.input.n },
    });
    return id;
  });
  onProgress?.('done', 3, 3);
  return {
    runId,
    schemeId: scheme.id,
    schemeKey: scheme.key,
    schemeVersionId: version.id,
    version: version.version,
    asOf: req.asOf,
    customers: t.input.n,
    distribution: dist,
    migration,
  };
}
