import type { Readable } from 'node:stream';
import {
  iteratePredictions,
  type PredictionRow,
} from '../../store/analytics/clv-predictions.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type ExportColumn, type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { clvCustomersQuery, exportModel, predictionFilter } from './clv-read.service';

type Lang = 'zh-CN' | 'en';

/** The filters of an export: those of the list, without paging. */
export const clvExportQuery = clvCustomersQuery.omit({ page: true, pageSize: true });

const money = (minor: number | null) => (minor === null ? null : minor / 100);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '客户编码',
    '客户名称',
    '区域',
    '行业',
    '重复购买天数(x)',
    '最近购买(t_x)',
    '观察期(T)',
    '平均复购金额',
    '存活概率P(alive)',
    '预期购买次数',
    '预期每次消费',
    '客户终身价值CLV',
  ],
  en: [
    'Code',
    'Name',
    'Region',
    'Industry',
    'Repeat purchase days (x)',
    'Recency (t_x)',
    'Age (T)',
    'Mean repeat spend',
    'P(alive)',
    'Expected purchases',
    'Expected spend per purchase',
    'CLV',
  ],
};

const VALUES: ((r: PredictionRow) => unknown)[] = [
  (r) => r.code,
  (r) => r.name,
  (r) => r.region,
  (r) => r.industry,
  (r) => r.x,
  (r) => round(r.tX, 2),
  (r) => round(r.T, 2),
  (r) => money(r.monetaryMinor),
  (r) => round(r.pAlive, 4),
  (r) => round(r.expectedPurchases, 3),
  (r) => money(r.expectedSpendMinor),
  (r) => money(r.clvMinor),
];

/**
 * Streams the predictions a list filter selects (all pages, list order) as CSV or XLSX, money in
 * yuan, headers in the asked language. Carries customer names, so it needs customers.export as
 * well as analytics.read; audited.
 */
export async function exportClvCustomers(
  deps: Deps,
  ctx: Ctx,
  format: ExportFormat,
  raw: unknown,
  lang: Lang = 'zh-CN',
): Promise<Readable> {
  requirePermission(ctx, 'analytics.read');
  requirePermission(ctx, 'customers.export');
  const q = parseInput(clvExportQuery, raw ?? {}, 'Invalid lifetime-value export');
  const m = await exportModel(deps, q.modelId);
  const f = predictionFilter(ctx, m, q);
  const columns: ExportColumn<PredictionRow>[] = HEADERS[lang].map((header, i) => ({
    header,
    value: VALUES[i] as (r: PredictionRow) => unknown,
    width: i === 1 ? 36 : 14,
  }));
  await writeAudit(deps.store.db, ctx, {
    action: 'clv.export',
    entity: 'clv_model',
    entityId: m.id,
    after: { format, filter: f },
  });
  return writeTable(format, columns, iteratePredictions(deps.store.db, f), `CLV ${m.asOf}`);
}
