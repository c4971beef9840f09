import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Notification,
} from '../api/notifications';
import { formatDateTime } from '../format';
import { ClvNotice, isClvNotice } from '../pages/analytics/clv/clv-notice';
import { isReportNotice, ReportNotice } from '../pages/analytics/reports/report-notice';
import { AutomationNotice, isAutomationNotice } from '../pages/automation/automation-notice';
import { isTicketNotice, TicketNotice } from '../pages/service/ticket-notice';

interface TierChange {
  code: string;
  from: string | null;
  to: string | null;
}

/** One notice in the user's words: tier changes of their customers, with a few examples. */
function NoticeText({ n }: { n: Notification }) {
  const { t } = useTranslation();
  if (isTicketNotice(n.kind)) return <TicketNotice kind={n.kind} payload={n.payload} />;
  if (isAutomationNotice(n.kind)) return <AutomationNotice kind={n.kind} payload={n.payload} />;
  if (isReportNotice(n.kind)) return <ReportNotice payload={n.payload} />;
  if (isClvNotice(n.kind)) return <ClvNotice kind={n.kind} payload={n.payload} />;
  if (n.kind === 'accounts.customers_assigned') {
    const p = n.payload as { count?: number; customers?: { code: string }[] };
    const codes = (p.customers ?? [])
      .slice(0, 3)
      .map((c) => c.code)
      .join('，');
    return (
      <span>
        {t('notifications.customersAssigned', { count: p.count ?? 0 })}
        {codes && <Typography.Text type="secondary"> {codes}</Typography.Text>}
      </span>
    );
  }
  if (n.kind !== 'tiers.published') return <span>{n.kind}</span>;
  const p = n.payload as {
    upgrades?: number;
    downgrades?: number;
    effectiveFrom?: string;
    changes?: TierChange[];
  };
  const examples = (p.changes ?? [])
    .slice(0, 3)
    .map((c) => `${c.code} ${c.from ?? '—'}→${c.to ?? '—'}`)
    .join('，');
  return (
    <span>
      {t('notifications.tiersPublished', {
        up: p.upgrades ?? 0,
        down: p.downgrades ?? 0,
        date: p.effectiveFrom ?? '',
      })}
      {examples && <Typography.Text type="secondary"> {examples}</Typography.Text>}
    </span>
  );
}

/**
 * The header's bell: unread count, the latest notices, mark read. Polls every minute, which is
 * plenty for publications that happen a few times a year.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => listNotifications(),
    refetchInterval: 60_000,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const items = list.data?.items ?? [];
  const content = (
    <div style={{ width: 360 }} data-testid="notifications">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
      ) : (
        <List<Notification>
          size="small"
          dataSource={items.slice(0, 10)}
          renderItem={(n) => (
            <List.Item
              actions={
                n.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        type="link"
                        size="small"
                        onClick={() => readOne.mutate(n.id)}
                      >
                        {t('notifications.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={<NoticeText n={n} />}
                description={formatDateTime(n.createdAt, i18n.language)}
                style={{ opacity: n.readAt ? 0.6 : 1 }}
              />
            </List.Item>
          )}
        />
      )}
      {(list.data?.unread ?? 0) > 0 && (
        <Button block size="small" onClick={() => readAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      )}
    </div>
  );
  return (
    <Popover
      content={content}
      title={t('notifications.title')}
      trigger="click"
      placement="bottomRight"
    >
      <Badge count={list.data?.unread ?? 0} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.title')} />
      </Badge>
    </Popover>
  );
}
