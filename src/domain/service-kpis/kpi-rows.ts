import { median, percentile } from './percentile';

export const KPI_GROUP_BY = ['tier', 'level', 'category', 'team', 'month'] as const;
export type KpiGroupBy = (typeof KPI_GROUP_BY)[number];

/** One ticket as the KPIs need it, already reduced to its group key. */
export interface KpiTicket {
  group: string;
  customerId: number;
  /** Wall-clock minutes from opening to the first reply; null while unanswered. */
  firstReplyMinutes: number | null;
  /** Wall-clock minutes from opening to resolution; null while unresolved. */
  resolutionMinutes: number | null;
  resolved: boolean;
  reopened: boolean;
  complaint: boolean;
  /** From the ticket's SLA clock row: 1 met, 0 missed, null not decided or no clock row. */
  firstReplyMet: number | null;
  resolutionMet: number | null;
}

/** One answered survey, keyed like the tickets (month groups match the answer's month). */
export interface KpiSurvey {
  customerId: number;
  score: number;
  /** Only for month grouping: the answer's month; otherwise null. */
  month: string | null;
}

/** One row of the KPI table. Rates are fractions 0–1 (null when nothing to divide by). */
export interface KpiRow {
  group: string;
  tickets: number;
  firstReplyMedianMinutes: number | null;
  firstReplyP90Minutes: number | null;
  resolutionMedianMinutes: number | null;
  resolutionP90Minutes: number | null;
  /** Decided SLA targets met / decided SLA targets (first reply and resolution together). */
  slaAttainment: number | null;
  slaDecided: number;
  resolutionRate: number | null;
  reopenRate: number | null;
  complaintShare: number | null;
  satisfaction: number | null;
  surveys: number;
}

const rate = (num: number, den: number) => (den === 0 ? null : num / den);

/**
 * Groups tickets and computes each group's KPIs. Satisfaction is the mean score of the surveys
 * answered in the period by the customers who have tickets in the group (for month groups: by
 * those customers in that month). Rows are sorted by group key.
 */
export function kpiRows(
  tickets: readonly KpiTicket[],
  surveys: readonly KpiSurvey[],
  byMonth: boolean,
): KpiRow[] {
  const groups = new Map<string, KpiTicket[]>();
  for (const t of tickets) {
    const list = groups.get(t.group);
    if (list) list.push(t);
    else groups.set(t.group, [t]);
  }
  const rows: KpiRow[] = [];
  for (const [group, list] of groups) {
    const firsts = nums(list.map((t) => t.firstReplyMinutes));
    const resolutions = nums(list.map((t) => t.resolutionMinutes));
    let met = 0;
    let decided = 0;
    for (const t of list) {
      for (const flag of [t.firstReplyMet, t.resolutionMet]) {
        if (flag === null) continue;
        decided++;
        if (flag === 1) met++;
      }
    }
    const customers = new Set(list.map((t) => t.customerId));
    const scores = surveys.filter(
      (s) => customers.has(s.customerId) && (!byMonth || s.month === group),
    );
    rows.push({
      group,
      tickets: list.length,
      firstReplyMedianMinutes: median(firsts),
      firstReplyP90Minutes: percentile(firsts, 90),
      resolutionMedianMinutes: median(resolutions),
      resolutionP90Minutes: percentile(resolutions, 90),
      slaAttainment: rate(met, decided),
      slaDecided: decided,
      resolutionRate: rate(list.filter((t) => t.resolved).length, list.length),
      reopenRate: rate(list.filter((t) => t.reopened).length, list.length),
      complaintShare: rate(list.filter((t) => t.complaint).length, list.length),
      satisfaction: scores.length ? scores.reduce((s, x) => s + x.score, 0) / scores.length : null,
      surveys: scores.length,
    });
  }
  return rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

function nums(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null).sort((a, b) => a - b);
}
