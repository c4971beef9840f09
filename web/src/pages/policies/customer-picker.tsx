import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCustomers } from '../../api/customers';
import { useDebounced } from '../tiering/use-debounced';

/**
 * Picks a customer by code or name, searching the customer list as one types. With `code`
 * (e.g. from a link on the customer page), the customer with exactly that code is picked once
 * the search finds it.
 */
export function CustomerPicker({
  value,
  onChange,
  code,
}: {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  code?: string | null | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(code ?? '');
  const q = useDebounced(text, 250);
  const found = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: () => listCustomers({ q: q || undefined, page: 1, pageSize: 20, sort: 'code' }),
  });
  // Applied once only, so clearing the picker afterwards is not undone.
  const preselected = useRef(false);
  useEffect(() => {
    if (preselected.current || !code || value !== undefined || !found.data) return;
    preselected.current = true;
    const match = found.data.items.find((c) => c.code === code);
    if (match) onChange(match.id);
  }, [code, value, found.data, onChange]);
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
