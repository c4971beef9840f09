import { Col, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LifecycleStage, LifecycleView } from '../../../api/analytics-behaviour';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../shared/analytics-chart';
import { STAGE_COLORS } from './behaviour-drill';
import { formatPercent } from './behaviour-format';

const BAR_COLORS: Record<LifecycleStage, string> = {
  new: '#13c2c2',
  active: '#52c41a',
  silent: '#faad14',
  at_risk: '#fa8c16',
  churned: '#f5222d',
};

type StageRow = LifecycleView['stages'][number];

/** Customers per stage as bars and as a table with share and revenue; both open the stage. */
export function StageOverview({
  view,
  onStage,
}: {
  view: LifecycleView;
  onStage: (stage: LifecycleStage) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const label = (s: LifecycleStage) => t(`analyticsBehaviour.lifecycle.stages.${s}`);
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: {
      type: 'category',
      data: view.stages.map((s) => label(s.stage)),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('analyticsBehaviour.lifecycle.customers'),
        data: view.stages.map((s) => ({
          value: s.customers,
          itemStyle: { color: BAR_COLORS[s.stage] },
        })),
        label: { show: true, position: 'top' },
      },
    ],
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <AnalyticsChart
          option={option}
          height={280}
          testId="lifecycle-stage-chart"
          onClick={(e) => {
            const s = view.stages[e.dataIndex];
            if (s && s.customers > 0) onStage(s.stage);
          }}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Table<StageRow>
          rowKey="stage"
          size="small"
          pagination={false}
          data-testid="lifecycle-stage-table"
          dataSource={view.stages}
          onRow={(s) => ({
            onClick: () => s.customers > 0 && onStage(s.stage),
            style: { cursor: s.customers > 0 ? 'pointer' : 'default' },
            'data-testid': `lifecycle-stage-${s.stage}`,
          })}
          columns={[
            {
              title: t('analyticsBehaviour.lifecycle.stage'),
              dataIndex: 'stage',
              render: (s: LifecycleStage) => <Tag color={STAGE_COLORS[s]}>{label(s)}</Tag>,
            },
            {
              title: t('analyticsBehaviour.lifecycle.customers'),
              dataIndex: 'customers',
              align: 'right',
            },
            {
              title: t('analyticsBehaviour.lifecycle.share'),
              dataIndex: 'share',
              align: 'right',
              render: (v: number) => formatPercent(v, lng),
            },
            {
              title: t('analyticsBehaviour.lifecycle.revenue'),
              dataIndex: 'revenueMinor',
              align: 'right',
              render: (v: number) => formatMoney(v, lng),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
