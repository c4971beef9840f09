import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BlacklistRequest, decideBlacklist, listBlacklistRequests } from '../../api/feedback';
import { errorMessage } from '../../errors';
import { BlacklistRequestModal, type BlacklistTarget } from './blacklist-request-modal';

/** Blacklist requests: managers approve or refuse (never their own); approved ones can be lifted. */
export function BlacklistTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>('pending');
  const [lift, setLift] = useState<BlacklistTarget | null>(null);
  const list = useQuery({
    queryKey: ['blacklist-requests', status],
    queryFn: () => listBlacklistRequests(status),
  });
  const decide = useMutation({
    mutationFn: (v: { id: number; approve: boolean }) => decideBlacklist(v.id, v.approve),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['blacklist-requests'] }),
    onError: (e) => message.error(errorMessage(t, e)),
  });
  return (
    <>
      <Select
        allowClear
        style={{ minWidth: 160, marginBottom: 12 }}
        aria-label={t('feedback.blacklist.status')}
        value={status}
        onChange={setStatus}
        options={(['pending', 'approved', 'refused'] as const).map((s) => ({
          value: s,
          label: t(`feedback.blacklist.statuses.${s}`),
        }))}
      />
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<BlacklistRequest>
        rowKey="id"
        data-testid="blacklist-table"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('feedback.blacklist.none') }}
        columns={[
          {
            title: t('feedback.blacklist.customer'),
            render: (_, r) => `${r.customerCode} ${r.customerName}`,
          },
          {
            title: t('feedback.blacklist.action'),
            dataIndex: 'action',
            render: (a: BlacklistRequest['action']) => t(`feedback.blacklist.actions.${a}`),
          },
          { title: t('feedback.blacklist.reason'), dataIndex: 'reason' },
          {
            title: t('feedback.blacklist.evidence'),
            render: (_, r) =>
              t('feedback.blacklist.evidenceText', {
                tickets: r.evidence.ticketIds.join(', ') || '—',
                feedback: r.evidence.feedbackIds.join(', ') || '—',
              }),
          },
          { title: t('feedback.blacklist.requester'), render: (_, r) => r.requesterName ?? '—' },
          {
            title: t('feedback.blacklist.status'),
            dataIndex: 'status',
            render: (s: BlacklistRequest['status']) => t(`feedback.blacklist.statuses.${s}`),
          },
          { title: t('feedback.blacklist.decider'), render: (_, r) => r.deciderName ?? '—' },
          {
            key: 'ops',
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => decide.mutate({ id: r.id, approve: true })}
                  >
                    {t('feedback.blacklist.approve')}
                  </Button>
                  <Button size="small" onClick={() => decide.mutate({ id: r.id, approve: false })}>
                    {t('feedback.blacklist.refuse')}
                  </Button>
                </Space>
              ) : r.status === 'approved' && r.action === 'add' ? (
                <Button
                  size="small"
                  onClick={() =>
                    setLift({
                      customerId: r.customerId,
                      customerName: r.customerName,
                      action: 'remove',
                      feedbackIds: [],
                    })
                  }
                >
                  {t('feedback.blacklist.requestRemoval')}
                </Button>
              ) : null,
          },
        ]}
      />
      <BlacklistRequestModal target={lift} onClose={() => setLift(null)} />
    </>
  );
}
