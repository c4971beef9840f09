import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { requestBlacklist } from '../../api/feedback';
import { applyFieldIssues, formBanner } from '../../errors';

export interface BlacklistTarget {
  customerId: number;
  customerName: string;
  action: 'add' | 'remove';
  feedbackIds: number[];
}

const FIELDS = ['reason', 'ticketIds'];

/** Asks for a customer to be put on (or taken off) the blacklist, with reason and evidence. */
export function BlacklistRequestModal({
  target,
  onClose,
}: {
  target: BlacklistTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string; ticketIds?: string }>();
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);
  const send = useMutation({
    mutationFn: (v: { reason: string; ticketIds?: string }) =>
      requestBlacklist({
        customerId: target?.customerId ?? 0,
        action: target?.action ?? 'add',
        reason: v.reason,
        feedbackIds: target?.feedbackIds ?? [],
        ticketIds: (v.ticketIds ?? '')
          .split(/[,，\s]+/)
          .filter(Boolean)
          .map(Number),
      }),
    onSuccess: () => {
      message.success(t('feedback.blacklist.requested'));
      void qc.invalidateQueries({ queryKey: ['blacklist-requests'] });
      onClose();
    },
    onError: (e) => applyFieldIssues(form, e, FIELDS),
  });
  return (
    <Modal
      open={target !== null}
      title={target ? t(`feedback.blacklist.actions.${target.action}`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={send.isPending}
    >
      <Typography.Paragraph>{target?.customerName}</Typography.Paragraph>
      {send.isError && <Alert type="error" showIcon title={formBanner(t, send.error, FIELDS)} />}
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('feedback.blacklist.reason')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        {target?.action === 'add' && (
          <Form.Item name="ticketIds" label={t('feedback.blacklist.ticketIds')}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
