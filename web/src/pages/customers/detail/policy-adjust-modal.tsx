import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerPolicy } from '../../../api/policies';
import { applyFieldIssues, formBanner } from '../../../errors';
import { localized } from '../../../format';
import { addTermAdjustment, customerPolicyKey } from './policy-term-adjustments';

interface Values {
  steps: number;
  reason: string;
  expiresOn?: string;
}

const FIELDS = ['steps', 'reason', 'expiresOn'] as const;

/**
 * Moves the customer's payment terms down the ladder by hand (steps, reason, optional expiry);
 * shows the term that will result before saving. Mounted only while open.
 */
export function AdjustTermModal({
  policy,
  onClose,
}: {
  policy: CustomerPolicy;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const steps = Form.useWatch('steps', form) ?? 1;

  // The ladder stops at its strictest rung, however many steps are asked.
  const ladder = policy.paymentTerms;
  const at = ladder.findIndex((x) => x.id === policy.paymentTerm?.id);
  const after = at < 0 ? undefined : ladder[Math.min(ladder.length - 1, at + Math.max(0, steps))];

  async function submit(v: Values) {
    setSaving(true);
    setError(undefined);
    try {
      const next = await addTermAdjustment(policy.customerId, {
        steps: v.steps,
        reason: v.reason,
        expiresOn: v.expiresOn || null,
      });
      queryClient.setQueryData(customerPolicyKey(policy.customerId), next);
      message.success(t('policy.customer.term.adjusted'));
      onClose();
    } catch (e) {
      applyFieldIssues(form, e, FIELDS);
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('policy.customer.term.adjust')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ steps: 1, reason: '' }}
        onFinish={submit}
        data-testid="adjust-term-form"
      >
        <Form.Item name="steps" label={t('policy.customer.term.steps')}>
          <InputNumber min={1} max={10} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('policy.customer.term.reason')}>
          <Input.TextArea rows={2} placeholder={t('policy.customer.term.reasonPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('policy.customer.term.expiresOn')}
          extra={t('policy.customer.term.expiresHint')}
        >
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
      </Form>
      {after && (
        <Typography.Text data-testid="adjust-term-preview">
          {t('policy.customer.term.preview', {
            term: localized(after.name.zh, after.name.en, i18n.language),
          })}
        </Typography.Text>
      )}
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={formBanner(t, error, FIELDS)}
        />
      )}
    </Modal>
  );
}
