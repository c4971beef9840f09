import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getCustomer, listCustomers } from '../../../api/customers';

/** A link to another customer by id, named once it has loaded. */
export function CustomerRef({ id }: { id: number }) {
  const q = useQuery({
    queryKey: ['customer', id],
    queryFn: () => getCustomer(id),
    staleTime: 60_000,
  });
  return (
    <Link to={`/customers/${id}`}>{q.data ? `${q.data.name} (${q.data.code})` : `#${id}`}</Link>
  );
}

/** Searches customers by name or code and picks one (not `excludeId`). */
export function CustomerPicker({
  value,
  onChange,
  excludeId,
  id,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  excludeId?: number;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['customers', { q, page: 1, pageSize: 20, picker: true }],
    queryFn: () => listCustomers({ q, page: 1, pageSize: 20 }),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }));
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      placeholder={t('facts.pickCustomer')}
      options={options}
      notFoundContent={found.isFetching ? undefined : t('facts.noCustomer')}
    />
  );
}
