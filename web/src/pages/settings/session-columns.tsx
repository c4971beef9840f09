import type { TableProps } from 'antd';
import type { TFunction } from 'i18next';
import type { SessionItem } from '../../api/security';
import { formatDateTime } from '../../format';

type Column = NonNullable<TableProps<SessionItem>['columns']>[number];

/**
 * The columns every list of sign-in sessions shows (address, browser, sign-in, last seen,
 * expiry), for the administrators' Sessions tab and a user's own list on My account.
 */
export function sessionColumns(t: TFunction, lng: string) {
  const at = (key: 'createdAt' | 'lastSeenAt' | 'expiresAt', title: string): Column => ({
    key,
    dataIndex: key,
    title,
    render: (v: string) => formatDateTime(v, lng),
  });
  return {
    ip: {
      key: 'ip',
      dataIndex: 'ip',
      title: t('security.sessions.ip'),
      render: (v: string | null) => v ?? '—',
    } satisfies Column,
    userAgent: {
      key: 'userAgent',
      dataIndex: 'userAgent',
      title: t('security.sessions.userAgent'),
      ellipsis: true,
      render: (v: string | null) => <span title={v ?? ''}>{v ?? '—'}</span>,
    } satisfies Column,
    created: at('createdAt', t('security.sessions.created')),
    lastSeen: at('lastSeenAt', t('security.sessions.lastSeen')),
    expires: at('expiresAt', t('security.sessions.expires')),
  };
}
