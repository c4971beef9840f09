import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import { type TierChange, tiersAtPoints } from '../../domain/analytics/tier-migration';
import type { ColumnScope } from '../../store/analytics/customer-columns.repository';
import {
  type HistoryChangeRow,
  runResults,
  schemeChanges,
} from '../../store/analytics/tier-trends.repository';
import type { Deps } from '../deps';
import type { Side } from './tier-sides';

/** What one side of a comparison read from the store, before it is laid out by customer. */
export interface SideData {
  /** Tier by customer, when read from a run; else the changes to replay up to `point`. */
  tiers?: Map<number, string | null>;
  changes?: TierChange[];
  point?: number;
  /** Score by customer in the side's run (null: no score). */
  scores: Map<number, number | null>;
  /** Every tier id met, for the figure's tier order. */
  seen: Set<string>;
}

/** History rows as replayable changes keyed by publication or by effective day. */
export function changesBy(
  rows: readonly HistoryChangeRow[],
  key: 'publication' | 'day',
): TierChange[] {
  return rows.map((r) => ({
    customerId: r.customerId,
    key: key === 'publication' ? (r.publicationId ?? 0) : dayNumber(r.effectiveFrom),
    seq: r.id,
    toTier: r.toTier,
  }));
}

/** The tier ids named by history rows. */
export function seenIn(rows: readonly HistoryChangeRow[]): Set<string> {
  const seen = new Set<string>();
  for (const r of rows) if (r.toTier !== null) seen.add(r.toTier);
  return seen;
}

/**
 * Reads one side: a draft run's results, a published run's state right after its publication
 * (replayed from the tier history, so review changes count), the state on a date (replayed by
 * effective date), or a run's previous tiers. Scores come from the side's run.
 */
export async function loadSide(
  deps: Deps,
  schemeId: number,
  scope: ColumnScope,
  side: Side,
): Promise<SideData> {
  const db = deps.store.db;
  const scoreRun = side.kind === 'previous' ? null : side.run;
  const results = scoreRun ? await runResults(db, scoreRun.id, scope) : [];
  const scores = new Map(results.map((r) => [r.customerId, r.score]));
  if (side.kind === 'previous') {
    const rows = await runResults(db, side.of.id, scope);
    const tiers = new Map(rows.map((r) => [r.customerId, r.previousTier]));
    const seen = new Set(rows.flatMap((r) => (r.previousTier ? [r.previousTier] : [])));
    return { tiers, scores: new Map(), seen };
  }
  if (side.kind === 'run' && !side.run.publication) {
    const tiers = new Map(results.map((r) => [r.customerId, r.tier as string | null]));
    return { tiers, scores, seen: new Set(results.map((r) => r.tier)) };
  }
  if (side.kind === 'run') {
    const pub = side.run.publication!;
    const rows = await schemeChanges(db, schemeId, scope, pub.id);
    return { changes: changesBy(rows, 'publication'), point: pub.id, scores, seen: seenIn(rows) };
  }
  const rows = await schemeChanges(db, schemeId, scope);
  return {
    changes: changesBy(rows, 'day'),
    point: dayNumber(side.date),
    scores,
    seen: seenIn(rows),
  };
}

/** A side's tier index for each customer position (−1 none), in the figure's tier order. */
export function sideTiers(data: SideData, ids: Int32Array, order: readonly string[]): Int32Array {
  if (data.changes) return tiersAtPoints(data.changes, ids, order, [data.point ?? 0])[0]!;
  const at = new Map(order.map((id, i) => [id, i]));
  const out = new Int32Array(ids.length).fill(-1);
  ids.forEach((id, i) => {
    const t = data.tiers?.get(id);
    if (t != null) out[i] = at.get(t) ?? -1;
  });
  return out;
}

/** A side's score for each customer position (NaN when it has none). */
export function sideScores(data: SideData, ids: Int32Array): Float64Array {
  const out = new Float64Array(ids.length).fill(Number.NaN);
  ids.forEach((id, i) => {
    const s = data.scores.get(id);
    if (s != null) out[i] = s;
  });
  return out;
}
