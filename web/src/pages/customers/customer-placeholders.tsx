import { CrownOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type CustomerTier, listCustomerTiers } from '../../api/tiering';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { ClvCard } from './detail/clv-card';

const CARD_STYLE = { height: '100%' };

/** The service-tier scheme first, then the others by name, so the tier that counts leads. */
function ordered(items: CustomerTier[], en: boolean): CustomerTier[] {
  const name = (x: CustomerTier) => (en ? x.schemeName.en : x.schemeName.zh);
  return [...items].sort(
    (a, b) => Number(b.serviceTier) - Number(a.serviceTier) || name(a).localeCompare(name(b)),
  );
}

/** One scheme's line: the published tier and the latest run's tier, linked to the run. */
function TierLine({ item, en }: { item: CustomerTier; en: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const run = item.latestRun;
  return (
    <Flex vertical gap={2} data-testid={`customer-tier-${item.schemeKey}`}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{en ? item.schemeName.en : item.schemeName.zh}</Typography.Text>
        {item.serviceTier && (
          <Tag icon={<CrownOutlined />} color="gold">
            {t('tiering.schemes.serviceTier')}
          </Tag>
        )}
      </Flex>
      <Typography.Text>
        {t('customers.detail.tierPublished')}:{' '}
        {item.published ? (
          <Tag color="blue">{en ? item.published.tierName.en : item.published.tierName.zh}</Tag>
        ) : (
          <Typography.Text type="secondary">
            {t('customers.detail.tierNotPublished')}
          </Typography.Text>
        )}
        {item.upcoming && (
          <Tag color="purple">
            {t('customers.detail.tierUpcoming', {
              tier: en ? item.upcoming.tierName.en : item.upcoming.tierName.zh,
              date: item.upcoming.from,
            })}
          </Tag>
        )}
      </Typography.Text>
      {run &&
        (can('tiering.read') ? (
          <Link to={`/tiering/runs/${run.runId}`}>
            {t('customers.detail.tierLatestRun', {
              tier: en ? run.tierName.en : run.tierName.zh,
              asOf: run.asOf,
            })}
          </Link>
        ) : (
          <Typography.Text>
            {t('customers.detail.tierLatestRun', {
              tier: en ? run.tierName.en : run.tierName.zh,
              asOf: run.asOf,
            })}
          </Typography.Text>
        ))}
    </Flex>
  );
}

/** The customer's tiers in every scheme that placed them, the service tier first. */
function TierCard({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const tiers = useQuery({
    queryKey: ['customer', customerId, 'tiers'],
    queryFn: () => listCustomerTiers(customerId),
  });
  const en = i18n.language.startsWith('en');
  const items = ordered(tiers.data ?? [], en);
  return (
    <Card
      size="small"
      title={
        <span>
          <CrownOutlined /> {t('customers.detail.tier')}
        </span>
      }
      style={CARD_STYLE}
      data-testid="customer-tiers"
    >
      {tiers.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {tiers.isError && <Alert type="error" showIcon title={errorMessage(t, tiers.error)} />}
      {tiers.data && items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.detail.noTiers')} />
      )}
      <Flex vertical gap={12}>
        {items.map((item) => (
          <TierLine key={item.schemeId} item={item} en={en} />
        ))}
      </Flex>
    </Card>
  );
}

/**
 * Cards across the customer page: the customer's tiers (anyone who may read the customer may
 * see them; the link to the run needs tiering.read) and, for holders of analytics.read, the
 * lifetime value and P(alive) of the newest CLV model. Service tickets and their SLA have their
 * own card further down.
 */
export function CustomerPlaceholders({ customerId }: { customerId: number }) {
  const { can } = useAuth();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <TierCard customerId={customerId} />
      </Col>
      {can('analytics.read') && (
        <Col xs={24} md={12}>
          <ClvCard customerId={customerId} />
        </Col>
      )}
    </Row>
  );
}
