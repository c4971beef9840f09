import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Segmented, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilters } from '../../../api/analytics';
import {
  type ComparisonQuery,
  resolvedComparison,
  TIER_MIGRATION_PATH,
  tierMigration,
  tierSchemes,
} from '../../../api/analytics-tiers';
import { errorMessage } from '../../../errors';
import { currentLanguage } from '../../../i18n';
import type { DrillTarget } from '../shared/drill-drawer';
import { ExportButtons } from '../shared/export-buttons';
import { FilterBar } from '../shared/filter-bar';
import { MigrationControls } from './migration-controls';
import { MigrationHeatmap } from './migration-heatmap';
import { MigrationSankey } from './migration-sankey';
import { MigrationTable } from './migration-table';
import { MoveTotals } from './move-totals';
import { type MigrationSelector, migrationDrill } from './tier-drill';
import { sideLabel } from './tier-format';
import type { TierMeasure, TierParams } from './use-tier-params';

/** The comparison to ask for, or null while the chosen kind still lacks a side. */
function comparisonOf(p: TierParams): ComparisonQuery | null {
  if (p.compare === 'runs')
    return p.beforeRunId && p.afterRunId
      ? { compare: 'runs', beforeRunId: p.beforeRunId, afterRunId: p.afterRunId }
      : null;
  if (p.compare === 'dates')
    return p.beforeDate && p.afterDate
      ? { compare: 'dates', beforeDate: p.beforeDate, afterDate: p.afterDate }
      : null;
  if (p.compare === 'previous')
    return { compare: 'previous', ...(p.afterRunId ? { afterRunId: p.afterRunId } : {}) };
  return {};
}

/**
 * Tier migration between two runs or dates: what is compared and why, the moves with the
 * revenue they carry, the matrix as a heat map, the Sankey and the numbers. Every part opens
 * the customers behind it.
 */
export function MigrationSection({
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
  viewSwitch: ReactNode;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const comparison = comparisonOf(params);
  const query = { ...filters, ...comparison };
  const view = useQuery({
    queryKey: ['analytics', 'tiers', 'migration', query],
    queryFn: () => tierMigration(query),
    enabled: comparison !== null,
  });
  const schemes = useQuery({ queryKey: ['analytics', 'tiers', 'schemes'], queryFn: tierSchemes });
  const m = view.data;
  const schemeId = filters.schemeId ?? (m ? String(m.scheme.id) : undefined);
  const runs =
    schemes.data?.items.find((s) => String(s.id) === schemeId)?.runs ??
    schemes.data?.items[0]?.runs ??
    [];
  const drill = (s: MigrationSelector) => m && onDrill(migrationDrill(t, lng, m, s, filters));
  const measure = (
    <Segmented<TierMeasure>
      data-testid="tier-mig-measure"
      value={params.measure}
      onChange={(v) => onParams({ measure: v === 'customers' ? undefined : v })}
      options={(['customers', 'revenue'] as const).map((v) => ({
        value: v,
        label: t(`analyticsTiers.measure.${v}`),
      }))}
    />
  );
  return (
    <>
      <FilterBar
        filters={filters}
        onChange={onFilters}
        onClear={onClear}
        period={m?.periods.after}
        extra={viewSwitch}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          {t('analyticsTiers.migration.compareLabel')}
        </Typography.Text>
        <MigrationControls
          params={params}
          runs={runs}
          shown={m && resolvedComparison(m)}
          onParams={onParams}
        />
        {measure}
      </Space>
      {comparison === null && (
        <Alert type="info" showIcon title={t('analyticsTiers.migration.pickBoth')} />
      )}
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      {view.isLoading && comparison !== null && <Spin style={{ display: 'block', margin: 48 }} />}
      {m && comparison !== null && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="tier-mig-sides"
            title={t('analyticsTiers.migration.comparing', {
              before: sideLabel(t, m.before),
              after: sideLabel(t, m.after),
            })}
            description={
              <>
                {m.defaulted && <div>{t(`analyticsTiers.migration.defaulted.${m.defaulted}`)}</div>}
                <div>
                  {t('analyticsTiers.migration.periods', {
                    afterFrom: m.periods.after.from,
                    afterTo: m.periods.after.to,
                    beforeFrom: m.periods.before.from,
                    beforeTo: m.periods.before.to,
                  })}
                </div>
              </>
            }
          />
          {m.all.customers === 0 ? (
            <Empty description={t('analyticsTiers.migration.empty')} />
          ) : (
            <>
              <MoveTotals data={m} onDrill={(move) => drill({ move })} />
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('analyticsTiers.migration.heatmap')}>
                    <MigrationHeatmap data={m} measure={params.measure} onDrill={drill} />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('analyticsTiers.migration.sankey')}>
                    <MigrationSankey data={m} measure={params.measure} onDrill={drill} />
                  </Card>
                </Col>
                <Col span={24}>
                  <Card
                    size="small"
                    title={t('analyticsTiers.migration.table')}
                    extra={
                      <ExportButtons
                        path={`${TIER_MIGRATION_PATH}/export`}
                        query={{ ...filters, ...resolvedComparison(m) }}
                        testId="tier-mig-export"
                      />
                    }
                  >
                    <MigrationTable data={m} onDrill={drill} />
                  </Card>
                </Col>
              </Row>
            </>
          )}
        </>
      )}
    </>
  );
}
