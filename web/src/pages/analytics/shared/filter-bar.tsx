import { ClearOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsFilters, type AnalyticsPeriod, filterOptions } from '../../../api/analytics';
import { localized } from '../../../format';
import { useOwners } from '../../../hooks/use-reference-data';
import { currentLanguage } from '../../../i18n';

const SELECT_WIDTH = 150;

/**
 * The filters every analytics page shows: the period in months and who is counted (region,
 * industry, segment, owner, tier). `period` is what the server resolved, shown as the
 * placeholder of empty month fields; `extra` holds the page's own controls.
 */
export function FilterBar({
  filters,
  onChange,
  onClear,
  period,
  extra,
  hidePeriod = false,
}: {
  filters: AnalyticsFilters;
  onChange: (patch: Partial<AnalyticsFilters>) => void;
  onClear: () => void;
  period?: AnalyticsPeriod | undefined;
  extra?: ReactNode;
  hidePeriod?: boolean;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const options = useQuery({ queryKey: ['analytics', 'filter-options'], queryFn: filterOptions });
  const owners = useOwners();
  const o = options.data;
  const list = (values: string[] | undefined, label?: (v: string) => string) =>
    (values ?? []).map((v) => ({ value: v, label: label ? label(v) : v }));
  const scheme = o?.schemes.find((s) => String(s.id) === filters.schemeId);
  const tierScheme = scheme ?? o?.schemes.find((s) => s.serviceTier);
  const picker = (key: keyof AnalyticsFilters, items: { value: string; label: string }[]) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: SELECT_WIDTH }}
      placeholder={t(`analytics.filters.${key}`)}
      aria-label={t(`analytics.filters.${key}`)}
      data-testid={`analytics-filter-${key}`}
      value={filters[key]}
      options={items}
      onChange={(v: string | undefined) => onChange({ [key]: v })}
    />
  );
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} data-testid="analytics-filters">
      {!hidePeriod && (
        <>
          <Typography.Text type="secondary">{t('analytics.filters.period')}</Typography.Text>
          <Input
            type="month"
            style={{ width: 150 }}
            aria-label={t('analytics.filters.from')}
            data-testid="analytics-filter-from"
            value={filters.from ?? period?.from ?? ''}
            onChange={(e) => onChange({ from: e.target.value || undefined })}
          />
          <Typography.Text type="secondary">–</Typography.Text>
          <Input
            type="month"
            style={{ width: 150 }}
            aria-label={t('analytics.filters.to')}
            data-testid="analytics-filter-to"
            value={filters.to ?? period?.to ?? ''}
            onChange={(e) => onChange({ to: e.target.value || undefined })}
          />
        </>
      )}
      {picker('region', list(o?.regions))}
      {picker('industry', list(o?.industries))}
      {picker(
        'type',
        list(o?.types, (v) => t(`customers.types.${v}`, { defaultValue: v })),
      )}
      {picker(
        'ownerId',
        (owners.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName })),
      )}
      {picker(
        'schemeId',
        (o?.schemes ?? []).map((s) => ({
          value: String(s.id),
          label: localized(s.nameZh, s.nameEn, lng),
        })),
      )}
      {picker('tier', list(tierScheme?.tiers))}
      <Button icon={<ClearOutlined />} onClick={onClear} data-testid="analytics-filter-clear">
        {t('analytics.filters.clear')}
      </Button>
      {extra}
    </Flex>
  );
}
