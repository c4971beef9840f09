import { z } from 'zod';
import { dayNumber, monthNumber } from '../../domain/analytics/lifecycle/day-number';
import { validationError } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import {
  runScheme,
  type SchemeRunRow,
  schemeRuns,
} from '../../store/analytics/tier-trends.repository';
import type { Deps } from '../deps';

const runId = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .positive(`${field} must be a positive id`)
    .optional();

export const COMPARES = ['runs', 'dates', 'previous'] as const;
export type Compare = (typeof COMPARES)[number];

/**
 * What a migration compares: two runs, two dates, or one run against the tiers that were
 * published when it was made (its "previous tier"). Left out, the view picks (see
 * `resolveSides`).
 */
export const comparisonShape = {
  compare: z.enum(COMPARES, { error: `compare must be one of ${COMPARES.join(', ')}` }).optional(),
  beforeRunId: runId('beforeRunId'),
  afterRunId: runId('afterRunId'),
  beforeDate: dateSchema('beforeDate').optional(),
  afterDate: dateSchema('afterDate').optional(),
};
const comparisonSchema = z.object(comparisonShape);
export type Comparison = z.output<typeof comparisonSchema>;

/**
 * One side of a comparison. `run`: a published run means the tiers in force right after its
 * publication (review changes included), a draft run its computed tiers. `date`: the tiers in
 * force that day. `previous`: the tiers published when `of` was made (its previous_tier column);
 * `run` is then the run of that publication, when there was one.
 */
export type Side =
  | { kind: 'run'; run: SchemeRunRow; month: string }
  | { kind: 'date'; date: string; month: string; run: SchemeRunRow | null }
  | { kind: 'previous'; of: SchemeRunRow; run: SchemeRunRow | null; month: string };

/** Why the view chose the two sides itself, when nothing was asked. */
export type Defaulted = 'latestPublished' | 'publishedAndLatestRun' | 'previousTiers' | null;

export interface ResolvedSides {
  compare: Compare;
  defaulted: Defaulted;
  before: Side;
  after: Side;
  runs: SchemeRunRow[];
}

const issue = (field: string, message: string, value: unknown = null) =>
  validationError(`Invalid tier comparison: ${field} ${message}`, [{ field, message, value }]);

/** The scheme of the runs a comparison names (errors name the unknown or mismatched run). */
export async function schemeOfRuns(
  deps: Deps,
  c: Comparison,
  schemeId: number | undefined,
): Promise<number | undefined> {
  let found: { field: string; schemeId: number } | undefined;
  for (const field of ['beforeRunId', 'afterRunId'] as const) {
    const id = c[field];
    if (id === undefined) continue;
    const r = await runScheme(deps.store.db, id);
    if (!r) throw issue(field, `names no tier run (${id})`, id);
    if (schemeId !== undefined && r.schemeId !== schemeId)
      throw issue(field, `is a run of scheme ${r.schemeId}, not of scheme ${schemeId}`, id);
    if (found && found.schemeId !== r.schemeId)
      throw issue(
        'beforeRunId',
        `is a run of scheme ${found.schemeId} but afterRunId is a run of scheme ${r.schemeId}`,
        c.beforeRunId,
      );
    found = { field, schemeId: r.schemeId };
  }
  return found?.schemeId;
}

const monthOf = (date: string) => date.slice(0, 7);

/** The publication (with its run) in force on a date: the latest effective on or before it. */
export function runInForce(runs: readonly SchemeRunRow[], date: string): SchemeRunRow | null {
  let best: SchemeRunRow | null = null;
  for (const r of runs) {
    const p = r.publication;
    if (!p || p.effectiveFrom > date) continue;
    const b = best?.publication;
    if (
      !b ||
      p.effectiveFrom > b.effectiveFrom ||
      (p.effectiveFrom === b.effectiveFrom && p.id > b.id)
    )
      best = r;
  }
  return best;
}

/** The previous-tier side of a run: the publication that was current when the run was made. */
function previousSide(runs: readonly SchemeRunRow[], of: SchemeRunRow): Side {
  let run: SchemeRunRow | null = null;
  for (const r of runs) {
    const p = r.publication;
    if (!p || p.publishedAt > of.createdAt || r.id === of.id) continue;
    if (!run || p.id > run.publication!.id) run = r;
  }
  return { kind: 'previous', of, run, month: monthOf(run ? run.asOf : of.asOf) };
}

const runSide = (run: SchemeRunRow): Side => ({ kind: 'run', run, month: monthOf(run.asOf) });

