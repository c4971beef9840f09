import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteWebhook,
  listWebhooks,
  rotateWebhookSecret,
  sendWebhookTest,
  type WebhookEndpoint,
} from '../../api/webhooks';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { ChannelsPanel } from './channels-panel';
import { DeliveriesDrawer } from './deliveries-drawer';
import { EndpointFormModal } from './endpoint-form-modal';
import { SecretModal } from './secret-modal';
import { DeliveryStatusTag } from './status-tag';

/**
 * Webhook endpoints: who hears which events, the secret that signs the calls (shown once), a
 * test event, and each endpoint's delivery log; plus whether e-mail is configured.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['webhooks', 'endpoints'], queryFn: listWebhooks });
  const [editing, setEditing] = useState<WebhookEndpoint | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['webhooks'] });
  const fail = (e: unknown) => message.error(errorMessage(t, e));

  const test = useMutation({
    mutationFn: (e: WebhookEndpoint) => sendWebhookTest(e.id).then(() => e),
    onSuccess: (e) => {
      message.success(t('webhooks.test.queued'));
      refresh();
      setLogOf(e);
    },
    onError: fail,
  });
  const rotate = useMutation({
    mutationFn: rotateWebhookSecret,
    onSuccess: (r) => {
      refresh();
      setSecret(r.secret);
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: deleteWebhook,
    onSuccess: () => {
      message.success(t('webhooks.deleted'));
      refresh();
    },
    onError: fail,
  });

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="webhook-create"
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('webhooks.create')}
          </Button>
        }
      />
      <ChannelsPanel />
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<WebhookEndpoint>
        data-testid="webhooks-table"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('webhooks.none') }}
        columns={[
          { title: t('webhooks.fields.name'), dataIndex: 'name' },
          {
            title: t('webhooks.fields.url'),
            dataIndex: 'url',
            render: (v: string) => (
              <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: t('webhooks.fields.events'),
            dataIndex: 'events',
            render: (v: string[]) => v.map((k) => <Tag key={k}>{k}</Tag>),
          },
          {
            title: t('webhooks.fields.active'),
            dataIndex: 'active',
            render: (v: boolean) => (
              <Tag color={v ? 'green' : 'default'}>{v ? t('webhooks.on') : t('webhooks.off')}</Tag>
            ),
          },
          {
            title: t('webhooks.lastDelivery'),
            dataIndex: 'lastDelivery',
            render: (v: WebhookEndpoint['lastDelivery']) =>
              v ? <DeliveryStatusTag status={v.status} /> : '—',
          },
          {
            title: '',
            key: 'actions',
            render: (_v, e) => (
              <Space wrap size={4}>
                <Button size="small" onClick={() => setLogOf(e)}>
                  {t('webhooks.actions.log')}
                </Button>
                <Button
                  size="small"
                  disabled={!e.active}
                  loading={test.isPending && test.variables?.id === e.id}
                  onClick={() => test.mutate(e)}
                >
                  {t('webhooks.actions.test')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(e);
                    setFormOpen(true);
                  }}
                >
                  {t('webhooks.actions.edit')}
                </Button>
                <Popconfirm
                  title={t('webhooks.actions.rotateConfirm')}
                  onConfirm={() => rotate.mutate(e.id)}
                  okText={t('webhooks.actions.rotate')}
                  cancelText={t('common.cancel')}
                >
                  <Button size="small">{t('webhooks.actions.rotate')}</Button>
                </Popconfirm>
                <Popconfirm
                  title={t('webhooks.actions.deleteConfirm')}
                  onConfirm={() => remove.mutate(e.id)}
                  okText={t('webhooks.actions.delete')}
                  cancelText={t('common.cancel')}
                >
                  <Button size="small" danger>
                    {t('webhooks.actions.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {formOpen && (
        <EndpointFormModal
          key={editing?.id ?? 'new'}
          open
          editing={editing}
          onClose={() => setFormOpen(false)}
          onSecret={setSecret}
        />
      )}
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
      <DeliveriesDrawer endpoint={logOf} onClose={() => setLogOf(null)} />
    </>
  );
}
