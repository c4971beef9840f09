import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { DistributionPoint, TierDistribution } from '../../../api/analytics-tiers';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { pointLabel } from './distribution-format';
import { percent, tierName } from './tier-format';

/**
 * The distribution's numbers: a row a point, per tier the customers (share) and their revenue;
 * a click on a count opens those customers.
 */
export function DistributionTable({
  data,
  onDrill,
}: {
  data: TierDistribution;
  onDrill: (point: DistributionPoint, tier: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const columns: ColumnsType<DistributionPoint> = [
    {
      title: t('analyticsTiers.distribution.point'),
      key: 'point',
      fixed: 'left',
      render: (_, p) => pointLabel(t, data.by, p),
    },
    {
      title: t('analyticsTiers.distribution.revenuePeriod'),
      key: 'period',
      render: (_, p) => `${p.revenuePeriod.from} – ${p.revenuePeriod.to}`,
    },
    ...data.tiers.map((tier, i) => ({
      title: tierName(t, data.tiers, tier.id, lng),
      key: `tier-${tier.id}`,
      align: 'right' as const,
      render: (_: unknown, p: DistributionPoint) => {
        const s = p.tiers[i]!;
        return (
          <div>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              disabled={s.customers === 0}
              data-testid={`tier-dist-${p.key}-${tier.id}`}
              onClick={() => onDrill(p, tier.id)}
            >
              {s.customers} ({percent(s.customerShare)})
            </Button>
            <br />
            <Typography.Text type="secondary">
              {formatMoney(s.revenueMinor, lng)} ({percent(s.revenueShare)})
            </Typography.Text>
          </div>
        );
      },
    })),
    {
      title: t('analyticsTiers.distribution.tiered'),
      key: 'tiered',
      align: 'right',
      render: (_, p) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onDrill(p, undefined)}
        >
          {p.customers}
        </Button>
      ),
    },
    {
      title: t('analyticsTiers.distribution.untiered'),
      key: 'untiered',
      align: 'right',
      render: (_, p) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          disabled={p.untiered === 0}
          onClick={() => onDrill(p, 'none')}
        >
          {p.untiered}
        </Button>
      ),
    },
  ];
  return (
    <Table<DistributionPoint>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={data.points}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="tier-distribution-table"
    />
  );
}
