import { z } from 'zod';

const label = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'ReportLabel' });
const valueKind = z.enum(['text', 'count', 'money', 'percent', 'change', 'number', 'date', 'auto']);
const cell = z.union([z.string(), z.number(), z.null(), label]);
const days = z
  .object({
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
  })
  .meta({ id: 'ReportDays' });

const reportTable = z
  .object({
    key: z.string(),
    title: label,
    columns: z.array(z.object({ key: z.string(), label, kind: valueKind })),
    rows: z
      .array(z.record(z.string(), cell))
      .describe(
        "Cells by column key; an 'auto' column takes the kind named in the row's kind cell",
      ),
  })
  .meta({ id: 'ReportTable' });

const reportSection = z
  .object({
    key: z.string(),
    title: label,
    note: label.optional(),
    figures: z.array(
      z.object({
        key: z.string(),
        label,
        kind: valueKind,
        value: z.number().nullable(),
        previous: z.number().nullable().optional(),
        change: z.number().nullable().optional(),
      }),
    ),
    tables: z.array(reportTable),
    charts: z.array(
      z.object({
        kind: z.enum(['bar', 'pie']),
        title: label,
        table: z.string(),
        label: z.string(),
        values: z.array(z.string()),
      }),
    ),
    unavailable: label.optional().describe('Why the section has nothing to show'),
  })
  .meta({ id: 'ReportSection' });

/** The stored figures of a report: money in minor units, shares and changes as fractions. */
export const reportContent = z
  .object({
    version: z.literal(1),
    title: label,
    cadence: z.enum(['weekly', 'monthly', 'adhoc']),
    generatedAt: z.string(),
    asOf: z.string(),
    days,
    monthToDate: days.nullable(),
    window: z.object({ from: z.string(), to: z.string(), months: z.number().int() }),
    filters: z.record(z.string(), z.unknown()),
    scopeText: label.nullable(),
    sections: z.array(reportSection),
  })
  .meta({ id: 'ReportContent' });

const recipients = z
  .object({ userIds: z.array(z.number().int()), emails: z.array(z.string()) })
  .meta({ id: 'ReportRecipients' });

export const reportSummary = z
  .object({
    id: z.number().int(),
    scheduleId: z.number().int().nullable(),
    jobId: z.number().int().nullable(),
    cadence: z.enum(['weekly', 'monthly', 'adhoc']),
    title: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    filters: z.record(z.string(), z.unknown()),
    lang: z.enum(['zh-CN', 'en']),
    recipients,
    delivery: z.object({
      notifiedUserIds: z.array(z.number().int()),
      emailed: z.array(z.string()),
      emailEnabled: z.boolean(),
    }),
    createdBy: z.number().int().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReportSummary' });

export const report = reportSummary.extend({ content: reportContent }).meta({ id: 'Report' });

export const reportPage = z.object({
  items: z.array(reportSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const listReportsQuery = z.object({
  cadence: z.string().optional().describe('weekly, monthly or adhoc'),
  scheduleId: z.string().optional().describe('Only the reports of one schedule'),
  page: z.string().optional(),
  pageSize: z.string().optional().describe('1–100 (default 20)'),
});

export const exportReportQuery = z.object({
  lang: z
    .enum(['zh-CN', 'en'], { error: 'lang must be zh-CN or en' })
    .optional()
    .describe("Language of the workbook (default: the report's)"),
});

const filtersBody = z
  .record(z.string(), z.unknown())
  .describe(
    'Analytics filters: region, industry, type, ownerId, schemeId, tier; from/to (YYYY-MM) for adhoc only',
  );
const recipientsBody = z
  .object({
    userIds: z.array(z.number()).optional(),
    emails: z
      .array(z.string())
      .optional()
      .meta({ example: ['director@example.com'] }),
  })
  .describe('Users (inbox, and e-mail to their address) and plain e-mail addresses');

/** Validation happens in the service (one error listing every field); this documents the shape. */
export const generateReportBody = z.object({
  cadence: z
    .string()
    .optional()
    .describe(
      'weekly (last full week), monthly (last full month) or adhoc (default; the months in filters)',
    ),
  filters: filtersBody.optional(),
  recipients: recipientsBody.optional(),
  lang: z.string().optional().describe('zh-CN (default) or en'),
});

/** The payload of a report schedule (job kind analytics.report). */
const reportSchedulePayloadBody = z
  .object({
    cadence: z.string().optional().describe('weekly (default) or monthly'),
    filters: filtersBody.optional(),
    recipients: recipientsBody.optional(),
    lang: z.string().optional().describe('zh-CN (default) or en'),
  })
  .meta({ id: 'ReportSchedulePayload' });

export const reportSchedule = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.string(),
    cron: z.string(),
    timezone: z.string(),
    payload: z.record(z.string(), z.unknown()),
    enabled: z.boolean(),
    nextRunAt: z.string().nullable(),
    lastRunAt: z.string().nullable(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReportSchedule' });

export const createReportScheduleBody = z.object({
  name: z.string(),
  cron: z.string().meta({ example: '0 8 * * 1' }),
  timezone: z.string().optional().meta({ example: 'Asia/Shanghai' }),
  payload: reportSchedulePayloadBody,
  enabled: z.boolean().optional(),
});

export const updateReportScheduleBody = z.object({
  name: z.string().optional(),
  cron: z.string().optional(),
  timezone: z.string().optional(),
  payload: reportSchedulePayloadBody.optional(),
  enabled: z.boolean().optional(),
});

export const recipientUsers = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      displayName: z.string(),
      username: z.string(),
      hasEmail: z.boolean(),
    }),
  ),
});