/** Picks the sides when none were asked (see docs/guide/analytics-tiers.md). */
function defaultSides(runs: SchemeRunRow[], schemeId: number): ResolvedSides {
  const published = runs
    .filter((r) => r.publication)
    .sort((a, b) => b.publication!.id - a.publication!.id);
  const [last, previous] = published;
  if (last && previous)
    return {
      compare: 'runs',
      defaulted: 'latestPublished',
      before: runSide(previous),
      after: runSide(last),
      runs,
    };
  const later = last ? runs.find((r) => r.id > last.id && !r.publication) : undefined;
  if (last && later)
    return {
      compare: 'runs',
      defaulted: 'publishedAndLatestRun',
      before: runSide(last),
      after: runSide(later),
      runs,
    };
  const newest = last ?? runs[0];
  if (!newest)
    throw issue('schemeId', `has no finished run to compare (scheme ${schemeId})`, schemeId);
  return {
    compare: 'previous',
    defaulted: 'previousTiers',
    before: previousSide(runs, newest),
    after: runSide(newest),
    runs,
  };
}

function findRun(runs: readonly SchemeRunRow[], field: string, id: number): SchemeRunRow {
  const r = runs.find((x) => x.id === id);
  if (!r) throw issue(field, `names no finished run of this scheme (${id})`, id);
  return r;
}

/**
 * The two sides of a migration, checked: runs of the scheme, dates in order, one kind of
 * comparison at a time. Errors name the field at fault.
 */
export async function resolveSides(
  deps: Deps,
  schemeId: number,
  c: Comparison,
): Promise<ResolvedSides> {
  const runs = await schemeRuns(deps.store.db, schemeId);
  const hasRuns = c.beforeRunId !== undefined || c.afterRunId !== undefined;
  const hasDates = c.beforeDate !== undefined || c.afterDate !== undefined;
  const compare: Compare | undefined =
    c.compare ?? (hasDates ? 'dates' : hasRuns ? 'runs' : undefined);
  if (compare === undefined) return defaultSides(runs, schemeId);
  if (compare === 'dates') {
    if (hasRuns)
      throw issue(
        c.beforeRunId !== undefined ? 'beforeRunId' : 'afterRunId',
        'is not used when comparing dates; give runs or dates',
      );
    if (!c.beforeDate) throw issue('beforeDate', 'is needed to compare dates');
    if (!c.afterDate) throw issue('afterDate', 'is needed to compare dates');
    if (dayNumber(c.beforeDate) >= dayNumber(c.afterDate))
      throw issue('beforeDate', `must be before afterDate (${c.afterDate})`, c.beforeDate);
    const side = (date: string): Side => ({
      kind: 'date',
      date,
      month: monthOf(date),
      run: runInForce(runs, date),
    });
    return { compare, defaulted: null, before: side(c.beforeDate), after: side(c.afterDate), runs };
  }
  if (hasDates)
    throw issue(
      c.beforeDate !== undefined ? 'beforeDate' : 'afterDate',
      `is not used when compare is ${compare}; give runs or dates`,
    );
  if (compare === 'previous') {
    if (c.beforeRunId !== undefined)
      throw issue(
        'beforeRunId',
        'is not used when compare is previous (the run’s previous tiers are)',
      );
    const of =
      c.afterRunId !== undefined
        ? findRun(runs, 'afterRunId', c.afterRunId)
        : (runs.find((r) => r.publication) ?? runs[0]);
    if (!of)
      throw issue('schemeId', `has no finished run to compare (scheme ${schemeId})`, schemeId);
    return { compare, defaulted: null, before: previousSide(runs, of), after: runSide(of), runs };
  }
  if (c.beforeRunId === undefined) throw issue('beforeRunId', 'is needed to compare two runs');
  if (c.afterRunId === undefined) throw issue('afterRunId', 'is needed to compare two runs');
  const before = findRun(runs, 'beforeRunId', c.beforeRunId);
  const after = findRun(runs, 'afterRunId', c.afterRunId);
  if (before.id === after.id)
    throw issue('beforeRunId', 'must be another run than afterRunId', before.id);
  if (before.asOf > after.asOf)
    throw issue(
      'beforeRunId',
      `is as of ${before.asOf}, after afterRunId (as of ${after.asOf}); swap them`,
      before.id,
    );
  return { compare, defaulted: null, before: runSide(before), after: runSide(after), runs };
}

/** Months from the earlier side's month to the later one's (negative if it is later). */
export function monthGap(before: Side, after: Side): number {
  return monthNumber(after.month) - monthNumber(before.month);
}
