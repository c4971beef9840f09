import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiRow } from '../../../api/service-kpis';
import { currentLanguage } from '../../../i18n';
import { minutes, percent } from '../../service-kpis/service-kpi-format';
import { formatNumber } from './behaviour-format';

/** The tier of a KPI row for display: '-' is the customers without a tier. */
export function tierLabel(group: string, none: string): string {
  return group === '-' ? none : group;
}

/** Service KPIs by tier with a total row; a tier opens its customers with tickets. */
export function ServiceTierTable({
  rows,
  total,
  onTier,
}: {
  rows: KpiRow[];
  total: KpiRow | null;
  onTier: (group: string) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const none = t('analyticsBehaviour.service.noTier');
  return (
    <Table<KpiRow>
      rowKey="group"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="service-tier-table"
      dataSource={rows}
      columns={[
        {
          title: t('analyticsBehaviour.service.tier'),
          dataIndex: 'group',
          render: (g: string) => (
            <Typography.Link onClick={() => onTier(g)} data-testid={`service-tier-${g}`}>
              {tierLabel(g, none)}
            </Typography.Link>
          ),
        },
        { title: t('analyticsBehaviour.service.tickets'), dataIndex: 'tickets', align: 'right' },
        {
          title: t('analyticsBehaviour.service.firstReply'),
          dataIndex: 'firstReplyMedianMinutes',
          align: 'right',
          render: minutes,
        },
        {
          title: t('analyticsBehaviour.service.resolution'),
          dataIndex: 'resolutionMedianMinutes',
          align: 'right',
          render: minutes,
        },
        {
          title: t('analyticsBehaviour.service.sla'),
          dataIndex: 'slaAttainment',
          align: 'right',
          render: percent,
        },
        {
          title: t('analyticsBehaviour.service.resolutionRate'),
          dataIndex: 'resolutionRate',
          align: 'right',
          render: percent,
        },
        {
          title: t('analyticsBehaviour.service.satisfaction'),
          dataIndex: 'satisfaction',
          align: 'right',
          render: (v: number | null) => formatNumber(v, lng, 2),
        },
        { title: t('analyticsBehaviour.service.surveys'), dataIndex: 'surveys', align: 'right' },
      ]}
      summary={() =>
        total && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('analyticsBehaviour.service.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {total.tickets}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {minutes(total.firstReplyMedianMinutes)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {minutes(total.resolutionMedianMinutes)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {percent(total.slaAttainment)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {percent(total.resolutionRate)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {formatNumber(total.satisfaction, lng, 2)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {total.surveys}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}
