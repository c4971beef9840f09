import { z } from 'zod';

/** A calendar key: the stable handle in URLs, SLA policies and the CLI. */
export const calendarKey = z
  .string({ error: 'key is required' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'key must be lower-case letters, digits, _ or - (≤ 64)');

export const createCalendarInput = z.strictObject({
  key: calendarKey,
  /** A BusinessCalendar (checked by the domain schema; `id` defaults from the key). */
  document: z.record(z.string(), z.unknown(), { error: 'document must be a calendar object' }),
});

export const updateCalendarInput = z.strictObject({
  document: z.record(z.string(), z.unknown(), { error: 'document must be a calendar object' }),
  version: z.number({ error: 'version must be a number' }).int().positive(),
});

export const importCalendarInput = z.strictObject({
  ics: z.string({ error: 'ics must be the iCalendar text' }).min(1, 'ics is empty'),
  /**
   * merge: the file decides the holidays and make-up days of the years it has events in, other
   * years stay; replace: the file's days replace every holiday and make-up day.
   */
  mode: z.enum(['merge', 'replace'], { error: 'mode must be merge or replace' }).default('merge'),
  /**
   * Without X-TIERDESK-COVERED-FROM/UNTIL in the file, extend the coverage to the whole years
   * the file has events in (a file of 2027 holidays means "2027 is known"). False: leave it.
   */
  coverYears: z.boolean({ error: 'coverYears must be true or false' }).default(true),
  version: z.number({ error: 'version must be a number' }).int().positive().optional(),
});

const dateText = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const previewInput = z
  .strictObject({ from: dateText, to: dateText })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'to must not be before from' });

/** A start instant: ISO with an offset, or a local 'YYYY-MM-DDTHH:MM' read in the calendar's zone. */
export const startText = z
  .string({ error: 'start is required' })
  .regex(
    /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
    'start must be a date-time such as 2026-02-13T17:00 (calendar time) or 2026-02-13T09:00:00Z',
  );

export const computeInput = z
  .strictObject({
    start: startText,
    duration: z.strictObject({
      amount: z
        .number({ error: 'duration.amount must be a number' })
        .positive('duration.amount must be > 0')
        .max(100_000, 'duration.amount must be ≤ 100000'),
      unit: z.enum(['minutes', 'hours', 'working_days'], {
        error: 'duration.unit must be minutes, hours or working_days',
      }),
    }),
  })
  .refine((c) => c.duration.unit !== 'working_days' || Number.isInteger(c.duration.amount), {
    path: ['duration', 'amount'],
    message: 'working_days must be a whole number',
  });
