import { z } from 'zod';
import { DRILL_SORTS } from '../../app/analytics/drill';

/**
 * Filters every analytics route takes. Values are checked by the services (errors name the
 * field), so the route accepts text here and documents what is expected.
 */
export const analyticsFilterQuery = z.object({
  from: z
    .string()
    .optional()
    .describe('First month of the period, YYYY-MM (default: 11 months before to)'),
  to: z.string().optional().describe('Last month of the period, YYYY-MM (default: this month)'),
  region: z.string().optional(),
  industry: z.string().optional(),
  type: z.string().optional().describe('Customer segment (type)'),
  ownerId: z.string().optional().describe('Account owner (user id)'),
  schemeId: z
    .string()
    .optional()
    .describe('Scheme of the tier filter (default: the service-tier scheme)'),
  tier: z.string().optional().describe('Published tier in that scheme'),
});

/** Paging and order of a customer list behind a figure. */
export const drillQuery = z.object({
  page: z.string().optional(),
  pageSize: z.string().optional().describe('1–200 (default 20)'),
  sort: z
    .string()
    .optional()
    .describe(`One of ${DRILL_SORTS.join(', ')} (default revenue)`),
  order: z.string().optional().describe('asc or desc (default desc)'),
});

/** Language and format of an export. */
export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' }).default('xlsx'),
  lang: z.enum(['zh-CN', 'en'], { error: 'lang must be zh-CN or en' }).default('zh-CN'),
});

export const drillRow = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    industry: z.string().nullable(),
    type: z.string(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    revenueMinor: z.number().describe('Revenue in the period, minor units'),
    profitMinor: z.number().describe('Profit of the costed orders in the period, minor units'),
    orders: z.number(),
    lastOrderOn: z.string().nullable(),
    extra: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .describe('Figures of the view for this customer (segment, stage, score …)'),
  })
  .meta({ id: 'AnalyticsDrillRow' });

export const drillPageResponse = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    rows: z.array(drillRow),
  })
  .meta({ id: 'AnalyticsDrillPage' });

/** The period a view covered, as resolved from the filters. */
export const periodResponse = z
  .object({ from: z.string(), to: z.string(), months: z.number().int() })
  .meta({ id: 'AnalyticsPeriod' });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
