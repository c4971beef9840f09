import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  cohortRetention,
  DEFAULT_LIFECYCLE_OPTIONS,
  dayNumber,
  LIFECYCLE_STAGES,
  type LifecycleStageKey,
  lifecycleStages,
  monthNumber,
} from '../../domain/analytics/lifecycle';
import { monthEnd, type Period } from '../../domain/analytics/period';
import { loadCohortPurchaseMonths } from '../../store/analytics/purchase-months.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { analyticsFilterShape } from './analytics-filters';
import { optionalQueryValue, queryNumber, scopeOfFilters } from './analytics-query';
import { type CustomerColumns, customerColumns, periodOf, scopeOf } from './customer-columns';
import {
  type DrillPage,
  type DrillPageOptions,
  drillExport,
  drillPage,
  drillPageShape,
  type Lang,
} from './drill';

const D = DEFAULT_LIFECYCLE_OPTIONS;
const STAGE_KEYS = LIFECYCLE_STAGES.map((s) => s.key) as LifecycleStageKey[];

const wholeDays = (field: string, min: number) =>
  queryNumber(field).refine((v) => Number.isInteger(v) && v >= min, {
    message: `${field} must be a whole number of days ≥ ${min}`,
  });
const multiple = (field: string) =>
  queryNumber(field).refine((v) => v > 0, { message: `${field} must be above 0` });

/**
 * Query of the lifecycle view: filters and the stage rules (defaults as in the domain: new for
 * 30 days, silent past 2×, at risk past 3×, churned past 5× the own interval or 365 days).
 */
export const lifecycleQueryShape = {
  ...analyticsFilterShape,
  newDays: optionalQueryValue(wholeDays('newDays', 0)),
  k1: optionalQueryValue(multiple('k1')),
  k2: optionalQueryValue(multiple('k2')),
  k3: optionalQueryValue(multiple('k3')),
  maxDays: optionalQueryValue(wholeDays('maxDays', 1)),
};

type Rules = { k1?: number | undefined; k2?: number | undefined; k3?: number | undefined };

/** k1 < k2 < k3 after defaults, naming the larger one of a pair out of order. */
function checkMultiples(q: Rules, ctx: z.RefinementCtx): void {
  const k1 = q.k1 ?? D.silentMultiple;
  const k2 = q.k2 ?? D.atRiskMultiple;
  const k3 = q.k3 ?? D.churnedMultiple;
  if (!(k2 > k1)) {
    ctx.addIssue({ code: 'custom', path: ['k2'], message: `must be greater than k1 (${k1})` });
  }
  if (!(k3 > k2)) {
    ctx.addIssue({ code: 'custom', path: ['k3'], message: `must be greater than k2 (${k2})` });
  }
}

const lifecycleSchema = z.object(lifecycleQueryShape).superRefine(checkMultiples);
type LifecycleQuery = z.output<typeof lifecycleSchema>;

const stageList = z.string().transform((text, ctx) => {
  const keys = text.split(',').map((v) => v.trim());
  const bad = keys.filter((k) => !(STAGE_KEYS as string[]).includes(k));
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `stage must be one or more of ${STAGE_KEYS.join(', ')}, comma-separated`,
    });
    return z.NEVER;
  }
  return keys as LifecycleStageKey[];
});

const drillSchema = z
  .object({
    ...lifecycleQueryShape,
    ...drillPageShape,
    stage: optionalQueryValue(stageList),
    cohort: optionalQueryValue(
      z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'cohort must be a month YYYY-MM'),
    ),
    offset: optionalQueryValue(
      z.coerce
        .number({ error: 'offset must be a number' })
        .int('offset must be a whole number of months')
        .min(0, 'offset must be at least 0'),
    ),
  })
  .superRefine(checkMultiples)
  .superRefine((q, ctx) => {
    if ((q.stage === undefined) === (q.cohort === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['stage'], message: 'give either stage or cohort' });
    }
    if (q.offset !== undefined && q.cohort === undefined) {
      ctx.addIssue({ code: 'custom', path: ['cohort'], message: 'is needed with offset' });
    }
  });
type DrillQuery = z.output<typeof drillSchema>;

/** The stage rules a view applied. */
export interface LifecycleParameters {
  newDays: number;
  k1: number;
  k2: number;
  k3: number;
  maxDays: number;
  /** Interval of customers with one purchase: the repeat buyers' median interval. */
  fallbackIntervalDays: number;
}

