import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { getCustomer } from '../../api/customers';
import type { Customer } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../layout/PageHeader';
import { NotFoundPage } from '../NotFoundPage';
import { CustomerPlaceholders } from './CustomerPlaceholders';
import { EditCustomerDrawer } from './EditCustomerDrawer';
import { TYPE_COLORS } from './labels';

/** One customer's profile, an edit panel, and cards that later capabilities fill. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const query = useQuery({
    queryKey: ['customer', id],
    queryFn: () => getCustomer(id),
    enabled: valid,
  });

  if (!valid) return <NotFoundPage />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('customers.detail.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : errorMessage(t, query.error)}
        extra={
          <Link to="/customers">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!query.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <CustomerDetail customer={query.data} />;
}

function CustomerDetail({ customer: c }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const none = t('common.none');

  return (
    <>
      <PageHeader
        title={
          <Space>
            {c.name}
            <Tag color={TYPE_COLORS[c.type]}>{t(`customers.types.${c.type}`)}</Tag>
          </Space>
        }
        subtitle={`${t('customers.fields.code')}: ${c.code}`}
        extra={
          <Space>
            <Link to="/customers">
              <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
            </Link>
            {can('customers.write') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Card title={t('customers.detail.profile')} style={{ marginBottom: 16 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: t('customers.fields.code'), children: c.code },
            { key: 'name', label: t('customers.fields.name'), children: c.name },
            {
              key: 'type',
              label: t('customers.fields.type'),
              children: t(`customers.types.${c.type}`),
            },
            {
              key: 'size',
              label: t('customers.fields.size'),
              children: c.size ? t(`customers.sizes.${c.size}`) : none,
            },
            {
              key: 'industry',
              label: t('customers.fields.industry'),
              children: c.industry ?? none,
            },
            { key: 'region', label: t('customers.fields.region'), children: c.region ?? none },
            {
              key: 'province',
              label: t('customers.fields.province'),
              children: c.province ?? none,
            },
            { key: 'city', label: t('customers.fields.city'), children: c.city ?? none },
            { key: 'owner', label: t('customers.fields.owner'), children: c.ownerName ?? none },
            {
              key: 'createdAt',
              label: t('customers.fields.createdAt'),
              children: formatDateTime(c.createdAt, i18n.language),
            },
            {
              key: 'updatedAt',
              label: t('customers.fields.updatedAt'),
              children: formatDateTime(c.updatedAt, i18n.language),
            },
            { key: 'version', label: t('customers.fields.version'), children: c.version },
          ]}
        />
      </Card>
      <CustomerPlaceholders />
      {/* Mounted only while open, so every edit starts from the customer as loaded now. */}
      {editing && (
        <EditCustomerDrawer customer={c} open={editing} onClose={() => setEditing(false)} />
      )}
    </>
  );
}
