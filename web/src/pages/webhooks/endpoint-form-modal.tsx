import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createWebhook,
  type EndpointInput,
  KNOWN_EVENT_KINDS,
  updateWebhook,
  type WebhookEndpoint,
} from '../../api/webhooks';
import { applyFieldIssues, formBanner } from '../../errors';

const FIELDS = ['name', 'url', 'events', 'active'];

/**
 * Adds an endpoint (`editing` null) or changes one. A new endpoint's secret goes to `onSecret`,
 * to be shown once. The page mounts it only while open (keyed by the endpoint), so each opening
 * starts from a fresh form with the endpoint's values.
 */
export function EndpointFormModal({
  open,
  editing,
  onClose,
  onSecret,
}: {
  open: boolean;
  editing: WebhookEndpoint | null;
  onClose: () => void;
  onSecret: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<EndpointInput>();
  const [banner, setBanner] = useState<string>();

  const save = useMutation({
    mutationFn: (v: EndpointInput) =>
      editing ? updateWebhook(editing.id, { ...v, version: editing.version }) : createWebhook(v),
    onSuccess: (r) => {
      message.success(t('webhooks.form.saved'));
      void client.invalidateQueries({ queryKey: ['webhooks'] });
      onClose();
      if ('secret' in r && typeof r.secret === 'string') onSecret(r.secret);
    },
    onError: (e) => {
      applyFieldIssues(form, e, FIELDS);
      setBanner(formBanner(t, e, FIELDS));
    },
  });

  return (
    <Modal
      open={open}
      title={editing ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')}
      okText={t('webhooks.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'webhook-save' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Form<EndpointInput>
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                name: editing.name,
                url: editing.url,
                events: editing.events,
                active: editing.active,
              }
            : { name: '', url: '', events: ['automation.*'], active: true }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('webhooks.fields.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhooks.fields.url')}
          extra={t('webhooks.form.urlHelp')}
          rules={[{ required: true }]}
        >
          <Input placeholder="https://example.com/hooks/tierdesk" maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('webhooks.fields.events')}
          extra={t('webhooks.form.eventsHelp')}
          rules={[{ required: true }]}
        >
          <Select
            mode="tags"
            aria-label={t('webhooks.fields.events')}
            options={KNOWN_EVENT_KINDS.map((k) => ({ value: k, label: k }))}
          />
        </Form.Item>
        <Form.Item name="active" label={t('webhooks.fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
