import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAddresses, removeAddress } from '../../../api/contacts';
import type { Address } from '../../../api/types';
import { errorMessage } from '../../../errors';
import { AddressModal } from './address-modal';

const KIND_COLORS: Record<Address['kind'], string> = {
  head_office: 'blue',
  branch: 'cyan',
  billing: 'gold',
  shipping: 'green',
};

/** A customer's addresses (head office, branches, billing, shipping). */
export function AddressesCard({ customerId, writable }: { customerId: number; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['addresses', customerId];
  const addresses = useQuery({ queryKey: key, queryFn: () => listAddresses(customerId) });
  const [adding, setAdding] = useState(false);

  const remove = useMutation({
    mutationFn: (id: number) => removeAddress(id),
    onSuccess: () => {
      message.success(t('addresses.removed'));
      queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  const none = t('common.none');
  const columns: TableProps<Address>['columns'] = [
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('addresses.fields.kind'),
      width: 96,
      render: (k: Address['kind']) => <Tag color={KIND_COLORS[k]}>{t(`addresses.kinds.${k}`)}</Tag>,
    },
    {
      key: 'label',
      dataIndex: 'label',
      title: t('addresses.fields.label'),
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'region',
      title: t('addresses.fields.region'),
      render: (_, a) => [a.province, a.city, a.district].filter(Boolean).join(' ') || none,
    },
    {
      key: 'regionCode',
      dataIndex: 'regionCode',
      title: t('addresses.fields.regionCode'),
      width: 110,
      render: (v: string | null) => v ?? none,
    },
    { key: 'line', dataIndex: 'line', title: t('addresses.fields.line'), ellipsis: true },
    {
      key: 'postalCode',
      dataIndex: 'postalCode',
      title: t('addresses.fields.postalCode'),
      width: 90,
      render: (v: string | null) => v ?? none,
    },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 64,
      render: (_, a) => (
        <Popconfirm
          title={t('addresses.removeConfirm')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutateAsync(a.id)}
        >
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('addresses.remove')}
          />
        </Popconfirm>
      ),
    });
  }

  return (
    <Card
      title={t('addresses.title')}
      extra={
        writable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('addresses.add')}
          </Button>
        )
      }
    >
      {addresses.isError && (
        <Alert type="error" showIcon title={errorMessage(t, addresses.error)} />
      )}
      <Table<Address>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={addresses.data ?? []}
        loading={addresses.isLoading}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('addresses.empty') }}
      />
      {adding && <AddressModal customerId={customerId} onClose={() => setAdding(false)} />}
    </Card>
  );
}
