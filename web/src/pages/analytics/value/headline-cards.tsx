import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueView } from '../../../api/analytics-value';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import type { ValueSelector } from './value-drill';
import { formatShare } from './value-format';

/** How unequal the Gini coefficient says the value is, in words. */
function giniWord(g: number): 'low' | 'moderate' | 'high' | 'veryHigh' {
  if (g < 0.3) return 'low';
  if (g < 0.5) return 'moderate';
  if (g < 0.7) return 'high';
  return 'veryHigh';
}

function Figure({
  title,
  value,
  note,
  testId,
  onClick,
}: {
  title: ReactNode;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
  onClick?: () => void;
}) {
  return (
    <Card
      size="small"
      hoverable={onClick !== undefined}
      onClick={onClick}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      <Statistic title={title} value={value as string} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * The headline figures a manager reads first: customers, revenue, profit, the Gini coefficient
 * and what the top 20% bring. Each opens the customers behind it.
 */
export function HeadlineCards({
  view,
  onDrill,
}: {
  view: ValueView;
  onDrill: (s: ValueSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const top20 = view.topShares.find((s) => Math.abs(s.customerFraction - 0.2) < 1e-9);
  const all = () => onDrill({ top: 1 });
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={8} xl={4}>
        <Figure
          testId="value-customers"
          title={t('analyticsValue.headline.customers')}
          value={view.totals.customers.toLocaleString(lng)}
          note={t('analyticsValue.headline.withoutOrders', {
            count: view.totals.customersWithoutOrders,
          })}
          onClick={view.totals.customers ? all : undefined}
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          testId="value-revenue"
          title={t('analyticsValue.headline.revenue')}
          value={formatMoney(view.totals.revenueMinor, lng)}
          onClick={view.totals.customers ? all : undefined}
        />
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Figure
          testId="value-profit"
          title={t('analyticsValue.headline.profit')}
          value={formatMoney(view.totals.profitMinor, lng)}
          note={
            view.losses.customers > 0
              ? t('analyticsValue.headline.losses', {
                  count: view.losses.customers,
                  amount: formatMoney(view.losses.valueMinor, lng),
                })
              : undefined
          }
          onClick={
            view.losses.customers > 0
              ? () => onDrill({ level: 'loss' })
              : view.totals.customers
                ? all
                : undefined
          }
        />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <Figure
          testId="value-gini"
          title={t('analyticsValue.headline.gini', {
            metric: t(`analyticsValue.metric.${view.metric}`),
          })}
          value={view.gini.toFixed(3)}
          note={t(`analyticsValue.gini.${giniWord(view.gini)}`)}
          onClick={view.totals.customers ? all : undefined}
        />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Figure
          testId="value-top20"
          title={t('analyticsValue.headline.top20', {
            metric: t(`analyticsValue.metric.${view.metric}`),
          })}
          value={formatShare(top20?.valueShare ?? 0, lng)}
          note={t('analyticsValue.headline.top20Note', { count: top20?.customers ?? 0 })}
          onClick={top20?.customers ? () => onDrill({ top: 0.2 }) : undefined}
        />
      </Col>
    </Row>
  );
}