export interface LifecycleStageRow {
  stage: LifecycleStageKey;
  customers: number;
  /** Share of the customers counted (0 when nobody is). */
  share: number;
  /** Revenue of the stage's customers in the period, minor units. */
  revenueMinor: number;
}

export interface LifecycleCohortRow {
  /** Month of the first order, YYYY-MM. */
  month: string;
  customers: number;
  /** active[k]: cohort customers who ordered k months after their first month. */
  active: number[];
  share: number[];
}

export interface LifecycleView {
  period: Period;
  /** The day stages are taken on: the period's last day, or today when that is earlier. */
  asOf: string;
  parameters: LifecycleParameters;
  /** Customers with an order up to the as-of day. */
  customers: number;
  stages: LifecycleStageRow[];
  /** Customers whose first order is in the period, by first month. */
  cohorts: LifecycleCohortRow[];
  /** Silent and at-risk customers, largest revenue first (first page). */
  churnRisk: DrillPage;
}

interface LifeState {
  period: Period;
  asOfDay: number;
  parameters: LifecycleParameters;
  cols: CustomerColumns;
  /** Stage index per position of `cols`; −1 for customers without an order. */
  stage: Int8Array;
  daysSince: Float64Array;
  interval: Float64Array;
  own: Uint8Array;
  multiple: Float64Array;
}

const dayText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const round2 = (v: number) => Math.round(v * 100) / 100;

async function lifeState(deps: Deps, ctx: Ctx, q: LifecycleQuery): Promise<LifeState> {
  const period = periodOf(deps, ctx, q);
  const cols = await customerColumns(deps, scopeOfFilters(q), period);
  const counted: number[] = [];
  for (let i = 0; i < cols.n; i++) {
    if (cols.lifetimeOrders[i]! > 0 && cols.firstOrderOn[i] && cols.lastOrderOn[i]) counted.push(i);
  }
  const first = Float64Array.from(counted, (i) => dayNumber(cols.firstOrderOn[i]!));
  const last = Float64Array.from(counted, (i) => dayNumber(cols.lastOrderOn[i]!));
  const count = Float64Array.from(counted, (i) => cols.lifetimeOrders[i]!);
  // Stages are taken on the period's last day, or today while the period is running; an order
  // dated after that (entered ahead) moves the day forward rather than failing the view.
  const end = dayNumber(monthEnd(period.to));
  const today = dayNumber(businessToday(deps, ctx));
  let asOfDay = Math.min(end, today);
  for (const d of last) if (d > asOfDay) asOfDay = d;
  const options = {
    newDays: q.newDays ?? D.newDays,
    silentMultiple: q.k1 ?? D.silentMultiple,
    atRiskMultiple: q.k2 ?? D.atRiskMultiple,
    churnedMultiple: q.k3 ?? D.churnedMultiple,
    maxDays: q.maxDays ?? D.maxDays,
  };
  const stage = new Int8Array(cols.n).fill(-1);
  const daysSince = new Float64Array(cols.n);
  const interval = new Float64Array(cols.n);
  const own = new Uint8Array(cols.n);
  const multipleOf = new Float64Array(cols.n);
  let fallback = Math.max(1, options.newDays);
  if (counted.length > 0) {
    const r = lifecycleStages(
      { firstPurchaseDay: first, lastPurchaseDay: last, purchaseCount: count },
      asOfDay,
      options,
    );
    counted.forEach((i, k) => {
      stage[i] = r.stage[k]!;
      daysSince[i] = r.daysSinceLast[k]!;
      interval[i] = r.intervalDays[k]!;
      own[i] = r.ownInterval[k]!;
      multipleOf[i] = r.multiple[k]!;
    });
    fallback = r.fallbackIntervalDays;
  }
  return {
    period,
    asOfDay,
    parameters: {
      newDays: options.newDays,
      k1: options.silentMultiple,
      k2: options.atRiskMultiple,
      k3: options.churnedMultiple,
      maxDays: options.maxDays,
      fallbackIntervalDays: fallback,
    },
    cols,
    stage,
    daysSince,
    interval,
    own,
    multiple: multipleOf,
  };
}

function stagePositions(s: LifeState, stages: readonly LifecycleStageKey[]): number[] {
  const wanted = new Set(stages.map((k) => STAGE_KEYS.indexOf(k)));
  const out: number[] = [];
  for (let i = 0; i < s.cols.n; i++) if (wanted.has(s.stage[i]!)) out.push(i);
  return out;
}

