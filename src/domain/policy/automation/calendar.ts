/** A calendar quarter: label such as `2026-Q4`, first and last day. */
export interface Quarter {
  label: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

/** The calendar quarter a `YYYY-MM-DD` date falls in. */
export function quarterOf(date: string): Quarter {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  return {
    label: `${y}-Q${q + 1}`,
    start: `${y}-${pad(q * 3 + 1)}-01`,
    end: `${y}-${LAST_DAY[q]}`,
  };
}

/** The quarter before the one `date` falls in. */
export function previousQuarter(date: string): Quarter {
  const { start } = quarterOf(date);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 1 ? quarterOf(`${y - 1}-10-01`) : quarterOf(`${y}-${pad(m - 3)}-01`);
}

/** Whole days from `earlier` to `later` (both `YYYY-MM-DD`). */
export function daysBetween(later: string, earlier: string): number {
  return Math.round(
    (Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 864e5,
  );
}

/** `YYYY-MM` of the month `n` months before the month of `date` (n = 0: that month). */
export function monthBefore(date: string, n: number): string {
  const idx = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - n;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
}

/** The date `months` calendar months before `date`, clamped to the month's last day. */
export function monthsBefore(date: string, months: number): string {
  const ym = monthBefore(date, months);
  const day = Number(date.slice(8, 10));
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ym}-${pad(Math.min(day, last))}`;
}
