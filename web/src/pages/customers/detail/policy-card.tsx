import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type CustomerPolicy, getCustomerPolicy } from '../../../api/policies';
import type { Customer } from '../../../api/types';
import { useAuth } from '../../../auth/auth-provider';
import { errorMessage } from '../../../errors';
import { formatScore } from '../../tiering/labels';
import { PolicyEntitlements } from './policy-entitlements';
import { PolicyFirings } from './policy-firings';
import { PolicyPaymentTerm } from './policy-payment-term';
import { customerPolicyKey } from './policy-term-adjustments';
import { PolicyVisits } from './policy-visits';
import { PolicyWords } from './policy-words';

/** The tier in force, since when, and which catalog version its policy comes from. */
function TierLine({ p }: { p: CustomerPolicy }) {
  const { t } = useTranslation();
  if (!p.tier)
    return (
      <Typography.Text type="secondary" data-testid="policy-no-tier">
        {p.schemeId === null ? t('policy.catalog.noScheme') : t('policy.customer.noTier')}
      </Typography.Text>
    );
  return (
    <Flex gap={8} align="center" wrap data-testid="policy-tier">
      <Tag color="blue">{t('policy.customer.tierInForce', { tier: p.tier })}</Tag>
      {p.since && (
        <Typography.Text>{t('policy.customer.since', { date: p.since })}</Typography.Text>
      )}
      {p.score !== null && (
        <Typography.Text type="secondary">
          {t('policy.customer.score', { score: formatScore(p.score) })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">
        ·{' '}
        {p.catalogVersion === null
          ? t('policy.customer.catalogSeed')
          : t('policy.customer.catalogVersion', { version: p.catalogVersion })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * "Policy & service": what the customer's service tier gets them today, in plain words; the
 * payment term after any adjustment (with their reasons, revocable); entitlements left, the
 * latest automation firings and this month's visits; and a link to check an order.
 */
export function PolicyCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const q = useQuery({
    queryKey: customerPolicyKey(customer.id),
    queryFn: () => getCustomerPolicy(customer.id),
  });
  const p = q.data;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="policy-card"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('policy.customer.title')}
        </span>
      }
      extra={
        <Link
          to={`/policies/orders?customer=${encodeURIComponent(customer.code)}`}
          data-testid="policy-check-order"
        >
          <Button size="small">{t('policy.customer.checkOrder')}</Button>
        </Link>
      }
    >
      {q.isError && <Alert type="error" showIcon title={errorMessage(t, q.error)} />}
      {q.isLoading && <Skeleton active paragraph={{ rows: 3 }} />}
      {p && (
        <Flex vertical gap={12}>
          <TierLine p={p} />
          {p.policy && <PolicyWords policy={p.policy} />}
          {p.policy && <PolicyPaymentTerm policy={p} mayManage={can('policies.manage')} />}
          {p.policy && (
            <>
              <Divider style={{ margin: '4px 0' }} />
              <Flex gap={32} wrap align="flex-start">
                <PolicyEntitlements customerId={customer.id} />
                <PolicyVisits customerId={customer.id} month={p.today.slice(0, 7)} />
              </Flex>
            </>
          )}
          <PolicyFirings customerId={customer.id} />
        </Flex>
      )}
    </Card>
  );
}