/** The reason of each customer's stage, as the lists show it. */
function extraOf(s: LifeState) {
  return (i: number) => ({
    stage: s.stage[i]! >= 0 ? STAGE_KEYS[s.stage[i]!]! : null,
    daysSince: s.stage[i]! >= 0 ? s.daysSince[i]! : null,
    intervalDays: s.stage[i]! >= 0 ? round2(s.interval[i]!) : null,
    ownInterval: s.stage[i]! >= 0 ? s.own[i]! : null,
    multiple: s.stage[i]! >= 0 ? round2(s.multiple[i]!) : null,
  });
}

/** The churn-risk list: silent and at-risk customers, by revenue at stake unless asked otherwise. */
const RISK: LifecycleStageKey[] = ['silent', 'at_risk'];
const FIRST_PAGE: DrillPageOptions = { page: 1, pageSize: 20, sort: 'revenue', order: 'desc' };

async function cohortsOf(deps: Deps, q: LifecycleQuery, s: LifeState) {
  const scope = await scopeOf(deps, scopeOfFilters(q));
  const pm = await loadCohortPurchaseMonths(deps.store.db, scope, s.period.from, s.period.to);
  const months = pm.months.map((m) => monthNumber(m));
  return { pm, rows: cohortRetention({ offsets: pm.offsets, months }, monthNumber(s.period.to)) };
}

/**
 * The lifecycle view: each customer's stage (new, active, silent, at risk, churned) from its own
 * purchase rhythm on the period's last day, with counts and revenue per stage; the cohort
 * retention table of the customers whose first order is in the period; and the first page of
 * the churn-risk list (silent and at-risk customers by revenue, each with its reason). Needs
 * 'analytics.read'.
 */
export async function lifecycleView(deps: Deps, ctx: Ctx, input: unknown): Promise<LifecycleView> {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(lifecycleSchema, input, 'The lifecycle query is not valid');
  const s = await lifeState(deps, ctx, q);
  const stages: LifecycleStageRow[] = STAGE_KEYS.map((stage) => ({
    stage,
    customers: 0,
    share: 0,
    revenueMinor: 0,
  }));
  let customers = 0;
  for (let i = 0; i < s.cols.n; i++) {
    const k = s.stage[i]!;
    if (k < 0) continue;
    customers++;
    stages[k]!.customers++;
    stages[k]!.revenueMinor += s.cols.revenue[i]!;
  }
  for (const row of stages) row.share = customers ? row.customers / customers : 0;
  const { rows } = await cohortsOf(deps, q, s);
  return {
    period: s.period,
    asOf: dayText(s.asOfDay),
    parameters: s.parameters,
    customers,
    stages,
    cohorts: rows.map((r) => ({
      month: r.label,
      customers: r.customers,
      active: r.active,
      share: r.share,
    })),
    churnRisk: await drillPage(deps, s.cols, stagePositions(s, RISK), FIRST_PAGE, extraOf(s)),
  };
}

/** Positions of the customers a drill-down asks for: stages, or a cohort (in a later month). */
async function selected(deps: Deps, q: DrillQuery, s: LifeState): Promise<number[]> {
  if (q.stage !== undefined) return stagePositions(s, q.stage);
  const { pm } = await cohortsOf(deps, q, s);
  const cohort = monthNumber(q.cohort!);
  const target = cohort + (q.offset ?? 0);
  const out: number[] = [];
  // Both lists are in ascending customer id: one merge walk.
  let i = 0;
  for (let k = 0; k < pm.customerIds.length; k++) {
    const id = pm.customerIds[k]!;
    while (i < s.cols.n && s.cols.ids[i]! < id) i++;
    if (i >= s.cols.n || s.cols.ids[i] !== id) continue;
    const months = pm.months.slice(pm.offsets[k]!, pm.offsets[k + 1]!).map((m) => monthNumber(m));
    if (months[0] === cohort && months.includes(target)) out.push(i);
  }
  return out;
}

/**
 * The customers behind a stage (`stage=silent,at_risk` for the churn-risk list) or a cohort cell
 * (`cohort=2026-03&offset=2`: the March cohort's customers who ordered in May; no offset: the
 * whole cohort), as the shared drill-down page with {stage, daysSince, intervalDays,
 * ownInterval, multiple} per customer. Needs 'analytics.read'.
 */
