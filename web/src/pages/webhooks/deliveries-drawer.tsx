import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DeliveryStatus,
  getDelivery,
  listDeliveries,
  redeliver,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../../api/webhooks';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { DeliveryStatusTag } from './status-tag';

const STATUSES: DeliveryStatus[] = ['queued', 'delivering', 'delivered', 'failed'];

/** Every attempt of one delivery (loaded when its row is expanded). */
function AttemptLog({ deliveryId }: { deliveryId: number }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['webhooks', 'delivery', deliveryId],
    queryFn: () => getDelivery(deliveryId),
  });
  return (
    <Table
      size="small"
      rowKey="attempt"
      pagination={false}
      loading={q.isLoading}
      dataSource={q.data?.attemptLog ?? []}
      locale={{ emptyText: t('webhooks.log.noAttempts') }}
      columns={[
        { title: '#', dataIndex: 'attempt', width: 48 },
        {
          title: t('webhooks.log.at'),
          dataIndex: 'at',
          render: (v: string) => formatDateTime(v, i18n.language),
        },
        { title: t('webhooks.log.code'), dataIndex: 'statusCode', render: (v) => v ?? '—' },
        {
          title: t('webhooks.log.duration'),
          dataIndex: 'durationMs',
          render: (v: number) => `${v} ms`,
        },
        { title: t('webhooks.log.error'), dataIndex: 'error', render: (v) => v ?? '—' },
      ]}
    />
  );
}

/** The delivery log of one endpoint: status, attempts, last answer, and redelivery. */
export function DeliveriesDrawer({
  endpoint,
  onClose,
}: {
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [page, setPage] = useState(1);
  const id = endpoint?.id;
  const log = useQuery({
    queryKey: ['webhooks', 'deliveries', id, status, page],
    queryFn: () => listDeliveries(id!, { ...(status ? { status } : {}), page }),
    enabled: id !== undefined,
  });
  const again = useMutation({
    mutationFn: redeliver,
    onSuccess: () => {
      message.success(t('webhooks.log.redelivered'));
      void client.invalidateQueries({ queryKey: ['webhooks'] });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  return (
    <Drawer
      open={endpoint !== null}
      onClose={onClose}
      size="large"
      title={t('webhooks.log.title', { name: endpoint?.name ?? '' })}
      destroyOnHidden
    >
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('webhooks.log.allStatuses')}
          aria-label={t('webhooks.log.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`webhooks.status.${s}`) }))}
        />
        <Button
          icon={<ReloadOutlined />}
          data-testid="deliveries-refresh"
          onClick={() => void client.invalidateQueries({ queryKey: ['webhooks'] })}
        >
          {t('webhooks.log.refresh')}
        </Button>
      </Flex>
      {log.isError && <Alert type="error" showIcon title={errorMessage(t, log.error)} />}
      <Table<WebhookDelivery>
        data-testid="deliveries-table"
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t('webhooks.log.none') }}
        pagination={{
          current: page,
          pageSize: log.data?.pageSize ?? 20,
          total: log.data?.total ?? 0,
          onChange: setPage,
        }}
        expandable={{ expandedRowRender: (r) => <AttemptLog deliveryId={r.id} /> }}
        columns={[
          {
            title: t('webhooks.log.at'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          { title: t('webhooks.log.kind'), dataIndex: 'kind' },
          {
            title: t('webhooks.log.status'),
            dataIndex: 'status',
            render: (v: DeliveryStatus) => <DeliveryStatusTag status={v} />,
          },
          { title: t('webhooks.log.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: t('webhooks.log.code'),
            dataIndex: 'lastStatusCode',
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('webhooks.log.duration'),
            dataIndex: 'lastDurationMs',
            render: (v: number | null) => (v === null ? '—' : `${v} ms`),
          },
          {
            title: t('webhooks.log.error'),
            dataIndex: 'lastError',
            render: (v: string | null, r) => (
              <>
                {v && (
                  <Typography.Text
                    type="danger"
                    ellipsis={{ tooltip: v }}
                    style={{ maxWidth: 220 }}
                  >
                    {v}
                  </Typography.Text>
                )}
                {r.status === 'queued' && r.nextAttemptAt && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {t('webhooks.log.next', { at: formatDateTime(r.nextAttemptAt, i18n.language) })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_v, r) =>
              r.status === 'delivered' || r.status === 'failed' ? (
                <Button size="small" loading={again.isPending} onClick={() => again.mutate(r.id)}>
                  {t('webhooks.log.redeliver')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}
