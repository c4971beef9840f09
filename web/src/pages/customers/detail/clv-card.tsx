import { LineChartOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Skeleton,
  Statistic,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getCustomerClv } from '../../../api/clv';
import { errorMessage } from '../../../errors';
import { decimal, money, percent } from '../../analytics/clv/clv-format';

/**
 * The customer's lifetime value under the newest finished model: CLV over the model's horizon,
 * P(alive), expected purchases and spend, with the model's as-of day and a link to the CLV page.
 * Before any model there is a "no model yet" state pointing to that page; a customer who had not
 * bought by the model's as-of day has no prediction.
 */
export function ClvCard({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const q = useQuery({
    queryKey: ['customer', customerId, 'clv'],
    queryFn: () => getCustomerClv(customerId),
  });
  const m = q.data?.model;
  const p = q.data?.prediction;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      data-testid="customer-clv"
      title={
        <span>
          <LineChartOutlined /> {t('clv.card.title')}
        </span>
      }
      extra={m && <Link to="/analytics/clv">{t('clv.card.model', { asOf: m.asOf })}</Link>}
    >
      {q.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(t, q.error)} />}
      {q.data && !m && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          data-testid="customer-clv-none"
          description={
            <Flex vertical>
              <Typography.Text strong>{t('clv.card.noModel')}</Typography.Text>
              <Link to="/analytics/clv">{t('clv.card.toPage')}</Link>
            </Flex>
          }
        />
      )}
      {m && !p && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          data-testid="customer-clv-unscored"
          description={t('clv.card.noPrediction', { asOf: m.asOf })}
        />
      )}
      {m && p && (
        <Row gutter={[16, 12]} data-testid="customer-clv-values">
          <Col span={12}>
            <Statistic
              title={t('clv.card.clv', { months: m.horizonMonths })}
              value={money(p.clvMinor, lng)}
              styles={{ content: { fontSize: 22 } }}
            />
            {p.clvMinor === null && (
              <Typography.Text type="secondary">{t('clv.card.noSpend')}</Typography.Text>
            )}
          </Col>
          <Col span={12}>
            <Typography.Text type="secondary">{t('clv.card.pAlive')}</Typography.Text>
            <Flex align="center" gap={8}>
              <Progress
                type="circle"
                size={48}
                percent={Math.round(p.pAlive * 100)}
                format={() => ''}
                strokeColor={p.pAlive >= 0.5 ? '#52c41a' : p.pAlive >= 0.2 ? '#faad14' : '#ff4d4f'}
              />
              <Typography.Text strong style={{ fontSize: 22 }} data-testid="customer-clv-alive">
                {percent(p.pAlive, lng)}
              </Typography.Text>
            </Flex>
          </Col>
          <Col span={12}>
            <Statistic
              title={t('clv.card.expectedPurchases', { months: m.horizonMonths })}
              value={decimal(p.expectedPurchases, lng, 2)}
              styles={{ content: { fontSize: 16 } }}
            />
          </Col>
          <Col span={12}>
            <Statistic
              title={t('clv.card.expectedSpend')}
              value={money(p.expectedSpendMinor, lng)}
              styles={{ content: { fontSize: 16 } }}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
