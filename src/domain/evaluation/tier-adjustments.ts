import { type ConditionColumns, conditionMask } from './condition-mask';
import type { EvaluationInput } from './evaluation-input';
import { Flag, type Plan, TierSource } from './plan';

/**
 * Hysteresis against the previous run: a customer whose new tier is worse than the previous
 * one keeps the previous tier while the score is within `margin` of that tier's line, or
 * until it has been below for `consecutiveRuns` runs in a row. Returns the runs-below count
 * to feed into the next run (0 for everyone not held).
 */
export function applyHysteresis(
  plan: Plan,
  input: EvaluationInput,
  score: Float64Array,
  tier: Int16Array,
  source: Uint8Array,
  flags: Uint8Array,
  lines: Float64Array,
): Uint16Array {
  const n = tier.length;
  const out = new Uint16Array(n);
  const h = plan.hysteresis;
  const prev = input.previous;
  if (!h || !prev) return out;
  const k = plan.tiers.length;
  const PROVISIONAL = TierSource.provisional;
  const HELD = Flag.held;
  for (let i = 0; i < n; i++) {
    const was = prev.tier[i]!;
    const now = tier[i]!;
    if (was < 0 || was >= k || now < 0 || now <= was || source[i] === PROVISIONAL) continue;
    const runsBelow = (prev.belowCount?.[i] ?? 0) + 1;
    const line = lines[was]!;
    const withinMargin = h.margin !== undefined && score[i]! >= line - h.margin;
    const tooSoon = h.consecutiveRuns !== undefined && runsBelow < h.consecutiveRuns;
    if (withinMargin || tooSoon) {
      tier[i] = was;
      flags[i]! |= HELD;
      out[i] = Math.min(runsBelow, 0xffff);
    }
  }
  return out;
}

/** Moves a customer whose tier has a failing gate down one tier at a time until the gates pass. */
export function applyGates(
  plan: Plan,
  cols: ConditionColumns,
  tier: Int16Array,
  flags: Uint8Array,
): void {
  const pass = plan.gates.map((gates) => {
    if (gates.length === 0) return null;
    const mask = conditionMask(gates[0]!.when, cols);
    for (let g = 1; g < gates.length; g++) {
      const m = conditionMask(gates[g]!.when, cols);
      for (let i = 0; i < mask.length; i++) mask[i]! &= m[i]!;
    }
    return mask;
  });
  if (pass.every((p) => p === null)) return;
  const GATED = Flag.gated;
  for (let i = 0; i < tier.length; i++) {
    let t = tier[i]!;
    if (t < 0) continue;
    while (pass[t] && !pass[t]![i]) {
      t++;
      flags[i]! |= GATED;
    }
    tier[i] = t;
  }
}
