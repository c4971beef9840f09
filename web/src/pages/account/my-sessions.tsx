import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, type TableProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { endSession, listSessions, type SessionItem } from '../../api/security';
import { errorMessage } from '../../errors';
import { sessionColumns } from '../settings/session-columns';

const KEY = ['security', 'sessions', 'mine'] as const;

/** The browsers the user is signed in on; any but this one can be signed out from here. */
export function MySessions() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lng = i18n.language;
  const sessions = useQuery({ queryKey: KEY, queryFn: () => listSessions(false) });
  const end = useMutation({
    mutationFn: (id: string) => endSession(id),
    onSuccess: () => {
      message.success(t('security.sessions.ended'));
      queryClient.invalidateQueries({ queryKey: ['security', 'sessions'] });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });
  const shown = sessionColumns(t, lng);
  const columns: TableProps<SessionItem>['columns'] = [
    {
      ...shown.userAgent,
      render: (v: string | null, s) => (
        <span title={v ?? ''}>
          {s.current && <Tag color="blue">{t('security.sessions.current')}</Tag>}
          {v ?? '—'}
        </span>
      ),
    },
    shown.ip,
    shown.created,
    shown.lastSeen,
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, s) =>
        s.current ? null : (
          <Popconfirm
            title={t('security.account.endConfirm')}
            okText={t('security.sessions.end')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => end.mutateAsync(s.id)}
          >
            <Button type="text" size="small" danger>
              {t('security.sessions.end')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<SessionItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={sessions.data ?? []}
      loading={sessions.isLoading}
      pagination={false}
      locale={{ emptyText: t('security.sessions.empty') }}
      scroll={{ x: 720 }}
    />
  );
}
