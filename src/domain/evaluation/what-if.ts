import { DomainError } from '../errors';
import type { Scheme, SchemeInput } from '../scheme/scheme.schema';
import { compileScheme } from './compile-scheme';
import { type EvaluationResult, evaluate, finish, fractionsOf } from './evaluate';
import type { EvaluationInput } from './evaluation-input';
import type { Plan } from './plan';

/** Changes a manager tries live: by tier id and criterion id. */
export interface WhatIfChanges {
  thresholds?: Readonly<Record<string, number>>;
  quotas?: Readonly<Record<string, number>>;
  weights?: Readonly<Record<string, number>>;
}

export interface WhatIfResult {
  plan: Plan;
  result: EvaluationResult;
  /** Notes such as a weight total that no longer matches weightsMustSumTo. */
  warnings: string[];
}

const bad = (message: string) => new DomainError('VALIDATION', message);

/**
 * The scheme document with the changes applied. Weights may stop adding up to
 * weightsMustSumTo while a slider moves; the requirement is then dropped from the copy (scores
 * are normalised by the weight total anyway) and a warning says so.
 */
export function applyWhatIf(
  scheme: Scheme,
  changes: WhatIfChanges,
): { scheme: SchemeInput; warnings: string[] } {
  const s = structuredClone(scheme) as Scheme;
  const warnings: string[] = [];
  const r = s.assignment.ranking;
  if (changes.thresholds) {
    if (r?.kind !== 'thresholds') throw bad('this scheme ranks by quotas, not thresholds');
    for (const [tier, minScore] of Object.entries(changes.thresholds)) {
      const t = r.thresholds.find((x) => x.tier === tier);
      if (!t) throw bad(`tier ${tier} has no threshold in this scheme`);
      t.minScore = minScore;
    }
  }
  if (changes.quotas) {
    if (r?.kind !== 'quotas') throw bad('this scheme ranks by thresholds, not quotas');
    for (const [tier, percent] of Object.entries(changes.quotas)) {
      const q = r.quotas.find((x) => x.tier === tier);
      if (!q) throw bad(`tier ${tier} has no quota in this scheme`);
      q.percent = percent;
    }
  }
  if (changes.weights) {
    for (const [id, weight] of Object.entries(changes.weights)) {
      const c = s.criteria.find((x) => x.id === id);
      if (!c) throw bad(`unknown criterion ${id}`);
      c.weight = weight;
    }
    const must = s.score.weightsMustSumTo;
    const sum = s.criteria.reduce((t, c) => t + c.weight, 0);
    if (must !== undefined && Math.abs(sum - must) > 1e-9) {
      warnings.push(
        `weights add up to ${Math.round(sum * 1e6) / 1e6}, not ${must}; scores are rescaled to the full scale`,
      );
      delete s.score.weightsMustSumTo;
    }
  }
  return { scheme: s, warnings };
}

/**
 * Re-evaluates with changed thresholds, quotas or weights. Given the base result of the same
 * plan and input, it skips what the change cannot affect: rules and the segment always; with
 * new weights, metric scoring (the criterion fractions are kept after the first such step and
 * only re-added); with only thresholds or quotas changed, the scores and the quota ranking
 * too (a quota change is then one pass over the ranked list). Without a base it evaluates in full. The
 * result equals evaluate(compileScheme(changed scheme), input).
 */
export function whatIf(
  plan: Plan,
  input: EvaluationInput,
  changes: WhatIfChanges,
  base?: EvaluationResult,
): WhatIfResult {
  const { scheme, warnings } = applyWhatIf(plan.scheme, changes);
  const next = compileScheme(scheme);
  if (!base) return { plan: next, result: evaluate(next, input), warnings };
  if (base.n !== input.n) throw bad('the base result belongs to another input');
  const weightsChanged = changes.weights !== undefined && Object.keys(changes.weights).length > 0;
  // New weights: keep the criterion fractions (once) and re-add them; scoring is not redone.
  if (weightsChanged) fractionsOf(plan, base.work, input.n);
  const work = { ...base.work, order: weightsChanged ? null : base.work.order };
  return {
    plan: next,
    result: finish(next, input, work, weightsChanged ? undefined : base.score),
    warnings,
  };
}
