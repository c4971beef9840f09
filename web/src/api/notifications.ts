import { api, withQuery } from './client';

/** A notice to the signed-in user, e.g. their customers' tiers changed in a publication. */
export interface Notification {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** My notifications, newest first, with the unread count. */
export function listNotifications(
  unread = false,
): Promise<{ unread: number; items: Notification[] }> {
  return api.get(withQuery('/api/notifications', { unread: unread ? 'true' : undefined }));
}

/** Marks one read. */
export function markNotificationRead(id: number): Promise<void> {
  return api.post(`/api/notifications/${id}/read`);
}

/** Marks all read. */
export function markAllNotificationsRead(): Promise<{ marked: number }> {
  return api.post('/api/notifications/read-all');
}
