import type { Readable } from 'node:stream';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { ExportColumn, ExportFormat } from '../export/table-writer';
import type { Lang } from './drill';
import { writeFigureTable } from './figure-table';
import { type RfmView, rfmView } from './rfm.service';

/** One line of the RFM figure table: a segment or an R×F grid cell. */
interface FigureRow {
  section: 'segment' | 'grid';
  key: string;
  name: string;
  action: string | null;
  customers: number;
  share: number;
  revenueMinor: number;
  revenueShare: number | null;
  avgR: number | null;
  avgF: number | null;
  avgM: number | null;
  avgRecencyDays: number | null;
  avgOrders: number | null;
}

const HEADERS: Record<Lang, { segment: string; grid: string; columns: string[] }> = {
  'zh-CN': {
    segment: '分群',
    grid: 'R×F网格',
    columns: [
      '部分',
      '键',
      '名称',
      '建议动作',
      '客户数',
      '客户占比%',
      '销售额',
      '销售额占比%',
      '平均R分',
      '平均F分',
      '平均M分',
      '平均距最近下单天数',
      '平均订单数',
    ],
  },
  en: {
    segment: 'Segment',
    grid: 'R×F grid',
    columns: [
      'Section',
      'Key',
      'Name',
      'Suggested action',
      'Customers',
      'Customer share %',
      'Revenue',
      'Revenue share %',
      'Average R',
      'Average F',
      'Average M',
      'Average days since last order',
      'Average orders',
    ],
  },
};

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
const percent = (v: number | null) => round(v === null ? null : v * 100, 2);

/** The rows of the figure table: the eight segments (best first), then the 25 grid cells. */
export function rfmFigureRows(view: RfmView, lang: Lang): FigureRow[] {
  const n = view.totals.customers;
  const rows: FigureRow[] = view.segments.map((s) => ({
    section: 'segment',
    key: s.key,
    name: lang === 'en' ? s.en : s.zh,
    action: lang === 'en' ? s.action.en : s.action.zh,
    customers: s.customers,
    share: s.share,
    revenueMinor: s.revenueMinor,
    revenueShare: s.revenueShare,
    avgR: s.avgR,
    avgF: s.avgF,
    avgM: s.avgM,
    avgRecencyDays: s.avgRecencyDays,
    avgOrders: s.avgOrders,
  }));
  for (const c of view.grid) {
    rows.push({
      section: 'grid',
      key: `R${c.r}F${c.f}`,
      name: `R=${c.r} F=${c.f}`,
      action: null,
      customers: c.customers,
      share: n ? c.customers / n : 0,
      revenueMinor: c.revenueMinor,
      revenueShare: view.totals.revenueMinor > 0 ? c.revenueMinor / view.totals.revenueMinor : 0,
      avgR: null,
      avgF: null,
      avgM: null,
      avgRecencyDays: null,
      avgOrders: null,
    });
  }
  return rows;
}

/**
 * The RFM figures as one CSV or XLSX table: each segment with its name and suggested action in
 * the asked language, then the R×F grid cells. Money in major units, shares in percent. Same
 * query and checks as `rfmView`.
 */
export async function exportRfmView(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  const view = await rfmView(deps, ctx, input);
  const h = HEADERS[lang];
  const c = h.columns;
  const columns: ExportColumn<FigureRow>[] = [
    { header: c[0]!, value: (r) => h[r.section], width: 12 },
    { header: c[1]!, value: (r) => r.key, width: 18 },
    { header: c[2]!, value: (r) => r.name, width: 22 },
    { header: c[3]!, value: (r) => r.action, width: 40 },
    { header: c[4]!, value: (r) => r.customers },
    { header: c[5]!, value: (r) => percent(r.share) },
    { header: c[6]!, value: (r) => r.revenueMinor / 100 },
    { header: c[7]!, value: (r) => percent(r.revenueShare) },
    { header: c[8]!, value: (r) => round(r.avgR, 2) },
    { header: c[9]!, value: (r) => round(r.avgF, 2) },
    { header: c[10]!, value: (r) => round(r.avgM, 2) },
    { header: c[11]!, value: (r) => round(r.avgRecencyDays, 1) },
    { header: c[12]!, value: (r) => round(r.avgOrders, 2) },
  ];
  return writeFigureTable(format, columns, rfmFigureRows(view, lang), `RFM ${view.asOf}`);
}
