import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Select, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  customerTerminations,
  requestTermination,
  type Termination,
  terminationStep,
} from '../../../api/lifecycle';
import { useAuth } from '../../../auth/auth-provider';
import { errorMessage } from '../../../errors';
import { formatDate, todayIso } from '../../../format';

type Step = Parameters<typeof terminationStep>[1];

/** What a step dialog asks for: a reason, a note, or the notice details. */
interface Ask {
  step: Step | 'request';
  body?: Record<string, unknown>;
  fields: ('reason' | 'note' | 'notice')[];
}

/**
 * The termination of the relationship (seed 001 §4): request with a reason, senior approval,
 * advance notice recorded, open orders and contracts finished, account settled, then done;
 * shown as steps with the action that comes next for whoever may take it.
 */
export function TerminationPanel({
  customerId,
  writable,
}: {
  customerId: number;
  writable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [ask, setAsk] = useState<Ask | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['customer', customerId, 'terminations'],
    queryFn: () => customerTerminations(customerId),
  });
  const open = (list.data ?? []).find((x) => x.status === 'requested' || x.status === 'approved');
  const last: Termination | undefined = open ?? list.data?.[0];
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['customer', customerId] });
  };
  const act = useMutation({
    mutationFn: async (values: Record<string, string | undefined>) => {
      if (!ask) return;
      if (ask.step === 'request') return requestTermination(customerId, values.reason ?? '');
      if (!open) return;
      const body: Record<string, unknown> = { version: open.version, ...ask.body };
      if (values.reason) body.reason = values.reason;
      if (values.note) body.note = values.note;
      if (ask.fields.includes('notice')) {
        body.sentOn = values.sentOn;
        body.channel = values.channel;
      }
      return terminationStep(open.id, ask.step, body);
    },
    onSuccess: () => {
      setAsk(null);
      form.resetFields();
      refresh();
    },
  });
  const start = (a: Ask) => {
    act.reset();
    form.resetFields();
    form.setFieldsValue({ sentOn: todayIso(), channel: 'letter' });
    setAsk(a);
  };
  const current = !last
    ? -1
    : last.status === 'requested'
      ? 1
      : last.status === 'approved'
        ? 2 + (3 - last.missing.length)
        : last.status === 'completed'
          ? 6
          : 1;
  const stepTitles = (
    ['requested', 'approved', 'notice', 'orders', 'settlement', 'completed'] as const
  ).map((k) => ({ title: t(`lifecycle.termination.steps.${k}`) }));
  return (
    <div data-testid="termination-panel">
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      {last && (
        <>
          <Typography.Paragraph>
            {t(`lifecycle.termination.status.${last.status}`)} · {t('lifecycle.termination.reason')}
            : {last.reason}
            {last.noticeSentOn &&
              ` · ${t('lifecycle.termination.noticeOn', { date: formatDate(last.noticeSentOn, i18n.language) })}`}
          </Typography.Paragraph>
          {last.status !== 'rejected' && last.status !== 'cancelled' && (
            <Steps size="small" current={current} items={stepTitles} style={{ marginBottom: 12 }} />
          )}
        </>
      )}
      <Flex gap={8} wrap>
        {!open && writable && (
          <Button danger onClick={() => start({ step: 'request', fields: ['reason'] })}>
            {t('lifecycle.termination.request')}
          </Button>
        )}
        {open?.status === 'requested' && can('reviews.manage') && (
          <Space>
            <Button
              type="primary"
              onClick={() => start({ step: 'decision', body: { approve: true }, fields: ['note'] })}
            >
              {t('lifecycle.termination.approve')}
            </Button>
            <Button
              onClick={() =>
                start({ step: 'decision', body: { approve: false }, fields: ['note'] })
              }
            >
              {t('lifecycle.termination.reject')}
            </Button>
          </Space>
        )}
        {open?.status === 'approved' && writable && (
          <>
            {open.missing.includes('notice') && (
              <Button onClick={() => start({ step: 'notice', fields: ['notice', 'note'] })}>
                {t('lifecycle.termination.recordNotice')}
              </Button>
            )}
            {open.missing.includes('orders') && (
              <Button onClick={() => start({ step: 'orders-closed', fields: [] })}>
                {t('lifecycle.termination.ordersClosed')}
              </Button>
            )}
            {open.missing.includes('settlement') && (
              <Button onClick={() => start({ step: 'settlement', fields: ['note'] })}>
                {t('lifecycle.termination.settled')}
              </Button>
            )}
            {open.missing.length === 0 && (
              <Button type="primary" danger onClick={() => start({ step: 'complete', fields: [] })}>
                {t('lifecycle.termination.complete')}
              </Button>
            )}
          </>
        )}
        {open && writable && (
          <Button type="link" onClick={() => start({ step: 'cancel', fields: ['reason'] })}>
            {t('lifecycle.termination.cancel')}
          </Button>
        )}
      </Flex>
      <Modal
        open={ask !== null}
        title={ask ? t(`lifecycle.termination.dialog.${ask.step}`) : ''}
        okText={t('lifecycle.confirm')}
        cancelText={t('lifecycle.close')}
        confirmLoading={act.isPending}
        onCancel={() => setAsk(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {act.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, act.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          {ask?.fields.includes('reason') && (
            <Form.Item
              name="reason"
              label={t('lifecycle.termination.reason')}
              rules={[{ required: true, message: t('lifecycle.required') }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {ask?.fields.includes('notice') && (
            <>
              <Form.Item
                name="sentOn"
                label={t('lifecycle.termination.sentOn')}
                rules={[{ required: true, message: t('lifecycle.required') }]}
              >
                <Input type="date" />
              </Form.Item>
              <Form.Item name="channel" label={t('lifecycle.termination.channel')}>
                <Select
                  options={(['letter', 'email', 'phone', 'visit'] as const).map((c) => ({
                    value: c,
                    label: t(`lifecycle.termination.channels.${c}`),
                  }))}
                />
              </Form.Item>
            </>
          )}
          {ask?.fields.includes('note') && (
            <Form.Item name="note" label={t('lifecycle.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {ask && ask.fields.length === 0 && (
            <Typography.Text>{t('lifecycle.termination.confirmText')}</Typography.Text>
          )}
        </Form>
      </Modal>
    </div>
  );
}
