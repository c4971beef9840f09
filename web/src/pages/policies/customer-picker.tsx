import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCustomers } from '../../api/customers';
import { useDebounced } from '../tiering/use-debounced';

/** Picks a customer by code or name, searching the customer list as one types. */
export function CustomerPicker({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: () => listCustomers({ q: q || undefined, page: 1, pageSize: 20, sort: 'code' }),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      data-testid="order-customer"
      aria-label={t('policy.orders.customer')}
      placeholder={t('policy.orders.customerPlaceholder')}
      style={{ minWidth: 320 }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.code} ${c.name}`,
      }))}
    />
  );
}
