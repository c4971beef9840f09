import { ClockCircleOutlined, CrownOutlined, LineChartOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Slot = 'tier' | 'sla' | 'lifetimeValue';

const SLOTS: { key: Slot; icon: ReactNode }[] = [
  { key: 'tier', icon: <CrownOutlined /> },
  { key: 'sla', icon: <ClockCircleOutlined /> },
  { key: 'lifetimeValue', icon: <LineChartOutlined /> },
];

/** Cards for what later capabilities show on a customer: tier, SLA, lifetime value. */
export function CustomerPlaceholders() {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {SLOTS.map(({ key, icon }) => (
        <Col key={key} xs={24} md={8}>
          <Card
            size="small"
            title={
              <span>
                {icon} {t(`customers.detail.${key}`)}
              </span>
            }
            style={{ height: '100%' }}
          >
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <Typography.Text strong>{t('customers.detail.notAvailable')}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {t(`customers.detail.${key}Hint`)}
                  </Typography.Text>
                </>
              }
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
