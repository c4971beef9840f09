import { describe, expect, it } from 'vitest';
import { minimizeNelderMead } from '../../src/domain/analytics/optimize/nelder-mead';
import { DomainError } from '../../src/domain/errors';

const rosenbrock = (x: readonly number[]) => {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    s += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  }
  return s;
};

describe('minimizeNelderMead', () => {
  it('finds the Rosenbrock minimum in 2 dimensions', () => {
    const r = minimizeNelderMead(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.value).toBeLessThan(1e-12);
    expect(r.evaluations).toBeLessThan(2000);
    expect(r.iterations).toBeGreaterThan(0);
  });

  it('finds the Rosenbrock minimum in 4 dimensions with restarts', () => {
    const r = minimizeNelderMead(rosenbrock, [-1.2, 1, -1.2, 1], { maxEvaluations: 50_000 });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(v).toBeCloseTo(1, 5);
    expect(r.restarts).toBeGreaterThanOrEqual(1);
  });

  it('minimises a shifted, scaled quadratic', () => {
    const f = (x: readonly number[]) => (x[0]! - 3) ** 2 + 10 * (x[1]! + 2) ** 2 + 0.1 * x[2]! ** 2;
    const r = minimizeNelderMead(f, [0, 0, 0]);
    expect(r.x[0]).toBeCloseTo(3, 6);
    expect(r.x[1]).toBeCloseTo(-2, 6);
    expect(r.x[2]).toBeCloseTo(0, 5);
  });

  it('treats non-finite values as +∞ and steps back into the valid region', () => {
    const f = (x: readonly number[]) => (x[0]! <= 0 ? Number.NaN : (Math.log(x[0]!) - 1) ** 2);
    const r = minimizeNelderMead(f, [0.5]);
    expect(r.x[0]).toBeCloseTo(Math.E, 5);
  });

  it('stops at the evaluation budget and says so', () => {
    const r = minimizeNelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 30 });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeLessThanOrEqual(32);
    expect(Number.isFinite(r.value)).toBe(true);
  });

  it('rejects an empty or non-finite start', () => {
    expect(() => minimizeNelderMead(rosenbrock, [])).toThrow(DomainError);
    expect(() => minimizeNelderMead(rosenbrock, [1, Number.NaN])).toThrow(/start/);
  });
});
