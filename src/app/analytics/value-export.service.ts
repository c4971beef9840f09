import type { Readable } from 'node:stream';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { ExportColumn, ExportFormat } from '../export/table-writer';
import type { Lang } from './drill';
import { writeFigureTable } from './figure-table';
import { type ValueView, valueView } from './value.service';

/** One line of the value figure table; shares are fractions, money in minor units. */
interface FigureRow {
  section: 'summary' | 'pyramid' | 'top' | 'lorenz';
  item: string;
  customers: number | null;
  customerShare: number | null;
  valueMinor: number | null;
  valueShare: number | null;
  minValueMinor: number | null;
  /** A figure that is neither money nor a share (the Gini coefficient). */
  figure?: number;
}

const TEXT: Record<
  Lang,
  Record<FigureRow['section'] | 'total' | 'gini' | 'losses' | 'lorenzPoint', string> & {
    top: string;
    columns: string[];
    metric: Record<ValueView['metric'], string>;
  }
> = {
  'zh-CN': {
    summary: '汇总',
    pyramid: '价值金字塔',
    top: '前x%客户',
    lorenz: '洛伦兹曲线',
    total: '合计',
    gini: '基尼系数',
    losses: '亏损客户',
    lorenzPoint: '点',
    columns: ['部分', '项目', '客户数', '客户占比%', '数值', '价值占比%', '层级最小值'],
    metric: { revenue: '销售额', profit: '毛利' },
  },
  en: {
    summary: 'Summary',
    pyramid: 'Value pyramid',
    top: 'Top x% of customers',
    lorenz: 'Lorenz curve',
    total: 'Total',
    gini: 'Gini coefficient',
    losses: 'Loss-making customers',
    lorenzPoint: 'Point',
    columns: [
      'Section',
      'Item',
      'Customers',
      'Customer share %',
      'Value',
      'Value share %',
      'Smallest value in level',
    ],
    metric: { revenue: 'Revenue', profit: 'Profit' },
  },
};

const percent = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 100);
const major = (v: number | null) => (v === null ? null : v / 100);

/** The rows of the figure table: summary, pyramid, top shares, then the Lorenz points. */
export function valueFigureRows(view: ValueView, lang: Lang): FigureRow[] {
  const t = TEXT[lang];
  const net = view.metric === 'revenue' ? view.totals.revenueMinor : view.totals.profitMinor;
  const rows: FigureRow[] = [
    {
      section: 'summary',
      item: `${t.total} (${t.metric[view.metric]})`,
      customers: view.totals.customers,
      customerShare: view.totals.customers ? 1 : 0,
      valueMinor: net,
      valueShare: view.totals.positiveMinor > 0 ? 1 : 0,
      minValueMinor: null,
    },
    {
      section: 'summary',
      item: t.gini,
      customers: null,
      customerShare: null,
      valueMinor: null,
      valueShare: null,
      minValueMinor: null,
      figure: view.gini,
    },
    {
      section: 'summary',
      item: t.losses,
      customers: view.losses.customers,
      customerShare: view.totals.customers ? view.losses.customers / view.totals.customers : 0,
      valueMinor: view.losses.valueMinor,
      valueShare: null,
      minValueMinor: null,
    },
  ];
  for (const l of view.pyramid) {
    rows.push({
      section: 'pyramid',
      item: lang === 'en' ? l.en : l.zh,
      customers: l.customers,
      customerShare: l.customerShare,
      valueMinor: l.valueMinor,
      valueShare: l.valueShare,
      minValueMinor: l.minValueMinor,
    });
  }
  for (const s of view.topShares) {
    const pct = Math.round(s.customerFraction * 1000) / 10;
    rows.push({
      section: 'top',
      item: lang === 'en' ? `Top ${pct}%` : `前${pct}%`,
      customers: s.customers,
      customerShare: view.totals.customers ? s.customers / view.totals.customers : 0,
      valueMinor: s.valueMinor,
      valueShare: s.valueShare,
      minValueMinor: null,
    });
  }
  view.lorenz.forEach((p, j) => {
    rows.push({
      section: 'lorenz',
      item: `${t.lorenzPoint} ${j}`,
      customers: null,
      customerShare: p.customerShare,
      valueMinor: null,
      valueShare: p.valueShare,
      minValueMinor: null,
    });
  });
  return rows;
}

/**
 * The value figures as one CSV or XLSX table: a summary (total, Gini — in the value column —
 * and the loss-makers), the pyramid levels, the top-x% shares and the Lorenz points, each row
 * labelled with its section. Money in major units, shares in percent. Same query and checks as
 * `valueView`.
 */
export async function exportValueView(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  const view = await valueView(deps, ctx, input);
  const t = TEXT[lang];
  const h = t.columns;
  const columns: ExportColumn<FigureRow>[] = [
    { header: h[0]!, value: (r) => t[r.section], width: 18 },
    { header: h[1]!, value: (r) => r.item, width: 24 },
    { header: h[2]!, value: (r) => r.customers },
    { header: h[3]!, value: (r) => percent(r.customerShare) },
    {
      header: h[4]!,
      value: (r) =>
        r.figure !== undefined ? Math.round(r.figure * 10_000) / 10_000 : major(r.valueMinor),
    },
    { header: h[5]!, value: (r) => percent(r.valueShare) },
    { header: h[6]!, value: (r) => major(r.minValueMinor) },
  ];
  return writeFigureTable(
    format,
    columns,
    valueFigureRows(view, lang),
    `${t.metric[view.metric]} ${view.period.from}..${view.period.to}`,
  );
}
