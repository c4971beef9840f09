import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listContacts, removeContact } from '../../../api/contacts';
import type { Contact } from '../../../api/types';
import { errorMessage } from '../../../errors';
import { ContactModal } from './contact-modal';

/** Personal data, marked with a lock when the reader sees it masked. */
function Personal({ value, masked }: { value: string | null; masked: boolean }) {
  const { t } = useTranslation();
  if (!value) return t('common.none');
  if (!masked) return value;
  return (
    <Tooltip title={t('contacts.maskedTip')}>
      <span>
        <LockOutlined style={{ color: '#8c8c8c', marginInlineEnd: 4 }} />
        {value}
      </span>
    </Tooltip>
  );
}

/** A customer's contacts: list, add, edit, remove. */
export function ContactsCard({ customerId, writable }: { customerId: number; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['contacts', customerId];
  const contacts = useQuery({ queryKey: key, queryFn: () => listContacts(customerId) });
  // undefined: closed; null: adding; a contact: editing it.
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);

  const remove = useMutation({
    mutationFn: (id: number) => removeContact(id),
    onSuccess: () => {
      message.success(t('contacts.removed'));
      queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  const none = t('common.none');
  const columns: TableProps<Contact>['columns'] = [
    {
      key: 'name',
      title: t('contacts.fields.name'),
      width: 150,
      render: (_, c) => (
        <Space size={4} wrap>
          {c.name}
          {c.isPrimary && <Tag color="blue">{t('contacts.primary')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'title',
      dataIndex: 'title',
      title: t('contacts.fields.title'),
      render: (v) => v ?? none,
    },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('contacts.fields.role'),
      width: 110,
      render: (v: Contact['role']) => (v ? t(`contacts.roles.${v}`) : none),
    },
    {
      key: 'phone',
      title: t('contacts.fields.phone'),
      width: 140,
      render: (_, c) => <Personal value={c.phone} masked={c.masked} />,
    },
    {
      key: 'email',
      title: t('contacts.fields.email'),
      width: 220,
      render: (_, c) => <Personal value={c.email} masked={c.masked} />,
    },
    {
      key: 'idNumber',
      title: t('contacts.fields.idNumber'),
      width: 170,
      render: (_, c) => <Personal value={c.idNumber} masked={c.masked} />,
    },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 96,
      render: (_, c) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('contacts.editNamed', { name: c.name })}
            onClick={() => setEditing(c)}
          />
          <Popconfirm
            title={t('contacts.removeConfirm', { name: c.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(c.id)}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('contacts.removeNamed', { name: c.name })}
            />
          </Popconfirm>
        </Space>
      ),
    });
  }

  const anyMasked = contacts.data?.some((c) => c.masked) ?? false;
  return (
    <Card
      title={t('contacts.title')}
      extra={
        writable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('contacts.add')}
          </Button>
        )
      }
    >
      {contacts.isError && <Alert type="error" showIcon title={errorMessage(t, contacts.error)} />}
      {anyMasked && (
        <Typography.Paragraph type="secondary" data-testid="contacts-masked-hint">
          <LockOutlined /> {t('contacts.maskedHint')}
        </Typography.Paragraph>
      )}
      <Table<Contact>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={contacts.data ?? []}
        loading={contacts.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contacts.empty') }}
      />
      {editing !== undefined && (
        <ContactModal
          customerId={customerId}
          contact={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
