import { DomainError } from '../../errors';

/** Options for {@link minimizeNelderMead}; every field has a default. */
export interface NelderMeadOptions {
  /** Initial simplex edge along each axis (default 0.5; the models work in log-parameters). */
  step?: number;
  /** Stop a run when the simplex values differ by less than this (default 1e-10). */
  fTolerance?: number;
  /** …and the vertices lie within this distance of the best one (default 1e-8). */
  xTolerance?: number;
  /** Budget of objective evaluations over all runs (default 20,000). */
  maxEvaluations?: number;
  /** Restarts from the best point with a fresh simplex (default 5); stops early once a restart gains nothing. */
  maxRestarts?: number;
}

/** What the optimiser found and what it cost. */
export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  restarts: number;
  /** False when the evaluation budget ran out before the tolerances were met. */
  converged: boolean;
}

/**
 * Minimises f by the Nelder–Mead simplex method (standard coefficients: reflect 1, expand 2,
 * contract ½, shrink ½) with restarts. A restart rebuilds the simplex around the best point,
 * which undoes the simplex collapse that makes a single run stall short of the optimum.
 * Non-finite objective values count as +∞, so the search steps back from invalid regions.
 */
export function minimizeNelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): MinimizeResult {
  const n = start.length;
  if (n === 0 || start.some((v) => !Number.isFinite(v))) {
    throw new DomainError('VALIDATION', 'start must be a non-empty list of finite numbers', {
      field: 'start',
      value: start,
    });
  }
  const step = options.step ?? 0.5;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-8;
  const maxEvals = options.maxEvaluations ?? 20_000;
  const maxRestarts = options.maxRestarts ?? 5;
  let evaluations = 0;
  let iterations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  let best = { x: [...start], value: evaluate([...start]) };
  let restarts = 0;
  let converged = false;
  for (let run = 0; run <= maxRestarts; run++) {
    if (run > 0) restarts++;
    const result = singleRun(best.x, best.value);
    const gained = best.value - result.value;
    best = result;
    converged = result.converged;
    if (!converged || (run > 0 && gained <= fTol * (1 + Math.abs(best.value)))) break;
  }
  return { x: best.x, value: best.value, iterations, evaluations, restarts, converged };

  function singleRun(x0: number[], f0: number): { x: number[]; value: number; converged: boolean } {
    const pts: number[][] = [x0];
    const vals: number[] = [f0];
    for (let i = 0; i < n; i++) {
      const p = [...x0];
      p[i] = p[i]! + step;
      pts.push(p);
      vals.push(evaluate(p));
    }
    const order = Array.from({ length: n + 1 }, (_, i) => i);
    while (evaluations < maxEvals) {
      iterations++;
      order.sort((i, j) => vals[i]! - vals[j]!);
      const bi = order[0]!;
      const wi = order[n]!;
      const si = order[n - 1]!;
      const fb = vals[bi]!;
      const fw = vals[wi]!;
      let spread = 0;
      for (const i of order) {
        for (let k = 0; k < n; k++) spread = Math.max(spread, Math.abs(pts[i]![k]! - pts[bi]![k]!));
      }
      if (fw - fb <= fTol * (1 + Math.abs(fb)) && spread <= xTol) {
        return { x: pts[bi]!, value: fb, converged: true };
      }
      const centroid = new Array<number>(n).fill(0);
      for (const i of order.slice(0, n)) {
        for (let k = 0; k < n; k++) centroid[k]! += pts[i]![k]! / n;
      }
      const along = (t: number) => centroid.map((c, k) => c + t * (pts[wi]![k]! - c));
      const xr = along(-1);
      const fr = evaluate(xr);
      if (fr < fb) {
        const xe = along(-2);
        const fe = evaluate(xe);
        if (fe < fr) replace(wi, xe, fe);
        else replace(wi, xr, fr);
        continue;
      }
      if (fr < vals[si]!) {
        replace(wi, xr, fr);
        continue;
      }
      // Contract outside when the reflection beat the worst point, inside otherwise.
      const xc = fr < fw ? along(-0.5) : along(0.5);
      const fc = evaluate(xc);
      if (fc < Math.min(fr, fw)) {
        replace(wi, xc, fc);
        continue;
      }
      for (const i of order.slice(1)) {
        pts[i] = pts[i]!.map((v, k) => pts[bi]![k]! + 0.5 * (v - pts[bi]![k]!));
        vals[i] = evaluate(pts[i]!);
      }
    }
    let b = 0;
    for (let i = 1; i <= n; i++) if (vals[i]! < vals[b]!) b = i;
    return { x: pts[b]!, value: vals[b]!, converged: false };

    function replace(i: number, x: number[], v: number): void {
      pts[i] = x;
      vals[i] = v;
    }
  }
}
