import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AccountOwner, assignCustomers, reassign } from '../../api/accounts';
import { formBanner } from '../../errors';

const ownerOptions = (owners: AccountOwner[], except?: number) =>
  owners
    .filter((o) => o.active && o.id !== except)
    .map((o) => ({ value: o.id, label: `${o.displayName}${o.region ? ` · ${o.region}` : ''}` }));

/** Assigns the chosen pool customers to one owner. */
export function AssignDialog({
  customerIds,
  owners,
  open,
  onClose,
}: {
  customerIds: number[];
  owners: AccountOwner[];
  open: boolean;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ ownerId: number }>();
  const save = useMutation({
    mutationFn: (v: { ownerId: number }) => assignCustomers(customerIds, v.ownerId),
    onSuccess: async (r) => {
      message.success(t('accounts.pool.assigned', { count: r.changed.length }));
      await qc.invalidateQueries({ queryKey: ['accounts'] });
      onClose(true);
    },
  });
  return (
    <Modal
      open={open}
      title={t('accounts.pool.assignTitle', { count: customerIds.length })}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError && <Alert type="error" showIcon title={formBanner(t, save.error, [])} />}
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="ownerId"
          label={t('accounts.plans.owner')}
          rules={[{ required: true, message: t('accounts.pool.ownerRequired') }]}
        >
          <Select
            data-testid="assign-owner"
            showSearch={{ optionFilterProp: 'label' }}
            options={ownerOptions(owners)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Moves every customer of an owner who leaves: to one owner, or balanced / back to the pool. */
export function ReassignDialog({
  from,
  owners,
  onClose,
}: {
  from: AccountOwner | null;
  owners: AccountOwner[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ toOwnerId?: number; reason: string }>();
  const save = useMutation({
    mutationFn: (v: { toOwnerId?: number; reason: string }) =>
      reassign({ fromOwnerId: from?.id ?? 0, toOwnerId: v.toOwnerId ?? null, reason: v.reason }),
    onSuccess: async (r) => {
      message.success(t('accounts.owners.reassigned', { count: r.changed.length, pool: r.toPool }));
      await qc.invalidateQueries({ queryKey: ['accounts'] });
      onClose();
    },
  });
  return (
    <Modal
      open={from !== null}
      title={t('accounts.owners.reassignTitle', { name: from?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError && (
        <Alert type="error" showIcon title={formBanner(t, save.error, ['reason'])} />
      )}
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="toOwnerId" label={t('accounts.owners.reassignTo')}>
          <Select
            allowClear
            placeholder={t('accounts.owners.reassignAuto')}
            showSearch={{ optionFilterProp: 'label' }}
            options={ownerOptions(owners, from?.id)}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('accounts.owners.reason')}
          rules={[
            { required: true, whitespace: true, message: t('accounts.owners.reasonRequired') },
          ]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
