import type { MetricWindow } from '../scheme/window.schema';

/** A window resolved against an as-of date: whole months, inclusive, as 'YYYY-MM'. */
export interface MonthRange {
  fromMonth: string;
  toMonth: string;
  /** Number of months in the range (for rates per month or per quarter). */
  months: number;
}

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

function shift(y: number, m: number, by: number): [number, number] {
  const t = y * 12 + (m - 1) + by;
  return [Math.floor(t / 12), (t % 12) + 1];
}

/**
 * Resolves a metric window at an as-of date (YYYY-MM-DD) to whole months. Rollups are monthly,
 * so windows are month-aligned: "last 12 months" at 2026-12-31 is 2026-01..2026-12, and at
 * 2026-12-15 too (the as-of month counts as a whole month). `all_time` starts at 1900-01.
 */
export function resolveWindow(window: MetricWindow, asOf: string): MonthRange {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const range = (from: [number, number], to: [number, number]): MonthRange => ({
    fromMonth: ym(...from),
    toMonth: ym(...to),
    months: (to[0] - from[0]) * 12 + (to[1] - from[1]) + 1,
  });
  switch (window.kind) {
    case 'last_n_months':
      return range(shift(y, m, -(window.months - 1)), [y, m]);
    case 'calendar_year': {
      const year = y + (window.offset ?? 0);
      // The current year runs up to the as-of month; a past year is whole.
      return range([year, 1], window.offset ? [year, 12] : [y, m]);
    }
    case 'fiscal_year': {
      const start = window.startMonth;
      const startYear = (m >= start ? y : y - 1) + (window.offset ?? 0);
      const end = shift(startYear, start, 11);
      return range([startYear, start], window.offset ? end : [y, m]);
    }
    case 'year_to_date':
      return range([y, 1], [y, m]);
    case 'all_time':
      return range([1900, 1], [y, m]);
  }
}

/** The range of the same length right before `r` (for growth against the previous window). */
export function previousRange(r: MonthRange): MonthRange {
  const [fy, fm] = [Number(r.fromMonth.slice(0, 4)), Number(r.fromMonth.slice(5, 7))];
  const to = shift(fy, fm, -1);
  const from = shift(fy, fm, -r.months);
  return { fromMonth: ym(...from), toMonth: ym(...to), months: r.months };
}
