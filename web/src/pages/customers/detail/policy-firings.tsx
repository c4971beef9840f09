import { useQuery } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listFirings } from '../../../api/automation';
import { errorMessage } from '../../../errors';
import { formatDateTime } from '../../../format';

/** How many of the latest firings the card shows; the automation page has them all. */
const LATEST = 5;

/** The latest automation rule firings for the customer: rule, period and when. */
export function PolicyFirings({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['automation', 'firings', { customerId, pageSize: LATEST }],
    queryFn: () => listFirings({ customerId, page: 1, pageSize: LATEST }),
  });
  return (
    <Flex vertical gap={4} data-testid="policy-firings">
      <Typography.Text strong>{t('policy.customer.firings.title')}</Typography.Text>
      {q.isError && <Typography.Text type="danger">{errorMessage(t, q.error)}</Typography.Text>}
      {q.data?.items.length === 0 && (
        <Typography.Text type="secondary">{t('policy.customer.firings.none')}</Typography.Text>
      )}
      {(q.data?.items ?? []).map((f) => (
        <Flex key={f.id} gap={8} wrap>
          <Typography.Text>{t(`automation.rule.${f.rule}.name`)}</Typography.Text>
          <Typography.Text type="secondary">
            {f.period} · {formatDateTime(f.firedAt, i18n.language)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
