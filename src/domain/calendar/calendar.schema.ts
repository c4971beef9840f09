import { z } from 'zod';
import { validationError } from '../errors';

/**
 * A business calendar: the hours a team works, in one IANA time zone, with the holidays and the
 * make-up working days (调休) it observes. SLA clocks count only the open time of a calendar.
 */

const text = z.strictObject({
  zh: z.string().trim().min(1, 'zh is required').max(200),
  en: z.string().trim().min(1, 'en is required').max(200),
});
export type CalendarText = z.infer<typeof text>;

const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
  }, 'is not a real calendar date');

/** 'HH:MM' from 00:00 to 24:00 ('24:00' closes an interval at midnight). */
const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM');

/** Minutes since local midnight of an 'HH:MM' clock text. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** One open interval of a day, [start, end) in local wall-clock time. */
const interval = z
  .tuple([clock, clock])
  .refine(([s, e]) => clockMinutes(s) < clockMinutes(e), 'start must be before end');

/** The open intervals of one day, in order and not overlapping (lunch is the gap between). */
export const dayHoursSchema = z
  .array(interval)
  .max(12)
  .superRefine((list, ctx) => {
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      if (clockMinutes(cur[0]) < clockMinutes(prev[1])) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `must start at or after ${prev[1]} (intervals in order, not overlapping)`,
        });
      }
    }
  });
export type DayHours = z.infer<typeof dayHoursSchema>;

/** A holiday: a bare date or a named one. Normalised to {date, name|null}. */
const holiday = z
  .union([dateText, z.strictObject({ date: dateText, name: text.nullish() })])
  .transform((h) =>
    typeof h === 'string' ? { date: h, name: null } : { date: h.date, name: h.name ?? null },
  );
export type CalendarHoliday = z.output<typeof holiday>;

/** A make-up working day (调休上班): a date that works although its weekday normally does not. */
const workday = z
  .union([
    dateText,
    z.strictObject({ date: dateText, name: text.nullish(), hours: dayHoursSchema.nullish() }),
  ])
  .transform((w) =>
    typeof w === 'string'
      ? { date: w, name: null, hours: null }
      : { date: w.date, name: w.name ?? null, hours: w.hours ?? null },
  );
export type CalendarWorkday = z.output<typeof workday>;

/** True when Intl knows the IANA zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export const businessCalendarSchema = z
  .strictObject({
    id: z
      .string()
      .trim()
      .regex(
        /^[a-z][a-z0-9_-]{0,63}$/,
        'must be lower-case letters, digits, _ or - (start with a letter)',
      ),
    name: text,
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
    /** Index 0 = Sunday … 6 = Saturday; an empty list = closed that weekday. */
    weekHours: z.array(dayHoursSchema).length(7, 'must list 7 weekdays, Sunday first'),
    holidays: z.array(holiday).max(5000).default([]),
    /** Make-up working days; hours default to the Monday hours. */
    workdays: z.array(workday).max(5000).default([]),
    /** Open every minute of every day (urgent levels); holidays, hours and coverage are ignored. */
    alwaysOpen: z.boolean().default(false),
    /**
     * The first and last dates the holiday list is known for. Outside them a computation fails
     * with CALENDAR_NOT_COVERED instead of guessing from weekdays; null = no limit that side.
     */
    coveredFrom: dateText.nullable().default(null),
    coveredUntil: dateText.nullable(),
  })
  .superRefine((cal, ctx) => {
    const seen = new Map<string, string>();
    const check = (list: { date: string }[], kind: 'holidays' | 'workdays') => {
      list.forEach((d, i) => {
        const other = seen.get(d.date);
        if (other) {
          ctx.addIssue({
            code: 'custom',
            path: [kind, i, 'date'],
            message: `${d.date} is listed twice (also in ${other})`,
          });
        }
        seen.set(d.date, `${kind}.${i}`);
        if (cal.coveredUntil && d.date > cal.coveredUntil) {
          ctx.addIssue({
            code: 'custom',
            path: [kind, i, 'date'],
            message: `${d.date} is after coveredUntil ${cal.coveredUntil}`,
          });
        }
        if (cal.coveredFrom && d.date < cal.coveredFrom) {
          ctx.addIssue({
            code: 'custom',
            path: [kind, i, 'date'],
            message: `${d.date} is before coveredFrom ${cal.coveredFrom}`,
          });
        }
      });
    };
    check(cal.holidays, 'holidays');
    check(cal.workdays, 'workdays');
    if (cal.coveredFrom && cal.coveredUntil && cal.coveredFrom > cal.coveredUntil) {
      ctx.addIssue({
        code: 'custom',
        path: ['coveredUntil'],
        message: 'must not be before coveredFrom',
      });
    }
  });

/** A validated calendar (holidays and workdays normalised to objects). */
export type BusinessCalendar = z.output<typeof businessCalendarSchema>;
/** What an editor or an import may hand in (bare dates allowed). */
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;

/** Validates a calendar; failures are one VALIDATION error naming every field (dotted path). */
export function parseBusinessCalendar(input: BusinessCalendarInput | unknown): BusinessCalendar {
  const r = businessCalendarSchema.safeParse(input);
  if (r.success) return r.data;
  throw validationError(
    'The business calendar is not valid',
    r.error.issues.map((i) => ({
      field: i.path.length ? i.path.join('.') : '(calendar)',
      message: i.message,
    })),
  );
}
