import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createMarketingActivity,
  type MarketingActivity,
  marketingActivities,
} from '../../../api/lifecycle';
import { errorMessage } from '../../../errors';
import { formatDate, todayIso } from '../../../format';

const KINDS = ['campaign', 'coupon', 'event', 'gift', 'call'] as const;

/**
 * Marketing activities planned for the customer. Leaving or gone customers get none: the
 * button is not offered, and the server refuses whoever asks anyway.
 */
export function MarketingPanel({
  customerId,
  writable,
  marketable,
}: {
  customerId: number;
  writable: boolean;
  marketable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['customer', customerId, 'marketing'],
    queryFn: () => marketingActivities(customerId),
  });
  const add = useMutation({
    mutationFn: (v: { kind: string; title: string; plannedOn: string }) =>
      createMarketingActivity(customerId, v),
    onSuccess: () => {
      setAdding(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['customer', customerId, 'marketing'] });
    },
  });
  return (
    <div data-testid="marketing-panel">
      {!marketable && (
        <Alert
          type="warning"
          showIcon
          title={t('lifecycle.marketing.blocked')}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<MarketingActivity>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('lifecycle.marketing.none') }}
        columns={[
          {
            title: t('lifecycle.marketing.kind'),
            dataIndex: 'kind',
            render: (k: MarketingActivity['kind']) => t(`lifecycle.marketing.kinds.${k}`),
          },
          { title: t('lifecycle.marketing.title'), dataIndex: 'title' },
          {
            title: t('lifecycle.marketing.plannedOn'),
            dataIndex: 'plannedOn',
            render: (v: string) => formatDate(v, i18n.language),
          },
        ]}
      />
      {writable && marketable && (
        <Button
          style={{ marginTop: 8 }}
          onClick={() => {
            form.setFieldsValue({ kind: 'coupon', plannedOn: todayIso() });
            setAdding(true);
          }}
        >
          {t('lifecycle.marketing.add')}
        </Button>
      )}
      <Modal
        open={adding}
        title={t('lifecycle.marketing.add')}
        okText={t('lifecycle.confirm')}
        cancelText={t('lifecycle.close')}
        confirmLoading={add.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
      >
        {add.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, add.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="kind" label={t('lifecycle.marketing.kind')}>
            <Select
              options={KINDS.map((k) => ({ value: k, label: t(`lifecycle.marketing.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('lifecycle.marketing.title')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="plannedOn"
            label={t('lifecycle.marketing.plannedOn')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
