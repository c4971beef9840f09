import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  NINEGRID_EXPORT_PATH,
  type NineGridMetric,
  type NinegridQuery,
  ninegrid,
} from '../../api/analytics-behaviour';
import { errorMessage } from '../../errors';
import { currentLanguage } from '../../i18n';
import { PageHeader } from '../../layout/page-header';
import { AxisControl, type AxisDraft } from './behaviour/axis-control';
import { type NinegridSelector, ninegridDrill } from './behaviour/behaviour-drill';
import { fromWire, toWire } from './behaviour/behaviour-format';
import { MovementHeatmap } from './behaviour/movement-heatmap';
import { NinegridBoard } from './behaviour/ninegrid-board';
import { useDrill } from './shared/drill-drawer';
import { ExportButtons } from './shared/export-buttons';
import { FilterBar } from './shared/filter-bar';
import { useAnalyticsFilters } from './shared/use-analytics-filters';

const COLUMN_METRICS: NineGridMetric[] = [
  'revenue',
  'profit',
  'orders',
  'marginRate',
  'growth',
  'recencyDays',
];
const DEFAULT_AXES = { x: 'revenue', y: 'growth' } as const;

/** The axis as the address bar holds it (thresholds in API units). */
function axisFromParams(params: URLSearchParams, axis: 'x' | 'y'): AxisDraft {
  const metric = (params.get(axis) as NineGridMetric | null) ?? DEFAULT_AXES[axis];
  const num = (k: string) => {
    const v = params.get(k);
    return v === null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
  };
  const low = num(`${axis}Low`);
  const high = num(`${axis}High`);
  const thresholds = low !== null && high !== null;
  return {
    metric,
    thresholds,
    low: thresholds ? fromWire(metric, low) : null,
    high: thresholds ? fromWire(metric, high) : null,
  };
}

/**
 * The nine-grid: customers who ordered in the period by two metrics × three levels (thresholds
 * or tertiles), each cell with its customers and revenue, and the movement of customers from the
 * previous period. Cells and movement squares open the customers behind them.
 */
export function NineGridPage() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { filters, setFilters, clear } = useAnalyticsFilters();
  const [params, setParams] = useSearchParams();
  const applied = { x: axisFromParams(params, 'x'), y: axisFromParams(params, 'y') };
  const [draft, setDraft] = useState(applied);
  const wire = (d: AxisDraft, axis: 'x' | 'y') =>
    d.thresholds && d.low !== null && d.high !== null
      ? {
          [`${axis}Low`]: String(toWire(d.metric, d.low)),
          [`${axis}High`]: String(toWire(d.metric, d.high)),
        }
      : {};
  const query: NinegridQuery = {
    ...filters,
    x: applied.x.metric,
    y: applied.y.metric,
    ...wire(applied.x, 'x'),
    ...wire(applied.y, 'y'),
  };
  const view = useQuery({
    queryKey: ['analytics', 'ninegrid', query],
    queryFn: () => ninegrid(query),
  });
  const apply = () =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const axis of ['x', 'y'] as const) {
          const d = draft[axis];
          next.set(axis, d.metric);
          const w = wire(d, axis) as Record<string, string>;
          for (const k of [`${axis}Low`, `${axis}High`]) {
            if (w[k] !== undefined) next.set(k, w[k]);
            else next.delete(k);
          }
        }
        return next;
      },
      { replace: true },
    );
  const drill = useDrill();
  const onDrill = (s: NinegridSelector) => drill.open(ninegridDrill(t, lng, s, query));
  const g = view.data;
  const metrics = g?.metrics ?? COLUMN_METRICS;
  return (
    <>
      <PageHeader
        title={t('analyticsBehaviour.ninegrid.title')}
        subtitle={
          g
            ? t('analytics.periodLabel', {
                from: g.period.from,
                to: g.period.to,
                months: g.period.months,
              })
            : t('analyticsBehaviour.ninegrid.subtitle')
        }
        extra={
          <ExportButtons
            path={NINEGRID_EXPORT_PATH}
            query={{ ...query }}
            testId="ninegrid-export"
          />
        }
      />
      <FilterBar filters={filters} onChange={setFilters} onClear={clear} period={g?.period} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <AxisControl
            axis="x"
            draft={draft.x}
            metrics={metrics}
            onChange={(x) => setDraft((d) => ({ ...d, x }))}
          />
          <AxisControl
            axis="y"
            draft={draft.y}
            metrics={metrics}
            onChange={(y) => setDraft((d) => ({ ...d, y }))}
          />
          <Button type="primary" onClick={apply} data-testid="ninegrid-apply">
            {t('analyticsBehaviour.apply')}
          </Button>
        </Flex>
      </Card>
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      {view.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {g &&
        (g.customers === 0 ? (
          <Empty
            description={t('analyticsBehaviour.ninegrid.empty')}
            data-testid="ninegrid-empty"
          />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('analyticsBehaviour.ninegrid.grid')}>
                <Typography.Paragraph type="secondary">
                  {t('analyticsBehaviour.ninegrid.gridHint', {
                    x: t(`analyticsBehaviour.metric.${g.x.metric}`),
                    y: t(`analyticsBehaviour.metric.${g.y.metric}`),
                  })}
                </Typography.Paragraph>
                <NinegridBoard grid={g} onCell={(cell) => onDrill({ cell })} />
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('analyticsBehaviour.ninegrid.asOf', { date: g.asOf })}
                  {g.clvModel &&
                    ` · ${t('analyticsBehaviour.ninegrid.clvModel', {
                      id: g.clvModel.id,
                      date: g.clvModel.asOf,
                    })}`}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('analyticsBehaviour.ninegrid.movement')}>
                <Typography.Paragraph type="secondary">
                  {t('analyticsBehaviour.ninegrid.movementHint', {
                    from: g.movement.previousPeriod.from,
                    to: g.movement.previousPeriod.to,
                  })}
                </Typography.Paragraph>
                <MovementHeatmap grid={g} onDrill={onDrill} />
              </Card>
            </Col>
          </Row>
        ))}
      {drill.drawer}
    </>
  );
}
