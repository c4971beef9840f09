import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getCustomer } from '../../../api/customers';
import type { Customer } from '../../../api/types';

/** Says that this customer was merged away and links to the survivor. */
export function MergedBanner({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const survivorId = customer.mergedIntoId;
  const survivor = useQuery({
    queryKey: ['customer', survivorId],
    queryFn: () => getCustomer(survivorId ?? 0),
    enabled: survivorId !== null,
  });
  const name = survivor.data ? `${survivor.data.name} (${survivor.data.code})` : `#${survivorId}`;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('customers.detail.mergedTitle')}
      description={
        survivorId === null ? (
          t('customers.detail.mergedNoSurvivor')
        ) : (
          <Trans
            i18nKey="customers.detail.mergedInto"
            values={{ name }}
            components={{ survivor: <Link to={`/customers/${survivorId}`} /> }}
          />
        )
      }
    />
  );
}
