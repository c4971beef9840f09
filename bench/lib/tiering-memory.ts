import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { clearEvaluationCache, loadEvaluation } from '../../src/app/tiering/evaluation-cache';
import { resultRows } from '../../src/app/tiering/run.service';
import { runWhatIf } from '../../src/app/tiering/what-if.service';
import {
  applyWhatIf,
  compileScheme,
  type EvaluationResult,
  evaluate,
  movers,
  type Plan,
  type WhatIfChanges,
  whatIf,
} from '../../src/domain/evaluation';
import { median } from './report';
import { TIERING_AS_OF } from './tiering-data';

/**
 * Timings of one repeated step, in milliseconds: wall clock, and the process's CPU time
 * (user + system), which a busy machine inflates less than the wall clock (the step waits for
 * a core without using CPU). Median and min leave out the first run (cold code).
 */
export interface Timing {
  first: number;
  median: number;
  min: number;
  cpuMedian: number;
  runs: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function summarize(wall: number[], cpu: number[]): Timing {
  const rest = wall.slice(1);
  return {
    first: wall[0]!,
    median: median(rest),
    min: Math.min(...rest),
    cpuMedian: median(cpu.slice(1)),
    runs: wall.length,
  };
}

function timeIt(runs: number, f: () => void): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return summarize(wall, cpu);
}

async function timeAsync(runs: number, f: () => Promise<unknown>): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await f();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return summarize(wall, cpu);
}

/** Rows whose tier or score differ between two results (0 = identical). */
function differences(a: EvaluationResult, b: EvaluationResult): number {
  let d = 0;
  for (let i = 0; i < a.n; i++) {
    const sa = a.score[i]!;
    const sb = b.score[i]!;
    if (a.tier[i] !== b.tier[i] || !(sa === sb || (Number.isNaN(sa) && Number.isNaN(sb)))) d++;
  }
  return d;
}

export interface WhatIfFigure {
  step: string;
  scheme: string;
  /** Domain call `whatIf(plan, input, changes, base)`. */
  engine: Timing;
  /**
   * `runWhatIf` on the cached evaluation: what-if, distribution, migration matrix, movers;
   * null when not measured.
   */
  service: Timing | null;
  movers: number;
  /** Rows differing from a full evaluation of the changed scheme (must be 0). */
  mismatches: number;
}

export interface MemoryFigures {
  customers: number;
  inSegment: number;
  criteria: number;
  /** loadEvaluation on an empty cache: loadTieringInput, then evaluate. */
  loadEvaluationMs: number;
  evaluate: Timing;
  /** Building the tier_results rows of a run (points, rank sort, JSON) without writing them. */
  resultRowsMs: number;
  whatIf: WhatIfFigure[];
}

/**
 * Evaluation and what-if steps in memory: the ABCD evaluation is loaded once through the
 * evaluation cache (as the what-if page does), `evaluate` is repeated on its input, then each
 * kind of what-if step runs on it: quotas and weights on ABCD, through the domain call and
 * through the service; thresholds on ABCD's threshold twin, evaluated on the same input (the
 * domain call only: the service would load the same input again for the other version).
 * Each step's result is checked against a full evaluation of the changed scheme.
 */
export async function memoryPhase(
  deps: Deps,
  abcdVersion: number,
  thresholdDocument: Record<string, unknown>,
  runs: number,
  log: (line: string) => void,
): Promise<MemoryFigures> {
  clearEvaluationCache(deps);
  let t0 = performance.now();
  const cached = await loadEvaluation(deps, abcdVersion, TIERING_AS_OF);
  const loadEvaluationMs = performance.now() - t0;
  const { plan, t } = cached;
  log(`  loadEvaluation: ${Math.round(loadEvaluationMs)} ms`);

  let base = cached.base;
  const evalTiming = timeIt(runs, () => {
    base = evaluate(plan, t.input);
  });
  log(`  evaluate: median ${evalTiming.median.toFixed(1)} ms`);
  t0 = performance.now();
  resultRows(0, plan, t, base);
  const resultRowsMs = performance.now() - t0;
  log(`  resultRows: ${Math.round(resultRowsMs)} ms`);

  const thresholdPlan = compileScheme(thresholdDocument as never);
  const thresholdBase = evaluate(thresholdPlan, t.input);
  const steps: { step: string; plan: Plan; base: EvaluationResult; changes: WhatIfChanges }[] = [
    { step: 'quotas', plan, base: cached.base, changes: { quotas: { A: 15, B: 35 } } },
    {
      step: 'weights',
      plan,
      base: cached.base,
      changes: { weights: { sales_scale: 25, payment_credit: 10 } },
    },
    {
      step: 'thresholds',
      plan: thresholdPlan,
      base: thresholdBase,
      changes: { thresholds: { A: 65, B: 50 } },
    },
  ];
  const ctx = systemCtx();
  const figures: WhatIfFigure[] = [];
  for (const s of steps) {
    // Alternate two changes so each step really changes something against the last one.
    const variants: WhatIfChanges[] = [s.changes, alternate(s.changes)];
    let k = 0;
    const engine = timeIt(runs, () => {
      whatIf(s.plan, t.input, variants[k++ % 2]!, s.base);
    });
    let service: Timing | null = null;
    let moved: number | null = null;
    if (s.plan === plan) {
      k = 0;
      service = await timeAsync(runs, async () => {
        const r = await runWhatIf(deps, ctx, {
          schemeVersionId: abcdVersion,
          asOf: TIERING_AS_OF,
          changes: variants[k++ % 2]!,
        });
        moved = r.moversTotal;
      });
    }
    const step = whatIf(s.plan, t.input, s.changes, s.base);
    const full = evaluate(compileScheme(applyWhatIf(s.plan.scheme, s.changes).scheme), t.input);
    figures.push({
      step: s.step,
      scheme: s.plan.scheme.id,
      engine,
      service,
      movers: moved ?? movers(s.base.tier, step.result.tier).length,
      mismatches: differences(step.result, full),
    });
    log(
      `  what-if ${s.step}: engine median ${engine.median.toFixed(1)} ms` +
        (service ? `, service ${service.median.toFixed(1)} ms` : ''),
    );
  }
  clearEvaluationCache(deps);
  return {
    customers: t.input.n,
    inSegment: base.inSegment,
    criteria: plan.criteria.length,
    loadEvaluationMs,
    evaluate: evalTiming,
    resultRowsMs,
    whatIf: figures,
  };
}

/** A second, different change of the same kind: values nudged so the step is never a no-op. */
function alternate(c: WhatIfChanges): WhatIfChanges {
  const nudge = (r: Readonly<Record<string, number>> | undefined, by: number) =>
    r && Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v + by]));
  if (c.quotas) {
    const [a, b] = Object.keys(c.quotas);
    return { quotas: { [a!]: c.quotas[a!]! + 1, [b!]: c.quotas[b!]! - 1 } };
  }
  if (c.weights) return { weights: nudge(c.weights, 1)! };
  return { thresholds: nudge(c.thresholds, 1)! };
}
