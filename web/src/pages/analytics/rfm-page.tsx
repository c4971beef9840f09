import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RFM_EXPORT_PATH, rfmView } from '../../api/analytics-value';
import { errorMessage } from '../../errors';
import { formatMoney } from '../../format';
import { currentLanguage } from '../../i18n';
import { PageHeader } from '../../layout/page-header';
import { useDrill } from './shared/drill-drawer';
import { ExportButtons } from './shared/export-buttons';
import { FilterBar } from './shared/filter-bar';
import { useAnalyticsFilters } from './shared/use-analytics-filters';
import { RfmDistributions, RfmHeatmap, RfmTreemap } from './value/rfm-charts';
import { RfmSegmentTable } from './value/rfm-segment-table';
import { type RfmSelector, rfmDrill } from './value/value-drill';

/**
 * RFM: customers scored 1–5 on recency, frequency and money over the period and grouped into
 * eight named segments, each with the action it calls for; the segments as a treemap, the R×F
 * grid as a heat map and the score distributions. Every figure opens its customers.
 */
export function RfmPage() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { filters, setFilters, clear } = useAnalyticsFilters();
  const view = useQuery({
    queryKey: ['analytics', 'rfm', filters],
    queryFn: () => rfmView(filters),
  });
  const drill = useDrill();
  const v = view.data;
  const onDrill = (s: RfmSelector) => v && drill.open(rfmDrill(t, lng, s, filters, v.segments));
  return (
    <>
      <PageHeader
        title={t('analyticsValue.rfm.title')}
        subtitle={
          v
            ? `${t('analytics.periodLabel', {
                from: v.period.from,
                to: v.period.to,
                months: v.period.months,
              })} · ${t('analyticsValue.rfm.asOf', { date: v.asOf })}`
            : undefined
        }
        extra={<ExportButtons path={RFM_EXPORT_PATH} query={{ ...filters }} testId="rfm-export" />}
      />
      <FilterBar filters={filters} onChange={setFilters} onClear={clear} period={v?.period} />
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      {view.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {v && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} lg={6}>
              <Card size="small" data-testid="rfm-customers">
                <Statistic title={t('analyticsValue.rfm.scored')} value={v.totals.customers} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('analyticsValue.rfm.revenueTotal')}
                  value={formatMoney(v.totals.revenueMinor, lng)}
                />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('analyticsValue.rfm.lapsed')}
                  value={v.totals.customersWithoutOrdersInPeriod}
                />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('analyticsValue.rfm.neverOrdered')}
                  value={v.totals.customersWithoutOrders}
                />
              </Card>
            </Col>
          </Row>
          {v.totals.customers === 0 ? (
            <Empty description={t('analyticsValue.empty')} data-testid="rfm-empty" />
          ) : (
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <Card size="small" title={t('analyticsValue.rfm.segments')}>
                  <RfmSegmentTable
                    segments={v.segments}
                    onOpen={(segment) => onDrill({ segment })}
                  />
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                    {t('analyticsValue.rfm.rule')}
                  </Typography.Paragraph>
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('analyticsValue.rfm.treemap')}>
                  <RfmTreemap view={v} onDrill={onDrill} />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('analyticsValue.rfm.heatmap')}>
                  <RfmHeatmap view={v} onDrill={onDrill} />
                </Card>
              </Col>
              <Col span={24}>
                <Card size="small" title={t('analyticsValue.rfm.distributions')}>
                  <RfmDistributions view={v} onDrill={onDrill} />
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
