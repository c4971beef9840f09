import { LineChartOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Portrait, PortraitClv } from '../../../api/portrait';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../../analytics/shared/analytics-chart';
import { decimal, growth, percent } from './portrait-format';

/** Revenue bars and profit line by month, money in major units on the axis. */
function RevenueChart({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const months = p.revenue.months;
  const revenue = t('portrait.value.revenue');
  const profit = t('portrait.value.profit');
  return (
    <AnalyticsChart
      testId="portrait-revenue-chart"
      height={200}
      option={{
        animation: false,
        grid: { left: 56, right: 12, top: 28, bottom: 24 },
        legend: { data: [revenue, profit], top: 0 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number) => formatMoney(Math.round(v * 100), lng),
        },
        xAxis: { type: 'category', data: months.map((m) => m.month) },
        yAxis: { type: 'value' },
        series: [
          { name: revenue, type: 'bar', data: months.map((m) => m.revenueMinor / 100) },
          {
            name: profit,
            type: 'line',
            smooth: true,
            data: months.map((m) => m.profitMinor / 100),
          },
        ],
      }}
    />
  );
}

/** CLV, P(alive) and expected purchases from the newest finished model. */
function Clv({ clv }: { clv: PortraitClv | null }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (!clv)
    return <Typography.Text type="secondary">{t('portrait.value.noModel')}</Typography.Text>;
  const pr = clv.prediction;
  return (
    <div data-testid="portrait-clv-detail">
      <Typography.Text type="secondary">
        {t('portrait.value.model', {
          id: clv.modelId,
          asOf: clv.asOf,
          months: clv.horizonMonths,
          rate: percent(clv.discountRate, lng),
        })}
      </Typography.Text>
      {pr ? (
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'clv',
              label: t('portrait.header.clv'),
              children: pr.clvMinor === null ? t('portrait.none') : formatMoney(pr.clvMinor, lng),
            },
            { key: 'alive', label: t('portrait.header.pAlive'), children: percent(pr.pAlive, lng) },
            {
              key: 'expected',
              label: t('portrait.value.expected', { months: clv.horizonMonths }),
              children: decimal(pr.expectedPurchases, lng, 2),
            },
            {
              key: 'spend',
              label: t('portrait.value.expectedSpend'),
              children:
                pr.expectedSpendMinor === null
                  ? t('portrait.none')
                  : formatMoney(pr.expectedSpendMinor, lng),
            },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">
          {t('portrait.value.notScored')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** Sales and profit for two years, the last twelve months against the twelve before, and CLV. */
export function ValueSection({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const r = p.revenue;
  const change = growth(r.last12.revenueMinor, r.previous12.revenueMinor);
  return (
    <Card
      size="small"
      data-testid="portrait-value"
      title={
        <span>
          <LineChartOutlined />{' '}
          {t('portrait.value.title', { from: r.window.from, to: r.window.to })}
        </span>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <RevenueChart p={p} />
        </Col>
        <Col xs={24} lg={9}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'last12',
                label: t('portrait.value.last12'),
                children: `${formatMoney(r.last12.revenueMinor, lng)} · ${t('portrait.value.ordersCount', { count: r.last12.orders })}`,
              },
              {
                key: 'profit',
                label: t('portrait.value.profit'),
                children: formatMoney(r.last12.profitMinor, lng),
              },
              {
                key: 'previous12',
                label: t('portrait.value.previous12'),
                children: `${formatMoney(r.previous12.revenueMinor, lng)}${change === null ? '' : ` (${change >= 0 ? '+' : ''}${percent(change, lng)})`}`,
              },
              {
                key: 'lifetime',
                label: t('portrait.value.lifetime'),
                children: r.firstOrderOn
                  ? t('portrait.value.lifetimeValue', {
                      count: r.lifetimeOrders,
                      first: r.firstOrderOn,
                      last: r.lastOrderOn,
                    })
                  : t('portrait.value.noOrders'),
              },
            ]}
          />
          {p.analytics && <Clv clv={p.analytics.clv} />}
        </Col>
      </Row>
    </Card>
  );
}
