import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RfmSegment } from '../../../api/analytics-value';
import { formatMoney, localized } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { formatNumber, formatShare } from './value-format';

function HighLow({ letter, high }: { letter: string; high: boolean }) {
  return (
    <Typography.Text type={high ? 'success' : 'secondary'}>
      {letter}
      {high ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
    </Typography.Text>
  );
}

/**
 * The eight RFM segments, best first: name and pattern (R, F, M high or low), customers,
 * revenue, average scores and the suggested action, in the UI language. A row opens the
 * segment's customers.
 */
export function RfmSegmentTable({
  segments,
  onOpen,
}: {
  segments: RfmSegment[];
  onOpen: (key: string) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Table<RfmSegment>
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="rfm-segment-table"
      dataSource={segments}
      onRow={(s) => ({
        onClick: () => s.customers > 0 && onOpen(s.key),
        style: { cursor: s.customers > 0 ? 'pointer' : 'default' },
        'data-testid': `rfm-segment-${s.key}`,
      })}
      columns={[
        {
          title: t('analyticsValue.rfm.segment'),
          dataIndex: 'key',
          fixed: 'left',
          render: (_: string, s) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{localized(s.zh, s.en, lng)}</Typography.Text>
              <Space size={6}>
                <HighLow letter="R" high={s.high.r} />
                <HighLow letter="F" high={s.high.f} />
                <HighLow letter="M" high={s.high.m} />
              </Space>
            </Space>
          ),
        },
        { title: t('analyticsValue.rfm.customers'), dataIndex: 'customers', align: 'right' },
        {
          title: t('analyticsValue.rfm.share'),
          dataIndex: 'share',
          align: 'right',
          render: (v: number) => formatShare(v, lng),
        },
        {
          title: t('analyticsValue.rfm.revenue'),
          dataIndex: 'revenueMinor',
          align: 'right',
          render: (v: number) => formatMoney(v, lng),
        },
        {
          title: t('analyticsValue.rfm.revenueShare'),
          dataIndex: 'revenueShare',
          align: 'right',
          render: (v: number) => formatShare(v, lng),
        },
        {
          title: t('analyticsValue.rfm.avgScores'),
          key: 'scores',
          align: 'right',
          render: (_: unknown, s) =>
            s.customers
              ? `${formatNumber(s.avgR, lng, 1)} / ${formatNumber(s.avgF, lng, 1)} / ${formatNumber(s.avgM, lng, 1)}`
              : '–',
        },
        {
          title: t('analyticsValue.rfm.avgRecency'),
          dataIndex: 'avgRecencyDays',
          align: 'right',
          render: (v: number, s) => (s.customers ? formatNumber(v, lng) : '–'),
        },
        {
          title: t('analyticsValue.rfm.avgOrders'),
          dataIndex: 'avgOrders',
          align: 'right',
          render: (v: number, s) => (s.customers ? formatNumber(v, lng, 1) : '–'),
        },
        {
          title: t('analyticsValue.rfm.action'),
          key: 'action',
          width: 320,
          render: (_: unknown, s) => localized(s.action.zh, s.action.en, lng),
        },
      ]}
    />
  );
}
