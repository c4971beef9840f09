import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiGroupBy, KpiRow } from '../../api/service-kpis';
import { groupLabel, minutes, percent } from './service-kpi-format';

/** The KPI table: one row per group, then the total. */
export function ServiceKpiTable({
  rows,
  total,
  groupBy,
  loading,
}: {
  rows: KpiRow[];
  total: KpiRow | null;
  groupBy: KpiGroupBy;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const data = total ? [...rows, { ...total, group: t('serviceKpi.total') }] : rows;
  const num = (key: keyof KpiRow, title: string, fmt: (v: number | null) => string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, r: KpiRow) => fmt(r[key] as number | null),
  });
  return (
    <Table<KpiRow>
      data-testid="service-kpi-table"
      rowKey="group"
      size="small"
      loading={loading}
      pagination={false}
      scroll={{ x: true }}
      dataSource={data}
      locale={{ emptyText: t('serviceKpi.none') }}
      columns={[
        {
          key: 'group',
          title: t(`serviceKpi.by.${groupBy}`),
          render: (_: unknown, r) => groupLabel(r, groupBy, t('serviceKpi.unknown')),
        },
        {
          key: 'tickets',
          title: t('serviceKpi.col.tickets'),
          dataIndex: 'tickets',
          align: 'right',
        },
        num('firstReplyMedianMinutes', t('serviceKpi.col.firstReplyMedian'), minutes),
        num('firstReplyP90Minutes', t('serviceKpi.col.firstReplyP90'), minutes),
        num('resolutionMedianMinutes', t('serviceKpi.col.resolutionMedian'), minutes),
        num('resolutionP90Minutes', t('serviceKpi.col.resolutionP90'), minutes),
        num('slaAttainment', t('serviceKpi.col.slaAttainment'), percent),
        num('resolutionRate', t('serviceKpi.col.resolutionRate'), percent),
        num('reopenRate', t('serviceKpi.col.reopenRate'), percent),
        num('complaintShare', t('serviceKpi.col.complaintShare'), percent),
        num('satisfaction', t('serviceKpi.col.satisfaction'), (v) =>
          v === null ? '—' : v.toFixed(2),
        ),
        {
          key: 'surveys',
          title: t('serviceKpi.col.surveys'),
          dataIndex: 'surveys',
          align: 'right',
        },
      ]}
    />
  );
}
