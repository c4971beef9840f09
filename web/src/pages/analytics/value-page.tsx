import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Segmented, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { VALUE_EXPORT_PATH, type ValueMetric, valueView } from '../../api/analytics-value';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { useDrill } from './shared/drill-drawer';
import { ExportButtons } from './shared/export-buttons';
import { FilterBar } from './shared/filter-bar';
import { useAnalyticsFilters } from './shared/use-analytics-filters';
import { HeadlineCards } from './value/headline-cards';
import { LorenzChart } from './value/lorenz-chart';
import { PyramidChart } from './value/pyramid-chart';
import { PyramidTable } from './value/pyramid-table';
import { TopShareTable } from './value/top-share-table';
import { type ValueSelector, valueDrill } from './value/value-drill';
import { CUT_PRESETS, cutsLabel } from './value/value-format';

const METRICS: ValueMetric[] = ['revenue', 'profit'];

/**
 * The analytics landing page: how value is spread over the customers in the period — headline
 * figures, the Lorenz curve with its Gini coefficient, the value pyramid and the top-x% table
 * for revenue or profit. Every figure opens the customers behind it.
 */
export function ValuePage() {
  const { t } = useTranslation();
  const { filters, setFilters, clear } = useAnalyticsFilters();
  const [params, setParams] = useSearchParams();
  const metric: ValueMetric = params.get('metric') === 'profit' ? 'profit' : 'revenue';
  const cuts = CUT_PRESETS.find((c) => c === params.get('cuts')) ?? CUT_PRESETS[0];
  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const query = { ...filters, metric, cuts };
  const view = useQuery({
    queryKey: ['analytics', 'value', query],
    queryFn: () => valueView(query),
  });
  const drill = useDrill();
  const onDrill = (s: ValueSelector) => drill.open(valueDrill(t, s, query));
  const v = view.data;
  return (
    <>
      <PageHeader
        title={t('analyticsValue.title')}
        subtitle={
          v
            ? t('analytics.periodLabel', {
                from: v.period.from,
                to: v.period.to,
                months: v.period.months,
              })
            : undefined
        }
        extra={<ExportButtons path={VALUE_EXPORT_PATH} query={query} testId="value-export" />}
      />
      <FilterBar
        filters={filters}
        onChange={setFilters}
        onClear={clear}
        period={v?.period}
        extra={
          <Space wrap>
            <Segmented<ValueMetric>
              data-testid="value-metric"
              value={metric}
              onChange={(m) => setParam('metric', m === 'revenue' ? undefined : m)}
              options={METRICS.map((m) => ({ value: m, label: t(`analyticsValue.metric.${m}`) }))}
            />
            <Select
              data-testid="value-cuts"
              aria-label={t('analyticsValue.pyramid.cuts')}
              style={{ width: 250 }}
              value={cuts}
              onChange={(c: string) => setParam('cuts', c === CUT_PRESETS[0] ? undefined : c)}
              options={CUT_PRESETS.map((c) => ({
                value: c,
                label: `${t('analyticsValue.pyramid.cuts')} ${cutsLabel(c)}`,
              }))}
            />
          </Space>
        }
      />
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      {view.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {v && (
        <>
          <HeadlineCards view={v} onDrill={onDrill} />
          {v.totals.customers === 0 ? (
            <Empty description={t('analyticsValue.empty')} data-testid="value-empty" />
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('analyticsValue.lorenz.title')}>
                  <LorenzChart view={v} onDrill={onDrill} />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('analyticsValue.pyramid.title')}>
                  <PyramidChart view={v} onDrill={onDrill} />
                </Card>
              </Col>
              <Col xs={24} xl={14}>
                <Card size="small" title={t('analyticsValue.pyramid.tableTitle')}>
                  <PyramidTable view={v} onDrill={onDrill} />
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card size="small" title={t('analyticsValue.top.title')}>
                  <TopShareTable view={v} onDrill={onDrill} />
                </Card>
              </Col>
            </Row>
          )}
        </>
      )}
      {drill.drawer}
    </>
  );
}
