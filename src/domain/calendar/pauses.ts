import { validationError } from '../errors';
import { addBusinessTime, openTimeIn } from './business-time';
import type { BusinessCalendar } from './calendar.schema';
import { compileCalendar } from './compiled-calendar';

/** A stretch during which a clock stands still (waiting on the customer); to = null: still paused. */
export interface ClockPause {
  from: Date;
  to: Date | null;
}

/** Pauses as sorted, merged [from, to] ms pairs (open pauses end at +Infinity). */
function mergedPauses(pauses: readonly ClockPause[]): [number, number][] {
  const list = pauses.map((p, i) => {
    const from = p.from.getTime();
    const to = p.to === null ? Number.POSITIVE_INFINITY : p.to.getTime();
    if (!Number.isFinite(from) || Number.isNaN(to) || to < from) {
      throw validationError('A clock pause must end after it starts', [
        { field: `pauses.${i}.to`, message: 'must not be before pauses.from', value: p.to },
      ]);
    }
    return [from, to] as [number, number];
  });
  list.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last && p[0] <= last[1]) last[1] = Math.max(last[1], p[1]);
    else out.push([p[0], p[1]]);
  }
  return out;
}

/**
 * Business time a clock has run from `start` to `now`, not counting its pauses (overlapping
 * pauses count once; an open pause stops the clock until `now`).
 */
export function elapsedWithPauses(
  cal: BusinessCalendar,
  start: Date,
  now: Date,
  pauses: readonly ClockPause[],
): number {
  const cc = compileCalendar(cal);
  const end = now.getTime();
  let cursor = start.getTime();
  let total = 0;
  for (const [from, to] of mergedPauses(pauses)) {
    if (cursor >= end) break;
    const runTo = Math.min(from, end);
    if (runTo > cursor) total += openTimeIn(cc, cursor, runTo);
    cursor = Math.max(cursor, to);
  }
  if (end > cursor) total += openTimeIn(cc, cursor, end);
  return total;
}

/**
 * When a clock started at `start` with a target of `durationMs` business time is due, given its
 * pauses. Null while an open pause holds the clock before the target is reached.
 */
export function deadlineWithPauses(
  cal: BusinessCalendar,
  start: Date,
  durationMs: number,
  pauses: readonly ClockPause[],
): Date | null {
  const cc = compileCalendar(cal);
  let cursor = start.getTime();
  let remaining = durationMs;
  for (const [from, to] of mergedPauses(pauses)) {
    if (to <= cursor) continue;
    const due = addBusinessTime(cal, new Date(cursor), remaining);
    if (due.getTime() <= from) return due;
    if (from > cursor) remaining -= openTimeIn(cc, cursor, from);
    if (to === Number.POSITIVE_INFINITY) return null;
    cursor = Math.max(cursor, to);
  }
  return addBusinessTime(cal, new Date(cursor), remaining);
}
