import { LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Popconfirm,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { endSession, endUserSessions, listSessions, type SessionItem } from '../../api/security';
import { errorMessage } from '../../errors';
import { sessionColumns } from './session-columns';

const KEY = ['security', 'sessions'] as const;

/** Everybody's open sessions (for users.manage): end one, or all of a user's. */
export function SessionsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lng = i18n.language;
  const sessions = useQuery({ queryKey: KEY, queryFn: () => listSessions(true) });
  const done = (text: string) => {
    message.success(text);
    queryClient.invalidateQueries({ queryKey: KEY });
  };
  const endOne = useMutation({
    mutationFn: (id: string) => endSession(id),
    onSuccess: () => done(t('security.sessions.ended')),
    onError: (e) => message.error(errorMessage(t, e)),
  });
  const endAll = useMutation({
    mutationFn: (userId: number) => endUserSessions(userId),
    onSuccess: (count) => done(t('security.sessions.endedAll', { count })),
    onError: (e) => message.error(errorMessage(t, e)),
  });

  const shown = sessionColumns(t, lng);
  const columns: TableProps<SessionItem>['columns'] = [
    {
      key: 'user',
      title: t('security.sessions.user'),
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <span>
            {s.displayName} {s.current && <Tag color="blue">{t('security.sessions.current')}</Tag>}
          </span>
          <Typography.Text type="secondary">{s.username}</Typography.Text>
        </Space>
      ),
    },
    shown.ip,
    shown.userAgent,
    shown.created,
    shown.lastSeen,
    shown.expires,
    {
      key: 'actions',
      title: t('common.actions'),
      width: 240,
      render: (_, s) => (
        <Space size={0} wrap>
          <Popconfirm
            title={t('security.sessions.endConfirm', { user: s.displayName })}
            okText={t('security.sessions.end')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => endOne.mutateAsync(s.id)}
          >
            <Button type="text" size="small" danger icon={<LogoutOutlined />}>
              {t('security.sessions.end')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('security.sessions.endAllConfirm', { user: s.displayName })}
            okText={t('security.sessions.endAll')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => endAll.mutateAsync(s.userId)}
          >
            <Button type="text" size="small" danger>
              {t('security.sessions.endAll')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('security.sessions.intro')}</Typography.Paragraph>
      {sessions.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, sessions.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<SessionItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isLoading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('security.sessions.empty') }}
        scroll={{ x: 1000 }}
      />
    </>
  );
}
