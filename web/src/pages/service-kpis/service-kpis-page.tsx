import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KPI_GROUP_BY,
  type KpiGroupBy,
  serviceKpis,
  serviceKpisXlsxUrl,
} from '../../api/service-kpis';
import { errorMessage } from '../../errors';
import { currentLanguage } from '../../i18n';
import { PageHeader } from '../../layout/page-header';
import { ServiceKpiCharts } from './service-kpi-charts';
import { ServiceKpiTable } from './service-kpi-table';

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Default period: the first day of the month two months back up to today (local dates). */
function defaultPeriod(): { from: string; to: string } {
  const now = new Date();
  return { from: iso(new Date(now.getFullYear(), now.getMonth() - 2, 1)), to: iso(now) };
}

/** Service KPIs by tier, level, category, team and period, with charts and an XLSX export. */
export function ServiceKpisPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(defaultPeriod);
  const [groupBy, setGroupBy] = useState<KpiGroupBy>('tier');
  const query = { ...period, groupBy };
  const kpis = useQuery({
    queryKey: ['service', 'kpis', query],
    queryFn: () => serviceKpis(query),
    enabled: period.from !== '' && period.to !== '',
  });
  return (
    <>
      <PageHeader
        title={t('serviceKpi.title')}
        extra={
          <Button
            data-testid="service-kpi-export"
            href={serviceKpisXlsxUrl(query, currentLanguage())}
            download
          >
            {t('serviceKpi.export')}
          </Button>
        }
      />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('serviceKpi.from')}</Typography.Text>
        <Input
          type="date"
          style={{ width: 170 }}
          data-testid="service-kpi-from"
          aria-label={t('serviceKpi.from')}
          value={period.from}
          onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
        />
        <Typography.Text>{t('serviceKpi.to')}</Typography.Text>
        <Input
          type="date"
          style={{ width: 170 }}
          data-testid="service-kpi-to"
          aria-label={t('serviceKpi.to')}
          value={period.to}
          onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))}
        />
        <Typography.Text>{t('serviceKpi.groupBy')}</Typography.Text>
        <Select<KpiGroupBy>
          data-testid="service-kpi-group-by"
          aria-label={t('serviceKpi.groupBy')}
          style={{ minWidth: 160 }}
          value={groupBy}
          onChange={setGroupBy}
          options={KPI_GROUP_BY.map((g) => ({ value: g, label: t(`serviceKpi.by.${g}`) }))}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('serviceKpi.wallClock')}</Typography.Paragraph>
      {kpis.isError && <Alert type="error" showIcon title={errorMessage(t, kpis.error)} />}
      {kpis.data && kpis.data.rows.length > 0 && (
        <ServiceKpiCharts rows={kpis.data.rows} groupBy={groupBy} />
      )}
      <ServiceKpiTable
        rows={kpis.data?.rows ?? []}
        total={kpis.data?.total ?? null}
        groupBy={groupBy}
        loading={kpis.isLoading}
      />
    </>
  );
}
