import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  type EntitlementBalance,
  recordEntitlementUse as recordUse,
  type UseInput,
} from '../../api/entitlements';
import { errorMessage } from '../../errors';
import { localized } from '../../format';

/** The refusal over quota as the server details it. */
interface QuotaDetails {
  remaining: number;
  quota: number;
  period: string;
}

/**
 * Records the use of one entitlement: choice, batch size and quantity as the entitlement asks,
 * a note; shows the server's refusal (over quota: the remaining balance) inside the dialog.
 */
export function UseEntitlementModal({
  customerId,
  entitlement,
  onClose,
}: {
  customerId: number;
  entitlement: EntitlementBalance;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UseInput>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const e = entitlement;
  const use = useMutation({
    mutationFn: (body: UseInput) => recordUse(customerId, e.key, body),
    onSuccess: async (out) => {
      message.success(
        out.balance.remaining === null
          ? t('frontline.entitlements.usedUnlimited')
          : t('frontline.entitlements.used', { remaining: out.balance.remaining }),
      );
      await queryClient.invalidateQueries({ queryKey: ['frontline', 'card'] });
      onClose();
    },
    onError: async (err) => {
      if (err instanceof ApiError && err.code === 'QUOTA_EXCEEDED') {
        const d = err.details as unknown as QuotaDetails;
        setRefusal(
          t('frontline.entitlements.refused', {
            remaining: d.remaining,
            quota: d.quota,
            period: d.period,
          }),
        );
        // The balance moved under us (another counter): show the current one.
        await queryClient.invalidateQueries({ queryKey: ['frontline', 'card'] });
      } else setRefusal(errorMessage(t, err));
    },
  });
  const submit = async () => {
    const v = await form.validateFields();
    setRefusal(null);
    use.mutate({
      quantity: v.quantity ?? 1,
      ...(v.choice ? { choice: v.choice } : {}),
      ...(v.batchSize ? { batchSize: v.batchSize } : {}),
      ...(v.note ? { note: v.note } : {}),
    });
  };
  return (
    <Modal
      open
      title={t('frontline.use.title', { name: localized(e.name.zh, e.name.en, i18n.language) })}
      okText={t('frontline.use.submit')}
      cancelText={t('frontline.use.cancel')}
      okButtonProps={{ loading: use.isPending, ...({ 'data-testid': 'use-submit' } as object) }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ quantity: 1 }}>
        {e.choices.length > 0 && (
          <Form.Item name="choice" label={t('frontline.use.choice')} rules={[{ required: true }]}>
            <Select
              data-testid="use-choice"
              options={e.choices.map((c) => ({
                value: c.key,
                label: localized(c.name.zh, c.name.en, i18n.language),
                disabled: e.noRepeat && e.received.includes(c.key),
              }))}
            />
          </Form.Item>
        )}
        {e.minBatch !== null && (
          <Form.Item
            name="batchSize"
            label={t('frontline.use.batchSize')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} data-testid="use-batch" />
          </Form.Item>
        )}
        {!e.noRepeat && (
          <Form.Item name="quantity" label={t('frontline.use.quantity')}>
            <InputNumber min={1} style={{ width: '100%' }} data-testid="use-quantity" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('frontline.use.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="use-note" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="use-refused" />}
    </Modal>
  );
}
