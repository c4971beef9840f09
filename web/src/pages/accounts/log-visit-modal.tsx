import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { logVisit } from '../../api/accounts';
import { applyFieldIssues, formBanner } from '../../errors';
import { todayIso } from '../../format';

const FIELDS = ['visitedOn', 'purpose', 'notes'] as const;

/** Logs a visit the signed-in user made to one customer. */
export function LogVisitModal({
  customer,
  onClose,
}: {
  customer: { customerId: number; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ visitedOn: string; purpose?: string; notes?: string }>();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { visitedOn: string; purpose?: string; notes?: string }) =>
      logVisit(customer?.customerId ?? 0, {
        visitedOn: v.visitedOn.trim(),
        ...(v.purpose ? { purpose: v.purpose } : {}),
        ...(v.notes ? { notes: v.notes } : {}),
      }),
    onSuccess: async () => {
      message.success(t('accounts.visit.saved'));
      await qc.invalidateQueries({ queryKey: ['accounts'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => applyFieldIssues(form, e, FIELDS),
  });
  return (
    <Modal
      open={customer !== null}
      title={t('accounts.visit.title', { name: customer?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={formBanner(t, save.error, FIELDS)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ visitedOn: todayIso() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="visitedOn"
          label={t('accounts.visit.visitedOn')}
          extra={t('accounts.visit.visitedOnHint')}
          rules={[{ required: true, message: t('accounts.visit.dateRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="purpose" label={t('accounts.visit.purpose')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('accounts.visit.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
