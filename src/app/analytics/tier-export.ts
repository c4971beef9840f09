import type { Readable } from 'node:stream';
import type { Move } from '../../domain/analytics/tier-migration';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { ExportColumn, ExportFormat } from '../export/table-writer';
import type { Lang } from './drill';
import { writeFigureTable } from './figure-table';
import { type TierDistributionView, tierDistributionFigure } from './tier-distribution.service';
import { NONE, type TierMigrationView, tierMigrationFigure } from './tier-migration.service';
import { MOVE_NAMES, NO_TIER } from './tier-move-names';
import type { TierName } from './tier-scheme';

const money = (minor: number) => minor / 100;
const pct = (share: number) => Math.round(share * 1000) / 10;

function tierName(tiers: readonly TierName[], id: string, lang: Lang): string {
  if (id === NONE) return NO_TIER[lang];
  const t = tiers.find((x) => x.id === id);
  return t ? (lang === 'en' ? t.nameEn : t.nameZh) : id;
}

interface CellRow {
  from: string;
  to: string;
  move: Move;
  customers: number;
  revenue: number;
  revenueBefore: number;
}

/**
 * A migration figure as CSV or XLSX: one row a (before, after) cell with customers, revenue in
 * both periods and the change (major units), the same query and checks as the figure.
 */
export async function exportTierMigration(
  deps: Deps,
  ctx: Ctx,
  raw: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  const f: TierMigrationView = await tierMigrationFigure(deps, ctx, raw);
  const k = f.labels.length - 1;
  const rows: CellRow[] = [];
  f.labels.forEach((from, r) => {
    f.labels.forEach((to, c) => {
      if (r === k && c === k) return;
      const move: Move =
        r === k ? 'new' : c === k ? 'gone' : c < r ? 'up' : c > r ? 'down' : 'stayed';
      rows.push({
        from,
        to,
        move,
        customers: f.counts[r]![c]!,
        revenue: f.revenueMinor[r]![c]!,
        revenueBefore: f.revenueBeforeMinor[r]![c]!,
      });
    });
  });
  const zh = lang === 'zh-CN';
  const { before, after } = f.periods;
  const columns: ExportColumn<CellRow>[] = [
    { header: zh ? '之前层级' : 'Tier before', value: (x) => tierName(f.tiers, x.from, lang) },
    { header: zh ? '之后层级' : 'Tier after', value: (x) => tierName(f.tiers, x.to, lang) },
    { header: zh ? '变动' : 'Move', value: (x) => MOVE_NAMES[lang][x.move] },
    { header: zh ? '客户数' : 'Customers', value: (x) => x.customers },
    {
      header: `${zh ? '销售额' : 'Revenue'} ${after.from}..${after.to}`,
      value: (x) => money(x.revenue),
    },
    {
      header: `${zh ? '销售额' : 'Revenue'} ${before.from}..${before.to}`,
      value: (x) => money(x.revenueBefore),
    },
    {
      header: zh ? '销售额变化' : 'Revenue change',
      value: (x) => money(x.revenue - x.revenueBefore),
    },
  ];
  return writeFigureTable(format, columns, rows, zh ? '层级迁移' : 'Tier migration');
}

interface DistributionRow {
  point: TierDistributionView['points'][number];
  tier: TierDistributionView['points'][number]['tiers'][number];
}

/**
 * A distribution figure as CSV or XLSX: one row a (point, tier) with customers, revenue over the
 * point's twelve months (major units) and both shares in percent.
 */
export async function exportTierDistribution(
  deps: Deps,
  ctx: Ctx,
  raw: unknown,
  format: ExportFormat,
  lang: Lang,
): Promise<Readable> {
  const f = await tierDistributionFigure(deps, ctx, raw);
  const rows = f.points.flatMap((point) => point.tiers.map((tier) => ({ point, tier })));
  const zh = lang === 'zh-CN';
  const columns: ExportColumn<DistributionRow>[] = [
    {
      header: f.by === 'month' ? (zh ? '月份' : 'Month') : zh ? '发布生效日' : 'Effective from',
      value: (x) => (f.by === 'month' ? x.point.key : x.point.date),
    },
    { header: zh ? '发布编号' : 'Publication', value: (x) => x.point.publicationId },
    {
      header: zh ? '销售额期间' : 'Revenue period',
      value: (x) => `${x.point.revenuePeriod.from}..${x.point.revenuePeriod.to}`,
    },
    { header: zh ? '层级' : 'Tier', value: (x) => tierName(f.tiers, x.tier.tier, lang) },
    { header: zh ? '客户数' : 'Customers', value: (x) => x.tier.customers },
    { header: zh ? '客户占比%' : 'Customer share %', value: (x) => pct(x.tier.customerShare) },
    { header: zh ? '销售额' : 'Revenue', value: (x) => money(x.tier.revenueMinor) },
    { header: zh ? '销售额占比%' : 'Revenue share %', value: (x) => pct(x.tier.revenueShare) },
  ];
  return writeFigureTable(format, columns, rows, zh ? '层级分布' : 'Tier distribution');
}
