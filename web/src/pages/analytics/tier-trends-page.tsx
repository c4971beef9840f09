import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilters } from '../../api/analytics';
import { PageHeader } from '../../layout/page-header';
import { useDrill } from './shared/drill-drawer';
import { useAnalyticsFilters } from './shared/use-analytics-filters';
import { DistributionSection } from './tiers/distribution-section';
import { MigrationSection } from './tiers/migration-section';
import { COMPARISON_KEYS, type TierView, useTierParams } from './tiers/use-tier-params';

/**
 * Tier trends: how many customers (and how much revenue) each tier of a scheme held at each
 * publication or month end, and how customers moved between tiers from one run or date to
 * another. Every bar, square, band and number opens the customers behind it.
 */
export function TierTrendsPage() {
  const { t } = useTranslation();
  const { filters, clear } = useAnalyticsFilters();
  const { params, set } = useTierParams();
  const drill = useDrill();
  // One address-bar update: another scheme clears the tier filter and the chosen runs.
  const onFilters = (patch: Partial<AnalyticsFilters>) =>
    set(
      'schemeId' in patch
        ? {
            ...patch,
            tier: patch.tier,
            ...Object.fromEntries(COMPARISON_KEYS.map((k) => [k, undefined])),
          }
        : patch,
    );
  const viewSwitch = (
    <Segmented<TierView>
      data-testid="tier-view"
      value={params.view}
      onChange={(v) => set({ view: v === 'distribution' ? undefined : v })}
      options={(['distribution', 'migration'] as const).map((v) => ({
        value: v,
        label: t(`analyticsTiers.view.${v}`),
      }))}
    />
  );
  const section = {
    filters,
    params,
    onFilters,
    onClear: clear,
    onParams: set,
    onDrill: drill.open,
    viewSwitch,
  };
  return (
    <>
      <PageHeader title={t('analyticsTiers.title')} subtitle={t('analyticsTiers.subtitle')} />
      {params.view === 'migration' ? (
        <MigrationSection {...section} />
      ) : (
        <DistributionSection {...section} />
      )}
      {drill.drawer}
    </>
  );
}
