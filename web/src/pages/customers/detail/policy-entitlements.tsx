import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { EntitlementBalance } from '../../../api/entitlements';
import { errorMessage } from '../../../errors';
import { localized } from '../../../format';

/** GET /api/customers/:id/entitlements: the tier's entitlements with this period's balances. */
async function customerEntitlements(customerId: number): Promise<EntitlementBalance[]> {
  return (
    await api.get<{ entitlements: EntitlementBalance[] }>(
      `/api/customers/${customerId}/entitlements`,
    )
  ).entitlements;
}

/** The customer's entitlements with what is left of each in the current period. */
export function PolicyEntitlements({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['customers', customerId, 'entitlements'],
    queryFn: () => customerEntitlements(customerId),
  });
  return (
    <Flex vertical gap={4} data-testid="policy-entitlements">
      <Typography.Text strong>{t('policy.customer.entitlements.title')}</Typography.Text>
      {q.isError && <Typography.Text type="danger">{errorMessage(t, q.error)}</Typography.Text>}
      {q.data?.length === 0 && (
        <Typography.Text type="secondary">{t('policy.customer.entitlements.none')}</Typography.Text>
      )}
      <Flex gap={4} wrap>
        {(q.data ?? []).map((e) => (
          <Tag key={e.key} color={e.remaining === 0 ? 'default' : 'blue'}>
            {localized(e.name.zh, e.name.en, i18n.language)}:{' '}
            {e.remaining === null || e.quantity === null
              ? t('policy.customer.entitlements.unlimited')
              : t('policy.customer.entitlements.remaining', {
                  remaining: e.remaining,
                  quantity: e.quantity,
                })}{' '}
            {t(`policy.period.${e.period}`)}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
