import { useTranslation } from 'react-i18next';
import type { TierMigration } from '../../../api/analytics-tiers';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../shared/analytics-chart';
import type { MigrationSelector } from './tier-drill';
import { NONE_COLOR, tierColor, tierName, yuan } from './tier-format';
import type { TierMeasure } from './use-tier-params';

/**
 * The migration as a Sankey: tiers before on the left, tiers after on the right, a band per
 * (before, after) pair as wide as its customers or revenue. A click on a band opens its
 * customers; on a node, everyone who left or reached that tier.
 */
export function MigrationSankey({
  data,
  measure,
  onDrill,
}: {
  data: TierMigration;
  measure: TierMeasure;
  onDrill: (s: MigrationSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const value = (x: { customers: number; revenueMinor: number }) =>
    measure === 'revenue' ? yuan(x.revenueMinor) : x.customers;
  // Bands of zero width (revenue 0) cannot be drawn; their customers stay in the matrix.
  const links = data.sankey.links.filter((l) => value(l) > 0);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const order = new Map(data.labels.map((id, i) => [id, i]));
  const label = (side: 'before' | 'after', tier: string) =>
    tier === 'none'
      ? t(side === 'before' ? 'analyticsTiers.noneBefore' : 'analyticsTiers.noneAfter')
      : tierName(t, data.tiers, tier, lng);
  const nodes = data.sankey.nodes
    .filter((n) => used.has(n.id))
    .map((n) => ({
      name: n.id,
      depth: n.side === 'before' ? 0 : 1,
      itemStyle: {
        color: n.tier === 'none' ? NONE_COLOR : tierColor(order.get(n.tier) ?? 0),
      },
      label: { formatter: label(n.side, n.tier) },
    }));
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: {
        dataType: string;
        data: { source?: string; target?: string; name?: string };
      }) => {
        if (p.dataType === 'edge') {
          const l = links.find((x) => x.source === p.data.source && x.target === p.data.target);
          if (!l) return '';
          return [
            `${label('before', l.from)} → ${label('after', l.to)}`,
            t('analyticsTiers.migration.tooltip', {
              count: l.customers,
              revenue: formatMoney(l.revenueMinor, lng),
              before: formatMoney(l.revenueBeforeMinor, lng),
              change: formatMoney(l.revenueMinor - l.revenueBeforeMinor, lng),
            }),
          ].join('<br/>');
        }
        const n = data.sankey.nodes.find((x) => x.id === p.data.name);
        return n
          ? `${label(n.side, n.tier)}: ${n.customers} · ${formatMoney(n.revenueMinor, lng)}`
          : '';
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 120,
        top: 16,
        bottom: 16,
        nodeAlign: 'justify',
        // Keep the tiers in rank order top to bottom instead of letting the layout shuffle them.
        layoutIterations: 0,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.45 },
        data: nodes,
        links: links.map((l) => ({ source: l.source, target: l.target, value: value(l) })),
      },
    ],
  };
  return (
    <AnalyticsChart
      option={option}
      height={Math.max(280, 44 * data.labels.length + 80)}
      testId="tier-migration-sankey"
      onClick={(e) => {
        const d = e.data as { source?: string; target?: string; name?: string } | undefined;
        if (e.dataType === 'edge' && d?.source && d.target) {
          onDrill({
            fromTier: d.source.slice('before:'.length),
            toTier: d.target.slice('after:'.length),
          });
        } else if (e.dataType === 'node' && d?.name) {
          const cut = d.name.indexOf(':');
          const tier = d.name.slice(cut + 1);
          onDrill(d.name.slice(0, cut) === 'before' ? { fromTier: tier } : { toTier: tier });
        }
      }}
    />
  );
}
