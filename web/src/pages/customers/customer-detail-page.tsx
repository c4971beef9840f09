import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Result, Row, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { getCustomer } from '../../api/customers';
import type { Customer } from '../../api/types';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { useCustomFieldDefs } from '../../hooks/use-reference-data';
import { PageHeader } from '../../layout/page-header';
import { NotFoundPage } from '../not-found-page';
import { CustomerPlaceholders } from './customer-placeholders';
import { AddressesCard } from './detail/addresses-card';
import { ContactsCard } from './detail/contacts-card';
import { FactsCard } from './detail/facts-card';
import { MergedBanner } from './detail/merged-banner';
import { PolicyCard } from './detail/policy-card';
import { ProfileCard } from './detail/profile-card';
import { TicketsCard } from './detail/tickets-card';
import { TierHistoryCard } from './detail/tier-history-card';
import { TimelineCard } from './detail/timeline-card';
import { EditCustomerDrawer } from './edit-customer-drawer';
import { TYPE_COLORS } from './labels';
import { LifecycleCard } from './lifecycle/lifecycle-card';
import { PortraitButton } from './portrait/portrait-link';

/** The customer 360 page: profile, contacts, addresses, timeline and facts of one customer. */
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
  // Keyed by id: moving to another customer starts every card afresh.
  return <CustomerDetail key={query.data.id} customer={query.data} />;
}

function CustomerDetail({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const defs = useCustomFieldDefs();
  const [editing, setEditing] = useState(false);
  const merged = c.status === 'merged';
  // A merged-away customer is kept only so its code resolves; its history lives on the survivor.
  const writable = can('customers.write') && !merged;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {c.name}
            <Tag color={TYPE_COLORS[c.type]}>{t(`customers.types.${c.type}`)}</Tag>
            {merged && <Tag color="warning">{t('customers.status.merged')}</Tag>}
          </Space>
        }
        subtitle={`${t('customers.fields.code')}: ${c.code}`}
        extra={
          <Space>
            <Link to="/customers">
              <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
            </Link>
            <PortraitButton customerId={c.id} />
            {writable && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                loading={defs.isLoading}
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      {merged && <MergedBanner customer={c} />}
      <ProfileCard customer={c} defs={defs.data ?? []} />
      <CustomerPlaceholders customerId={c.id} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ContactsCard customerId={c.id} writable={writable} />
            <AddressesCard customerId={c.id} writable={writable} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <TimelineCard customerId={c.id} />
        </Col>
      </Row>
      <FactsCard customerId={c.id} writable={writable} />
      <TierHistoryCard customerId={c.id} />
      <PolicyCard customer={c} />
      <TicketsCard customerId={c.id} />
      <LifecycleCard customer={c} writable={writable} />
      {/* Mounted only while open, so every edit starts from the customer as loaded now. */}
      {editing && defs.data && (
        <EditCustomerDrawer customer={c} open={editing} onClose={() => setEditing(false)} />
      )}
    </>
  );
}
