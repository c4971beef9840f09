import { Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValueTopShare, ValueView } from '../../../api/analytics-value';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import type { ValueSelector } from './value-drill';
import { formatShare, fractionLabel } from './value-format';

/** "The top x% of customers bring y%" for 1, 5, 10, 20 and 50%; a row opens those customers. */
export function TopShareTable({
  view,
  onDrill,
}: {
  view: ValueView;
  onDrill: (s: ValueSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Table<ValueTopShare>
      rowKey="customerFraction"
      size="small"
      pagination={false}
      data-testid="value-top-table"
      dataSource={view.topShares}
      onRow={(s) => ({
        onClick: () => s.customers > 0 && onDrill({ top: s.customerFraction }),
        style: { cursor: s.customers > 0 ? 'pointer' : 'default' },
      })}
      columns={[
        {
          title: t('analyticsValue.top.group'),
          dataIndex: 'customerFraction',
          render: (x: number) => t('analyticsValue.top.label', { x: fractionLabel(x) }),
        },
        { title: t('analyticsValue.top.customers'), dataIndex: 'customers', align: 'right' },
        {
          title: t(`analyticsValue.metric.${view.metric}`),
          dataIndex: 'valueMinor',
          align: 'right',
          render: (v: number) => formatMoney(v, lng),
        },
        {
          title: t('analyticsValue.top.share'),
          dataIndex: 'valueShare',
          width: 220,
          render: (v: number) => (
            <Progress
              percent={Math.round(v * 1000) / 10}
              size="small"
              format={() => formatShare(v, lng)}
            />
          ),
        },
      ]}
    />
  );
}
