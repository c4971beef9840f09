import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });
const hours = z.array(z.tuple([z.string(), z.string()]));

/** A business calendar document (validated by the service; this documents the shape). */
export const calendarDocument = z
  .looseObject({
    id: z.string(),
    name: text,
    timeZone: z.string().meta({ example: 'Asia/Shanghai' }),
    weekHours: z.array(hours).meta({ description: '7 days, Sunday first; [["09:00","12:00"], …]' }),
    holidays: z.array(z.unknown()),
    workdays: z.array(z.unknown()),
    alwaysOpen: z.boolean(),
    coveredFrom: z.string().nullable(),
    coveredUntil: z.string().nullable(),
  })
  .meta({ id: 'BusinessCalendarDocument' });

export const calendarView = z
  .object({
    id: z.number().int(),
    key: z.string(),
    builtin: z.boolean(),
    version: z.number().int(),
    name: text,
    timeZone: z.string(),
    alwaysOpen: z.boolean(),
    coveredFrom: z.string().nullable(),
    coveredUntil: z.string().nullable(),
    holidayCount: z.number().int(),
    workdayCount: z.number().int(),
    document: calendarDocument,
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedBy: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BusinessCalendar' });

/** id (digits) or key. */
export const calendarParams = z.object({ id: z.string().min(1).max(64) });

export const createCalendarBody = z.object({
  key: z.string().meta({ example: 'cn-shenzhen-office' }),
  document: z.record(z.string(), z.unknown()),
});

export const updateCalendarBody = z.object({
  document: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});

export const importQuery = z.object({
  mode: z.enum(['merge', 'replace']).optional(),
  coverYears: z.enum(['true', 'false']).optional(),
  version: z.coerce.number().int().positive().optional(),
});

export const importBody = z.union([
  z.string().meta({ description: 'The .ics text (Content-Type: text/calendar)' }),
  z.object({
    ics: z.string(),
    mode: z.enum(['merge', 'replace']).optional(),
    coverYears: z.boolean().optional(),
    version: z.number().int().optional(),
  }),
]);

export const importResult = z.object({
  imported: z.object({
    mode: z.enum(['merge', 'replace']),
    holidays: z.number().int(),
    workdays: z.number().int(),
    years: z.array(z.string()),
  }),
  calendar: calendarView,
});

export const previewQuery = z.object({
  from: z.string().meta({ example: '2026-02-01' }),
  to: z.string().meta({ example: '2026-02-28' }),
});

export const previewResult = z.object({
  timeZone: z.string(),
  coveredFrom: z.string().nullable(),
  coveredUntil: z.string().nullable(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      kind: z.enum(['working', 'closed', 'holiday', 'workday', 'not_covered']),
      name: text.nullable(),
      hours,
    }),
  ),
});

export const computeBody = z.object({
  start: z.string().meta({ example: '2026-02-13T17:00' }),
  duration: z.object({
    amount: z.number(),
    unit: z.enum(['minutes', 'hours', 'working_days']),
  }),
});

export const computeResult = z.object({
  start: z.string(),
  startLocal: z.string(),
  due: z.string(),
  dueLocal: z.string(),
  timeZone: z.string(),
});
