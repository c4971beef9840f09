import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SERVICE_EXPORT_PATH, serviceByTier } from '../../api/analytics-behaviour';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { serviceDrill } from './behaviour/behaviour-drill';
import { SatisfactionTrend } from './behaviour/satisfaction-trend';
import { ServiceTierTable, tierLabel } from './behaviour/service-tier-table';
import { useDrill } from './shared/drill-drawer';
import { ExportButtons } from './shared/export-buttons';
import { FilterBar } from './shared/filter-bar';
import { useAnalyticsFilters } from './shared/use-analytics-filters';

/**
 * Service by tier: the service KPIs of the customers in scope per tier over the period (first
 * reply and resolution times, SLA attainment, satisfaction) and satisfaction month by month per
 * tier. A tier or a point opens its customers with tickets.
 */
export function ServiceByTierPage() {
  const { t } = useTranslation();
  const { filters, setFilters, clear } = useAnalyticsFilters();
  const view = useQuery({
    queryKey: ['analytics', 'service', filters],
    queryFn: () => serviceByTier(filters),
  });
  const drill = useDrill();
  const none = t('analyticsBehaviour.service.noTier');
  const open = (group: string, month?: string) =>
    drill.open(serviceDrill(t, tierLabel(group, none), group, month, filters));
  const v = view.data;
  return (
    <>
      <PageHeader
        title={t('analyticsBehaviour.service.title')}
        subtitle={
          v
            ? t('analytics.periodLabel', {
                from: v.period.from,
                to: v.period.to,
                months: v.period.months,
              })
            : t('analyticsBehaviour.service.subtitle')
        }
        extra={
          <ExportButtons
            path={SERVICE_EXPORT_PATH}
            query={{ ...filters }}
            testId="service-export"
          />
        }
      />
      <FilterBar filters={filters} onChange={setFilters} onClear={clear} period={v?.period} />
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      {view.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {v &&
        (v.tiers.length === 0 ? (
          <Empty description={t('analyticsBehaviour.service.empty')} data-testid="service-empty" />
        ) : (
          <Flex vertical gap={16}>
            <Card size="small" title={t('analyticsBehaviour.service.title')}>
              <ServiceTierTable rows={v.tiers} total={v.total} onTier={(g) => open(g)} />
            </Card>
            <Card size="small" title={t('analyticsBehaviour.service.trend')}>
              <Typography.Paragraph type="secondary">
                {t('analyticsBehaviour.service.trendHint')}
              </Typography.Paragraph>
              <SatisfactionTrend view={v} onPoint={(g, month) => open(g, month)} />
            </Card>
          </Flex>
        ))}
      {drill.drawer}
    </>
  );
}
