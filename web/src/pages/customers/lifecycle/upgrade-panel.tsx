import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyForUpgrade,
  decideApplication,
  getApplication,
  listApplications,
  type UpgradeApplication,
} from '../../../api/lifecycle';
import { getSchemeVersion, listCustomerTiers, listSchemes } from '../../../api/tiering';
import { useAuth } from '../../../auth/auth-provider';
import { errorMessage } from '../../../errors';
import { formatDate, localized } from '../../../format';

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' };

/** What the customer meets and lacks for the tier above, so the decider sees the evidence. */
function Assessment({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['upgrade-application', id], queryFn: () => getApplication(id) });
  const a = q.data?.assessment;
  if (q.isLoading) return null;
  if (!a?.explanation)
    return (
      <Typography.Text type="secondary">{t('lifecycle.upgrade.noAssessment')}</Typography.Text>
    );
  const e = a.explanation;
  const en = i18n.language.startsWith('en');
  return (
    <div data-testid="upgrade-assessment">
      <Typography.Text>
        {t('lifecycle.upgrade.assessment', {
          asOf: a.asOf,
          tier: e.tier ?? '—',
          score: e.score === null ? '—' : e.score.toFixed(1),
          next: e.nextTier ?? '—',
        })}
      </Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {e.shortfalls.map((s) => (
          <li key={s.criterion}>{en ? s.en : s.zh}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Upgrade applications (seed 002): an account manager asks for a higher tier with a reason;
 * holders of reviews.manage grant (it becomes an override) or refuse with a note.
 */
export function UpgradePanel({ customerId, writable }: { customerId: number; writable: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [applying, setApplying] = useState(false);
  const [deciding, setDeciding] = useState<{ app: UpgradeApplication; approve: boolean } | null>(
    null,
  );
  const [form] = Form.useForm();
  const [decideForm] = Form.useForm();
  const apps = useQuery({
    queryKey: ['customer', customerId, 'upgrade-applications'],
    queryFn: () => listApplications({ customerId }),
  });
  const tiers = useQuery({
    queryKey: ['customer', customerId, 'tiers'],
    queryFn: () => listCustomerTiers(customerId),
  });
  const schemes = useQuery({
    queryKey: ['tiering', 'schemes'],
    queryFn: listSchemes,
    enabled: applying,
  });
  const schemeId = Form.useWatch('schemeId', form) as number | undefined;
  const latestId = schemes.data?.find((s) => s.id === schemeId)?.latest?.id;
  const version = useQuery({
    queryKey: ['tiering', 'version', latestId],
    queryFn: () => getSchemeVersion(latestId!),
    enabled: latestId !== undefined,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['customer', customerId] });
  const apply = useMutation({
    mutationFn: (v: { schemeId: number; requestedTier: string; reason: string }) =>
      applyForUpgrade({ ...v, customerId }),
    onSuccess: () => {
      setApplying(false);
      form.resetFields();
      refresh();
    },
  });
  const decide = useMutation({
    mutationFn: (v: { note?: string; expiresOn?: string }) =>
      decideApplication(deciding!.app.id, {
        approve: deciding!.approve,
        ...(v.note ? { note: v.note } : {}),
        ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
      }),
    onSuccess: () => {
      setDeciding(null);
      decideForm.resetFields();
      refresh();
    },
  });
  const published = tiers.data?.find((x) => x.schemeId === schemeId)?.published?.tier;
  return (
    <div data-testid="upgrade-panel">
      {apps.isError && <Alert type="error" showIcon title={errorMessage(t, apps.error)} />}
      <Table<UpgradeApplication>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={apps.data ?? []}
        locale={{ emptyText: t('lifecycle.upgrade.none') }}
        expandable={{ expandedRowRender: (a) => <Assessment id={a.id} /> }}
        columns={[
          { title: t('lifecycle.upgrade.from'), dataIndex: 'currentTier', render: (v) => v ?? '—' },
          { title: t('lifecycle.upgrade.to'), dataIndex: 'requestedTier' },
          { title: t('lifecycle.upgrade.reason'), dataIndex: 'reason' },
          {
            title: t('lifecycle.upgrade.status'),
            dataIndex: 'status',
            render: (s: UpgradeApplication['status']) => (
              <Tag color={STATUS_COLOR[s]}>{t(`lifecycle.upgrade.statuses.${s}`)}</Tag>
            ),
          },
          {
            title: t('lifecycle.upgrade.created'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDate(v, i18n.language),
          },
          {
            key: 'actions',
            render: (_, a) =>
              a.status === 'pending' && can('reviews.manage') ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ app: a, approve: true })}
                  >
                    {t('lifecycle.upgrade.grant')}
                  </Button>
                  <Button size="small" onClick={() => setDeciding({ app: a, approve: false })}>
                    {t('lifecycle.upgrade.refuse')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {writable && (
        <Button style={{ marginTop: 8 }} onClick={() => setApplying(true)}>
          {t('lifecycle.upgrade.apply')}
        </Button>
      )}
      <Modal
        open={applying}
        title={t('lifecycle.upgrade.apply')}
        okText={t('lifecycle.confirm')}
        cancelText={t('lifecycle.close')}
        confirmLoading={apply.isPending}
        onCancel={() => setApplying(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {apply.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, apply.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => apply.mutate(v)}>
          <Form.Item
            name="schemeId"
            label={t('lifecycle.upgrade.scheme')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Select
              options={(schemes.data ?? []).map((s) => ({
                value: s.id,
                label: localized(s.nameZh, s.nameEn, i18n.language),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="requestedTier"
            label={t('lifecycle.upgrade.to')}
            extra={published ? t('lifecycle.upgrade.current', { tier: published }) : undefined}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Select
              options={(version.data?.document.tiers ?? []).map((x) => ({
                value: x.id,
                label: localized(x.name.zh, x.name.en, i18n.language),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('lifecycle.upgrade.reason')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={deciding !== null}
        title={deciding?.approve ? t('lifecycle.upgrade.grant') : t('lifecycle.upgrade.refuse')}
        okText={t('lifecycle.confirm')}
        cancelText={t('lifecycle.close')}
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() => decideForm.submit()}
        destroyOnHidden
      >
        {decide.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, decide.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={decideForm} layout="vertical" onFinish={(v) => decide.mutate(v)}>
          <Form.Item
            name="note"
            label={t('lifecycle.note')}
            rules={deciding?.approve ? [] : [{ required: true, message: t('lifecycle.required') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          {deciding?.approve && (
            <Form.Item name="expiresOn" label={t('lifecycle.upgrade.expiresOn')}>
              <Input type="date" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
