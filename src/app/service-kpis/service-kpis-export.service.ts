import type { Readable } from 'node:stream';
import type { KpiRow } from '../../domain/service-kpis';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type ExportColumn, writeTable } from '../export/table-writer';
import { serviceKpis } from './service-kpis.service';

type Lang = 'zh-CN' | 'en';

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
const pct = (v: number | null) => (v === null ? null : round(v * 100, 1));

/** Column headers in both languages; the order is the sheet's. */
const HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '分组',
    '工单数',
    '首次回复中位数(分钟,自然时间)',
    '首次回复P90(分钟)',
    '解决中位数(分钟,自然时间)',
    '解决P90(分钟)',
    'SLA达成率%',
    '解决率%',
    '重开率%',
    '投诉占比%',
    '平均满意度',
    '问卷数',
  ],
  en: [
    'Group',
    'Tickets',
    'First reply median (min, wall clock)',
    'First reply p90 (min)',
    'Resolution median (min, wall clock)',
    'Resolution p90 (min)',
    'SLA attainment %',
    'Resolution rate %',
    'Reopen rate %',
    'Complaint share %',
    'Average satisfaction',
    'Surveys',
  ],
};

const VALUES: ((r: KpiRow) => unknown)[] = [
  (r) => r.group,
  (r) => r.tickets,
  (r) => round(r.firstReplyMedianMinutes, 1),
  (r) => r.firstReplyP90Minutes,
  (r) => round(r.resolutionMedianMinutes, 1),
  (r) => r.resolutionP90Minutes,
  (r) => pct(r.slaAttainment),
  (r) => pct(r.resolutionRate),
  (r) => pct(r.reopenRate),
  (r) => pct(r.complaintShare),
  (r) => round(r.satisfaction, 2),
  (r) => r.surveys,
];

/**
 * The KPI table as an XLSX workbook: the same query as the screen, one row per group and a
 * total row, headers in the asked language. Permission and validation as `serviceKpis`.
 */
export async function exportServiceKpis(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  lang: Lang = 'zh-CN',
): Promise<Readable> {
  const kpis = await serviceKpis(deps, ctx, input);
  const columns: ExportColumn<KpiRow>[] = HEADERS[lang].map((header, i) => ({
    header,
    value: VALUES[i] as (r: KpiRow) => unknown,
    width: i === 0 ? 20 : 14,
  }));
  const rows = kpis.total
    ? [...kpis.rows, { ...kpis.total, group: lang === 'en' ? 'Total' : '合计' }]
    : kpis.rows;
  async function* iterate() {
    yield* rows;
  }
  return writeTable('xlsx', columns, iterate(), `KPI ${kpis.from}..${kpis.to}`);
}
