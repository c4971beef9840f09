import { z } from 'zod';
import { KPI_GROUP_BY } from '../../domain/service-kpis';

/**
 * Query of the KPI routes. Values are checked by the service (errors name the field), so the
 * route accepts any text here and documents what is expected.
 */
export const kpiQuery = z.object({
  from: z.string().optional().describe('First business date of the period, YYYY-MM-DD'),
  to: z.string().optional().describe('Last business date of the period, YYYY-MM-DD'),
  groupBy: z
    .string()
    .optional()
    .describe(`One of ${KPI_GROUP_BY.join(', ')} (default tier)`),
});

export const kpiExportQuery = kpiQuery.extend({
  lang: z.enum(['zh-CN', 'en'], { error: 'lang must be zh-CN or en' }).default('zh-CN'),
});

const rate = z.number().nullable().describe('Fraction 0–1; null when nothing to divide by');

export const kpiRow = z
  .object({
    group: z.string(),
    tickets: z.number().int(),
    firstReplyMedianMinutes: z.number().nullable().describe('Wall-clock minutes'),
    firstReplyP90Minutes: z.number().nullable(),
    resolutionMedianMinutes: z.number().nullable().describe('Wall-clock minutes'),
    resolutionP90Minutes: z.number().nullable(),
    slaAttainment: rate,
    slaDecided: z.number().int(),
    resolutionRate: rate,
    reopenRate: rate,
    complaintShare: rate,
    satisfaction: z.number().nullable(),
    surveys: z.number().int(),
  })
  .meta({ id: 'ServiceKpiRow' });

export const kpiResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(KPI_GROUP_BY),
    rows: z.array(kpiRow),
    total: kpiRow.nullable(),
  })
  .meta({ id: 'ServiceKpis' });
