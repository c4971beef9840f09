import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { CustomerColumns } from '../../store/analytics/customer-columns.repository';
import type { Deps } from '../deps';
import { type ExportColumn, type ExportFormat, writeTable } from '../export/table-writer';

export const DRILL_SORTS = ['revenue', 'profit', 'orders', 'lastOrderOn', 'code'] as const;
export type DrillSort = (typeof DRILL_SORTS)[number];

/** Paging and order of a customer list behind a figure. */
export const drillPageShape = {
  page: z.coerce
    .number({ error: 'page must be a number' })
    .int('page must be a whole number')
    .min(1, 'page must be at least 1')
    .default(1),
  pageSize: z.coerce
    .number({ error: 'pageSize must be a number' })
    .int('pageSize must be a whole number')
    .min(1, 'pageSize must be at least 1')
    .max(200, 'pageSize must be at most 200')
    .default(20),
  sort: z
    .enum(DRILL_SORTS, { error: `sort must be one of ${DRILL_SORTS.join(', ')}` })
    .default('revenue'),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).default('desc'),
};
export const drillPageSchema = z.object(drillPageShape);
export type DrillPageOptions = z.output<typeof drillPageSchema>;

/** Figures a view adds to each customer of its list (segment, stage, score …). */
export type DrillExtra = (i: number) => Record<string, string | number | null>;

/** One customer of a list behind a figure; money in minor units over the view's period. */
export interface DrillRow {
  id: number;
  code: string;
  name: string;
  region: string | null;
  industry: string | null;
  type: string;
  ownerId: number | null;
  ownerName: string | null;
  revenueMinor: number;
  profitMinor: number;
  orders: number;
  lastOrderOn: string | null;
  extra: Record<string, string | number | null>;
}

/** A page of customers behind a figure. */
export interface DrillPage {
  total: number;
  page: number;
  pageSize: number;
  rows: DrillRow[];
}

/** Positions `indices` of the columns sorted as asked, ties by customer code. */
export function sortedPositions(
  cols: CustomerColumns,
  indices: ArrayLike<number>,
  sort: DrillSort,
  order: 'asc' | 'desc',
): number[] {
  const list = Array.from(indices);
  const sign = order === 'asc' ? 1 : -1;
  const key: (i: number) => number | string =
    sort === 'code'
      ? (i) => cols.codes[i]!
      : sort === 'lastOrderOn'
        ? (i) => cols.lastOrderOn[i] ?? ''
        : (i) => cols[sort][i]!;
  list.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return cols.codes[a]! < cols.codes[b]! ? -1 : cols.codes[a]! > cols.codes[b]! ? 1 : 0;
  });
  return list;
}

async function ownerNames(deps: Deps, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await deps.store.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.display_name]));
}

function row(
  cols: CustomerColumns,
  i: number,
  owners: Map<number, string>,
  extra?: DrillExtra,
): DrillRow {
  const ownerId = cols.ownerId[i] ?? null;
  return {
    id: cols.ids[i]!,
    code: cols.codes[i]!,
    name: cols.names[i]!,
    region: cols.region[i] ?? null,
    industry: cols.industry[i] ?? null,
    type: cols.type[i]!,
    ownerId,
    ownerName: ownerId === null ? null : (owners.get(ownerId) ?? null),
    revenueMinor: cols.revenue[i]!,
    profitMinor: cols.profit[i]!,
    orders: cols.orders[i]!,
    lastOrderOn: cols.lastOrderOn[i] ?? null,
    extra: extra ? extra(i) : {},
  };
}

/**
 * One page of the customers at `indices` (positions in `cols`), sorted, with owner names. Every
 * figure of the analytics views drills down through this, so the lists look the same everywhere.
 */
export async function drillPage(
  deps: Deps,
  cols: CustomerColumns,
  indices: ArrayLike<number>,
  opts: DrillPageOptions,
  extra?: DrillExtra,
): Promise<DrillPage> {
  const sorted = sortedPositions(cols, indices, opts.sort, opts.order);
  const slice = sorted.slice((opts.page - 1) * opts.pageSize, opts.page * opts.pageSize);
  const owners = await ownerNames(
    deps,
    slice.map((i) => cols.ownerId[i] ?? null),
  );
  return {
    total: sorted.length,
    page: opts.page,
    pageSize: opts.pageSize,
    rows: slice.map((i) => row(cols, i, owners, extra)),
  };
}

export type Lang = 'zh-CN' | 'en';

const HEADERS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    code: '客户编码',
    name: '客户名称',
    region: '区域',
    industry: '行业',
    type: '类型',
    owner: '负责人',
    revenue: '销售额',
    profit: '毛利',
    orders: '订单数',
    lastOrderOn: '最近下单日',
  },
  en: {
    code: 'Code',
    name: 'Name',
    region: 'Region',
    industry: 'Industry',
    type: 'Type',
    owner: 'Owner',
    revenue: 'Revenue',
    profit: 'Profit',
    orders: 'Orders',
    lastOrderOn: 'Last order',
  },
};

/** An extra column of an export: its header in both languages and the key in `extra`. */
export interface DrillExtraColumn {
  key: string;
  header: Record<Lang, string>;
}

/**
 * The whole customer list behind a figure as CSV or XLSX (money in major units), sorted as the
 * page shows it, with the view's extra columns after the standard ones.
 */
export async function drillExport(
  deps: Deps,
  cols: CustomerColumns,
  indices: ArrayLike<number>,
  opts: Pick<DrillPageOptions, 'sort' | 'order'>,
  format: ExportFormat,
  lang: Lang,
  extra?: { columns: readonly DrillExtraColumn[]; values: DrillExtra },
): Promise<Readable> {
  const sorted = sortedPositions(cols, indices, opts.sort, opts.order);
  const owners = await ownerNames(deps, [...new Set(cols.ownerId)]);
  const h = HEADERS[lang];
  const columns: ExportColumn<DrillRow>[] = [
    { header: h.code!, value: (r) => r.code, width: 14 },
    { header: h.name!, value: (r) => r.name, width: 28 },
    { header: h.region!, value: (r) => r.region },
    { header: h.industry!, value: (r) => r.industry },
    { header: h.type!, value: (r) => r.type },
    { header: h.owner!, value: (r) => r.ownerName },
    { header: h.revenue!, value: (r) => r.revenueMinor / 100 },
    { header: h.profit!, value: (r) => r.profitMinor / 100 },
    { header: h.orders!, value: (r) => r.orders },
    { header: h.lastOrderOn!, value: (r) => r.lastOrderOn },
    ...(extra?.columns ?? []).map((c) => ({
      header: c.header[lang],
      value: (r: DrillRow) => r.extra[c.key] ?? null,
    })),
  ];
  async function* rows() {
    for (const i of sorted) yield row(cols, i, owners, extra?.values);
  }
  return writeTable(format, columns, rows(), 'customers');
}
