import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import { addMonths, monthEnd, type Period, resolvePeriod } from '../../domain/analytics/period';
import { addDays } from '../../domain/business-date';
import type { ReportCadence } from '../../store/analytics/reports.repository';
import { type Label, label, type ReportDays } from './report-content';

/** What a report covers. */
export interface ReportPeriod {
  cadence: ReportCadence;
  /** The days of the headline figures and those compared with. */
  days: ReportDays;
  /** Weekly: the month so far (its 1st to the week's Sunday) against the same days a month before. */
  monthToDate: ReportDays | null;
  /** The months the analysis sections cover (twelve months to the report's month). */
  window: Period;
  title: Label;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
function isoWeekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

const firstOf = (month: string) => `${month}-01`;

/** The same days one month earlier, cut at that month's end (31 March → the last of February). */
function monthBefore(from: string, to: string): { previousFrom: string; previousTo: string } {
  const prev = addMonths(from.slice(0, 7), -1);
  const end = monthEnd(prev);
  const day = `${prev}-${to.slice(8, 10)}`;
  return { previousFrom: firstOf(prev), previousTo: day > end ? end : day };
}

/** Twelve months ending with `month`. */
const yearTo = (month: string): Period => resolvePeriod({ to: month }, month);

/**
 * The period of a report made on `today` (a business date):
 * - weekly: the last full week, Monday to Sunday, before the week of `today`, against the week
 *   before it; plus the month so far (the 1st of the Sunday's month to that Sunday) against the
 *   same days of the month before. The analysis window is the twelve months to the Sunday's month.
 * - monthly: the last full month before `today`'s month against the month before it; the window
 *   is the twelve months to that month.
 * - adhoc: the months asked (`from`/`to`, default the twelve months to this month) against the
 *   same number of months before; the window is those months.
 * Pure: no clock, `today` is an argument.
 */
export function reportPeriod(
  cadence: ReportCadence,
  today: string,
  months: { from?: string | undefined; to?: string | undefined } = {},
): ReportPeriod {
  if (cadence === 'weekly') {
    const monday = addDays(today, 1 - isoWeekday(today));
    const from = addDays(monday, -7);
    const to = addDays(monday, -1);
    const mtdFrom = firstOf(to.slice(0, 7));
    return {
      cadence,
      days: { from, to, previousFrom: addDays(from, -7), previousTo: addDays(from, -1) },
      monthToDate: { from: mtdFrom, to, ...monthBefore(mtdFrom, to) },
      window: yearTo(to.slice(0, 7)),
      title: label(`周报 ${from} 至 ${to}`, `Weekly report ${from} – ${to}`),
    };
  }
  if (cadence === 'monthly') {
    const month = addMonths(today.slice(0, 7), -1);
    const prev = addMonths(month, -1);
    return {
      cadence,
      days: {
        from: firstOf(month),
        to: monthEnd(month),
        previousFrom: firstOf(prev),
        previousTo: monthEnd(prev),
      },
      monthToDate: null,
      window: yearTo(month),
      title: label(`月报 ${month}`, `Monthly report ${month}`),
    };
  }
  const window = resolvePeriod(months, today.slice(0, 7));
  const before = addMonths(window.from, -window.months);
  const span = window.months === 1 ? window.from : `${window.from} 至 ${window.to}`;
  const spanEn = window.months === 1 ? window.from : `${window.from} – ${window.to}`;
  return {
    cadence,
    days: {
      from: firstOf(window.from),
      to: monthEnd(window.to),
      previousFrom: firstOf(before),
      previousTo: monthEnd(addMonths(window.from, -1)),
    },
    monthToDate: null,
    window,
    title: label(`分析报告 ${span}`, `Analytics report ${spanEn}`),
  };
}
