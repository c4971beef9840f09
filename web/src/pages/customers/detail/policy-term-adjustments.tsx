import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../../api/client';
import type { CustomerPolicy } from '../../../api/policies';
import { errorMessage } from '../../../errors';
import { formatDate } from '../../../format';

/**
 * A term adjustment as GET /api/customers/:id/policy returns it: the shared client type names
 * only some of the fields, the server sends source and createdAt too.
 */
export type TermAdjustmentRow = CustomerPolicy['termAdjustments'][number] & {
  source?: string;
  createdAt?: string;
};

/** The query key the customer's policy is cached under (shared with the order check page). */
export const customerPolicyKey = (customerId: number) => ['customers', customerId, 'policy'];

/** Moves the customer's payment terms down by hand; returns the customer's policy after it. */
export function addTermAdjustment(
  customerId: number,
  body: { steps: number; reason: string; expiresOn: string | null },
): Promise<CustomerPolicy> {
  return api.post<CustomerPolicy>(`/api/customers/${customerId}/term-adjustments`, body);
}

/** Revokes one adjustment; returns the customer's policy after it. */
function revokeTermAdjustment(customerId: number, adjustmentId: number): Promise<CustomerPolicy> {
  // api.delete expects no body back; this route answers with the policy after the change.
  return request<CustomerPolicy>(
    'DELETE',
    `/api/customers/${customerId}/term-adjustments/${adjustmentId}`,
  );
}

/**
 * The adjustments moving the customer's payment term down: steps, reason, source, date and
 * expiry, with a Revoke button for users who may manage policies.
 */
export function TermAdjustmentsTable({
  customerId,
  rows,
  mayManage,
}: {
  customerId: number;
  rows: TermAdjustmentRow[];
  mayManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  async function revoke(id: number) {
    try {
      const next = await revokeTermAdjustment(customerId, id);
      queryClient.setQueryData(customerPolicyKey(customerId), next);
      message.success(t('policy.customer.term.revoked'));
    } catch (e) {
      message.error(errorMessage(t, e));
      // Someone else may have revoked it meanwhile: show the adjustments as they are now.
      await queryClient.invalidateQueries({ queryKey: customerPolicyKey(customerId) });
    }
  }

  const sourceLabel = (s: string | undefined) =>
    s === 'manual'
      ? t('policy.customer.term.sourceManual')
      : s === 'automation'
        ? t('policy.customer.term.sourceAutomation')
        : (s ?? '—');

  return (
    <Table<TermAdjustmentRow>
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="term-adjustments"
      dataSource={rows}
      columns={[
        { key: 'steps', dataIndex: 'steps', title: t('policy.customer.term.steps'), width: 90 },
        { key: 'reason', dataIndex: 'reason', title: t('policy.customer.term.reason') },
        {
          key: 'source',
          title: t('policy.customer.term.source'),
          width: 170,
          render: (_: unknown, r) => sourceLabel(r.source),
        },
        {
          key: 'date',
          title: t('policy.customer.term.createdAt'),
          width: 110,
          render: (_: unknown, r) => (r.createdAt ? formatDate(r.createdAt, i18n.language) : '—'),
        },
        {
          key: 'expires',
          title: t('policy.customer.term.expiresOn'),
          width: 110,
          render: (_: unknown, r) =>
            r.expiresOn ?? (
              <Typography.Text type="secondary">
                {t('policy.customer.term.noExpiry')}
              </Typography.Text>
            ),
        },
        ...(mayManage
          ? [
              {
                key: 'revoke',
                width: 90,
                render: (_: unknown, r: TermAdjustmentRow) => (
                  <Popconfirm
                    title={t('policy.customer.term.revokeConfirm')}
                    onConfirm={() => revoke(r.id)}
                  >
                    <Button size="small" danger data-testid={`revoke-adjustment-${r.id}`}>
                      {t('policy.customer.term.revoke')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
