import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { AnalyticsFilters } from '../../../api/analytics';
import {
  type PyramidLevelKey,
  RFM_CUSTOMERS_PATH,
  type RfmSegment,
  VALUE_CUSTOMERS_PATH,
  type ValueMetric,
} from '../../../api/analytics-value';
import { localized } from '../../../format';
import type { DrillExtraColumn, DrillTarget } from '../shared/drill-drawer';
import { fractionLabel } from './value-format';

/** What a value figure selects: a pyramid level, the loss-makers, or the top x%. */
export type ValueSelector = { level: PyramidLevelKey | 'loss' } | { top: number };

/** Pyramid level tag colours, key first. */
export const LEVEL_COLORS: Record<PyramidLevelKey, string> = {
  key: '#c41d7f',
  important: '#fa8c16',
  ordinary: '#1677ff',
  small: '#8c8c8c',
};

function valueColumns(t: TFunction): DrillExtraColumn[] {
  return [
    {
      key: 'level',
      title: t('analyticsValue.drill.level'),
      render: (v) => {
        const key = String(v) as PyramidLevelKey;
        return <Tag color={LEVEL_COLORS[key]}>{t(`analyticsValue.levels.${key}`)}</Tag>;
      },
    },
    { key: 'rank', title: t('analyticsValue.drill.rank') },
  ];
}

/** The drill-down of a value figure, with the page's filters, metric and cut points. */
export function valueDrill(
  t: TFunction,
  selector: ValueSelector,
  query: AnalyticsFilters & { metric: ValueMetric; cuts: string },
): DrillTarget {
  const what =
    'top' in selector
      ? t('analyticsValue.drill.top', { x: fractionLabel(selector.top) })
      : t(`analyticsValue.levels.${selector.level}`);
  return {
    title: `${what} · ${t(`analyticsValue.metric.${query.metric}`)}`,
    path: VALUE_CUSTOMERS_PATH,
    query: { ...query, ...('top' in selector ? { top: selector.top } : { level: selector.level }) },
    extraColumns: valueColumns(t),
  };
}

/** What an RFM figure selects: a segment, or one or more scores. */
export type RfmSelector = { segment: string } | { r?: number; f?: number; m?: number };

/** The drill-down of an RFM figure; `segments` names the segment keys in the UI language. */
export function rfmDrill(
  t: TFunction,
  lng: string,
  selector: RfmSelector,
  filters: AnalyticsFilters,
  segments: RfmSegment[],
): DrillTarget {
  const names = new Map(segments.map((s) => [s.key as string, localized(s.zh, s.en, lng)]));
  let title: string;
  if ('segment' in selector) {
    title = names.get(selector.segment) ?? selector.segment;
  } else {
    title = (['r', 'f', 'm'] as const)
      .filter((k) => selector[k] !== undefined)
      .map((k) => `${k.toUpperCase()}=${selector[k]}`)
      .join(' · ');
  }
  return {
    title: t('analyticsValue.rfm.drillTitle', { what: title }),
    path: RFM_CUSTOMERS_PATH,
    query: { ...filters, ...selector },
    extraColumns: [
      {
        key: 'segment',
        title: t('analyticsValue.rfm.segment'),
        render: (v) => names.get(String(v)) ?? v,
      },
      { key: 'r', title: 'R' },
      { key: 'f', title: 'F' },
      { key: 'm', title: 'M' },
      { key: 'recencyDays', title: t('analyticsValue.rfm.recencyDays') },
    ],
  };
}
