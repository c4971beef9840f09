import { z } from 'zod';
import { movers, whatIf } from '../../domain/evaluation';
import { dateSchema } from '../../domain/money';
import { idsInScope } from '../../store/customer-scope';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { loadEvaluation } from './evaluation-cache';
import { summarize } from './run.service';

const numbers = z.record(z.string(), z.number());

export const whatIfInput = z.strictObject({
  schemeVersionId: z.number().int().positive(),
  asOf: dateSchema('asOf'),
  changes: z.strictObject({
    thresholds: numbers.optional(),
    quotas: numbers.optional(),
    weights: numbers.optional(),
  }),
  /** How many movers to list. */
  limit: z.number().int().min(0).max(1000).default(50),
});
export type WhatIfInput = z.input<typeof whatIfInput>;

/**
 * Tries threshold, quota and weight changes on a scheme version at an as-of date without
 * writing anything: the distribution, the migration matrix against the published tiers, and
 * the first movers (customers whose tier differs from the unchanged scheme's). The distribution
 * and the matrix are counts over the whole scheme; the movers, which name customers, and their
 * total are those of the actor's row scope only.
 */
export async function runWhatIf(deps: Deps, ctx: Ctx, raw: WhatIfInput) {
  requirePermission(ctx, 'tiering.run');
  const req = parseInput(whatIfInput, raw, 'Invalid what-if request');
  const { plan, t, base } = await loadEvaluation(deps, req.schemeVersionId, req.asOf);
  const w = whatIf(plan, t.input, req.changes, base);
  const { distribution, migration } = summarize(w.plan, t, w.result);
  const moved = await inScope(deps, ctx, movers(base.tier, w.result.tier), t.input.ids);
  const tierId = (k: number) => (k >= 0 ? w.plan.tiers[k]!.id : null);
  const list = Array.from(moved.subarray(0, req.limit), (i) => ({
    customerId: t.input.ids[i]!,
    code: t.input.codes[i]!,
    name: t.names[i]!,
    score: Number.isNaN(w.result.score[i]!) ? null : w.result.score[i]!,
    from: tierId(base.tier[i]!),
    to: tierId(w.result.tier[i]!),
  }));
  return {
    distribution,
    migration,
    moversTotal: moved.length,
    movers: list,
    warnings: w.warnings,
  };
}

/** Of the rows `moved` (indexes into `ids`), those of customers in the actor's row scope. */
async function inScope(
  deps: Deps,
  ctx: Ctx,
  moved: Int32Array,
  ids: ArrayLike<number>,
): Promise<Int32Array> {
  const filter = customerFilter(ctx);
  if (filter.kind === 'all') return moved;
  const seen = await idsInScope(
    deps.store.db,
    filter,
    Array.from(moved, (i) => ids[i]!),
  );
  return moved.filter((i) => seen.has(ids[i]!));
}
