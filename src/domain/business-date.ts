/**
 * The calendar date (YYYY-MM-DD) of an instant in the business time zone. Why: dates such as an
 * override's expiry are business dates; at 01:00 in Shanghai the UTC date is still yesterday.
 */
export function businessDate(now: Date, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f.format(now);
}

// Building a formatter costs far more than formatting; "today" is asked on most requests.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The date `days` after a YYYY-MM-DD date (negative for before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
