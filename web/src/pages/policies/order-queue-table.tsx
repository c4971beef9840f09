import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listQueue, moveOrder, type OrderStatus, type QueuedOrder } from '../../api/orders';
import { getCatalog } from '../../api/policies';
import { errorMessage } from '../../errors';
import { formatDate, formatDateTime, formatMoney, localized } from '../../format';

const STATUSES: OrderStatus[] = ['queued', 'in_production', 'done', 'cancelled'];

/** Where an order may go next, as buttons. */
const NEXT: Record<OrderStatus, { to: OrderStatus; label: 'start' | 'done' | 'cancel' }[]> = {
  queued: [
    { to: 'in_production', label: 'start' },
    { to: 'cancelled', label: 'cancel' },
  ],
  in_production: [
    { to: 'done', label: 'done' },
    { to: 'cancelled', label: 'cancel' },
  ],
  done: [],
  cancelled: [],
};

/** The order queue in the order work is taken, with status actions. */
export function OrderQueueTable() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<OrderStatus | undefined>();
  // Term names come from the catalog in force; an id no longer on the ladder shows as is.
  const catalog = useQuery({
    queryKey: ['policies', 'catalog', undefined],
    queryFn: () => getCatalog(),
  });
  const termName = (id: string) => {
    const term = catalog.data?.catalog.paymentTerms.find((x) => x.id === id);
    return term ? localized(term.name.zh, term.name.en, i18n.language) : id;
  };
  const queue = useQuery({
    queryKey: ['orders', 'queue', status],
    queryFn: () => listQueue(status),
  });
  const move = useMutation({
    mutationFn: (v: { o: QueuedOrder; to: OrderStatus }) => moveOrder(v.o.id, v.to, v.o.version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orders', 'queue'] }),
    onError: (e) => message.error(errorMessage(t, e)),
  });
  return (
    <Card
      size="small"
      title={t('policy.orders.queue')}
      extra={
        <Select
          allowClear
          style={{ minWidth: 140 }}
          aria-label={t('policy.orders.status')}
          placeholder={t('policy.orders.allOpen')}
          value={status}
          onChange={(v) => setStatus(v ?? undefined)}
          options={STATUSES.map((s) => ({ value: s, label: t(`policy.orders.statuses.${s}`) }))}
        />
      }
    >
      {queue.isError && <Alert type="error" showIcon title={errorMessage(t, queue.error)} />}
      <Table<QueuedOrder>
        size="small"
        rowKey="id"
        data-testid="order-queue"
        loading={queue.isLoading}
        dataSource={queue.data ?? []}
        locale={{ emptyText: t('policy.orders.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={[
          { title: t('policy.orders.position'), dataIndex: 'position', width: 50 },
          {
            title: t('policy.orders.customer'),
            render: (_, o) => (
              <Link to={`/customers/${o.customerId}`}>
                {o.customerCode} {o.customerName}
              </Link>
            ),
          },
          {
            title: t('policy.orders.tier'),
            render: (_, o) => (
              <Space size={4}>
                <Tag>{o.tier}</Tag>
                {o.rush && <Tag color="volcano">{t('policy.orders.rush')}</Tag>}
                {o.strictReview && <Tag color="red">{t('policy.orders.strict')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('policy.orders.score'),
            dataIndex: 'score',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
          },
          {
            title: t('policy.orders.total'),
            dataIndex: 'requestedTotalMinor',
            align: 'right',
            render: (v: number) => formatMoney(v, i18n.language),
          },
          {
            title: t('policy.orders.paymentTerm'),
            dataIndex: 'paymentTerm',
            render: (v: string) => termName(v),
          },
          {
            title: t('policy.orders.deliveryDate'),
            dataIndex: 'deliveryDate',
            render: (v: string) => formatDate(v, i18n.language),
          },
          {
            title: t('policy.orders.status'),
            dataIndex: 'status',
            render: (s: OrderStatus) => t(`policy.orders.statuses.${s}`),
          },
          {
            title: t('policy.orders.submittedAt'),
            render: (_, o) =>
              `${formatDateTime(o.createdAt, i18n.language)} ${o.createdByName ?? ''}`,
          },
          {
            title: t('policy.orders.actions'),
            render: (_, o) => (
              <Space size={4}>
                {NEXT[o.status].map((n) => (
                  <Button
                    key={n.to}
                    size="small"
                    danger={n.to === 'cancelled'}
                    loading={move.isPending && move.variables?.o.id === o.id}
                    onClick={() => move.mutate({ o, to: n.to })}
                  >
                    {t(`policy.orders.${n.label}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
