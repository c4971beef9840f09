import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Segmented, Space, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilters } from '../../../api/analytics';
import {
  type DistributionBy,
  TIER_DISTRIBUTION_PATH,
  tierDistribution,
} from '../../../api/analytics-tiers';
import { errorMessage } from '../../../errors';
import { currentLanguage } from '../../../i18n';
import type { DrillTarget } from '../shared/drill-drawer';
import { ExportButtons } from '../shared/export-buttons';
import { FilterBar } from '../shared/filter-bar';
import { DistributionChart } from './distribution-chart';
import { DistributionTable } from './distribution-table';
import { distributionDrill } from './tier-drill';
import type { TierMeasure, TierParams } from './use-tier-params';

/**
 * Tier distribution over time: at each publication or month end, the customers in each tier and
 * their revenue over the twelve months to that point, as bars and as a table.
 */
export function DistributionSection({
  filters,
  params,
  onFilters,
  onClear,
  onParams,
  onDrill,
  viewSwitch,
}: {
  filters: AnalyticsFilters;
  params: TierParams;
  onFilters: (patch: Partial<AnalyticsFilters>) => void;
  onClear: () => void;
  onParams: (patch: Record<string, string | undefined>) => void;
  onDrill: (target: DrillTarget) => void;
  viewSwitch: React.ReactNode;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const query = {
    ...filters,
    by: params.by,
    draft: params.draft ? undefined : ('exclude' as const),
  };
  const view = useQuery({
    queryKey: ['analytics', 'tiers', 'distribution', query],
    queryFn: () => tierDistribution(query),
  });
  const d = view.data;
  const months = d?.by === 'month' && d.points.length > 0;
  const draft = d?.points.find((p) => p.draft);
  return (
    <>
      <FilterBar
        filters={filters}
        onChange={onFilters}
        onClear={onClear}
        period={
          months
            ? { from: d.points[0]!.key, to: d.points.at(-1)!.key, months: d.points.length }
            : undefined
        }
        extra={
          <Space wrap>
            {viewSwitch}
            <Segmented<DistributionBy>
              data-testid="tier-dist-by"
              value={params.by}
              onChange={(by) => onParams({ by: by === 'publication' ? undefined : by })}
              options={(['publication', 'month'] as const).map((b) => ({
                value: b,
                label: t(`analyticsTiers.distribution.by.${b}`),
              }))}
            />
            <Segmented<TierMeasure>
              data-testid="tier-dist-measure"
              value={params.measure}
              onChange={(m) => onParams({ measure: m === 'customers' ? undefined : m })}
              options={(['customers', 'revenue'] as const).map((m) => ({
                value: m,
                label: t(`analyticsTiers.measure.${m}`),
              }))}
            />
            {params.by === 'publication' && (
              <Space size={4}>
                <Switch
                  size="small"
                  checked={params.draft}
                  onChange={(on) => onParams({ draft: on ? undefined : '0' })}
                  data-testid="tier-dist-draft-switch"
                />
                <Typography.Text>{t('analyticsTiers.distribution.withDraft')}</Typography.Text>
              </Space>
            )}
            <Space size={4}>
              <Switch
                size="small"
                checked={params.share}
                onChange={(on) => onParams({ share: on ? '1' : undefined })}
                data-testid="tier-dist-share"
              />
              <Typography.Text>{t('analyticsTiers.distribution.share')}</Typography.Text>
            </Space>
          </Space>
        }
      />
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      {view.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {d && (
        <Card
          size="small"
          title={t('analyticsTiers.distribution.title', {
            scheme: lng.startsWith('en') ? d.scheme.nameEn : d.scheme.nameZh,
          })}
          extra={
            <ExportButtons
              path={`${TIER_DISTRIBUTION_PATH}/export`}
              query={query}
              testId="tier-dist-export"
            />
          }
        >
          {d.truncated && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('analyticsTiers.distribution.truncated', { count: d.points.length })}
            />
          )}
          {d.by === 'publication' && d.points.filter((p) => !p.draft).length === 1 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="tier-dist-one"
              title={t('analyticsTiers.distribution.onePublication')}
            />
          )}
          {draft && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="tier-dist-draft"
              title={t('analyticsTiers.distribution.draftNote', {
                id: draft.runId,
                date: draft.date,
              })}
            />
          )}
          {d.points.length === 0 ? (
            <Empty
              description={t(
                d.by === 'publication'
                  ? 'analyticsTiers.distribution.noPublication'
                  : 'analyticsTiers.distribution.noPoints',
              )}
            />
          ) : (
            <>
              <DistributionChart
                data={d}
                measure={params.measure}
                share={params.share}
                onDrill={(p, tier) => onDrill(distributionDrill(t, lng, d, p, tier, filters))}
              />
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
                {t('analyticsTiers.distribution.note')}
              </Typography.Paragraph>
              <DistributionTable
                data={d}
                onDrill={(p, tier) => onDrill(distributionDrill(t, lng, d, p, tier, filters))}
              />
            </>
          )}
        </Card>
      )}
    </>
  );
}