export async function lifecycleCustomers(deps: Deps, ctx: Ctx, input: unknown): Promise<DrillPage> {
  requirePermission(ctx, 'analytics.read');
  const q = parseInput(drillSchema, input, 'The lifecycle drill-down is not valid');
  const s = await lifeState(deps, ctx, q);
  return drillPage(deps, s.cols, await selected(deps, q, s), q, extraOf(s));
}

const STAGE_LABELS: Record<Lang, Record<LifecycleStageKey, string>> = {
  'zh-CN': Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s.key, s.zh])) as Record<
    LifecycleStageKey,
    string
  >,
  en: Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s.key, s.en])) as Record<
    LifecycleStageKey,
    string
  >,
};

/**
 * The customers behind a stage or cohort cell as CSV or XLSX, with stage and reason columns.
 * Needs 'analytics.read' and 'customers.export'.
 */
export async function exportLifecycleCustomers(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  requirePermission(ctx, 'analytics.read');
  requirePermission(ctx, 'customers.export');
  const q = parseInput(drillSchema, input, 'The lifecycle drill-down is not valid');
  const s = await lifeState(deps, ctx, q);
  const extra = extraOf(s);
  const yes = lang === 'en' ? ['no', 'yes'] : ['否', '是'];
  return drillExport(deps, s.cols, await selected(deps, q, s), q, format, lang, {
    columns: [
      { key: 'stage', header: { 'zh-CN': '生命周期阶段', en: 'Stage' } },
      { key: 'daysSince', header: { 'zh-CN': '距最近下单天数', en: 'Days since last order' } },
      { key: 'intervalDays', header: { 'zh-CN': '下单间隔(天)', en: 'Interval (days)' } },
      { key: 'ownInterval', header: { 'zh-CN': '自身间隔', en: 'Own interval' } },
      { key: 'multiple', header: { 'zh-CN': '间隔倍数', en: 'Multiple of interval' } },
    ],
    values: (i) => {
      const e = extra(i);
      return {
        ...e,
        stage: e.stage === null ? null : STAGE_LABELS[lang][e.stage],
        ownInterval: e.ownInterval === null ? null : yes[e.ownInterval]!,
      };
    },
  });
}

export const LIFECYCLE_TABLES = ['stages', 'cohorts'] as const;
const tableSchema = z
  .enum(LIFECYCLE_TABLES, { error: `table must be one of ${LIFECYCLE_TABLES.join(', ')}` })
  .default('stages');

/**
 * One table of the lifecycle view as CSV or XLSX (`table=stages`: customers, share and revenue
 * per stage; `table=cohorts`: the retention table, shares in %, a column per month after the
 * first). Needs 'analytics.read'.
 */
export async function exportLifecycle(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  const { table, ...rest } = input as Record<string, unknown>;
  const which = parseInput(
    z.object({ table: tableSchema }),
    { table },
    'The lifecycle export is not valid',
  ).table;
  const v = await lifecycleView(deps, ctx, rest);
  const zh = lang === 'zh-CN';
  const pct = (x: number) => Math.round(x * 1000) / 10;
  async function* iterate<T>(rows: T[]) {
    yield* rows;
  }
  if (which === 'stages') {
    return writeTable(
      format,
      [
        {
          header: zh ? '阶段' : 'Stage',
          value: (r: LifecycleStageRow) => STAGE_LABELS[lang][r.stage],
        },
        { header: zh ? '客户数' : 'Customers', value: (r: LifecycleStageRow) => r.customers },
        { header: zh ? '占比%' : 'Share %', value: (r: LifecycleStageRow) => pct(r.share) },
        {
          header: zh ? '销售额' : 'Revenue',
          value: (r: LifecycleStageRow) => r.revenueMinor / 100,
        },
      ],
      iterate(v.stages),
      zh ? '生命周期' : 'Lifecycle',
    );
  }
  const width = v.cohorts.reduce((w, r) => Math.max(w, r.share.length), 0);
  return writeTable(
    format,
    [
      { header: zh ? '首购月' : 'First month', value: (r: LifecycleCohortRow) => r.month },
      { header: zh ? '客户数' : 'Customers', value: (r: LifecycleCohortRow) => r.customers },
      ...Array.from({ length: width }, (_, k) => ({
        header: zh ? `第${k}月%` : `Month ${k} %`,
        value: (r: LifecycleCohortRow) => (k < r.share.length ? pct(r.share[k]!) : null),
      })),
    ],
    iterate(v.cohorts),
    zh ? '留存' : 'Retention',
  );
}
