import { useQuery } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchPlans } from '../../../api/accounts';
import { errorMessage } from '../../../errors';

/** Visits planned and done this month for the customer, from the month's visit plan. */
export function PolicyVisits({ customerId, month }: { customerId: number; month: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['accounts', 'plans', month, 'customer', customerId],
    queryFn: () => fetchPlans(month, undefined, customerId),
  });
  const line = q.data?.items.find((i) => i.customerId === customerId);
  return (
    <Flex vertical gap={4} data-testid="policy-visits">
      <Typography.Text strong>{t('policy.customer.visits.title')}</Typography.Text>
      {q.isError && <Typography.Text type="danger">{errorMessage(t, q.error)}</Typography.Text>}
      {q.data &&
        (line ? (
          <Typography.Text>
            {t('policy.customer.visits.planned', { planned: line.planned, done: line.done })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">
            {t('policy.customer.visits.notPlanned')}
          </Typography.Text>
        ))}
    </Flex>
  );
}
