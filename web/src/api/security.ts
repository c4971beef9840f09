import { api, request } from './client';

/** An API token as listed (never its secret). */
export interface ApiToken {
  id: number;
  userId: number;
  username: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

/** An open sign-in session. */
export interface SessionItem {
  id: string;
  userId: number;
  username: string;
  displayName: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

/** Tokens: one's own, or everybody's (administrators). */
export async function listApiTokens(all: boolean): Promise<ApiToken[]> {
  return (await api.get<{ items: ApiToken[] }>('/api/tokens', { all: all ? 'true' : undefined }))
    .items;
}

/** Creates a token; the answer holds the secret, shown this once. */
export function createApiToken(input: {
  name: string;
  permissions: string[];
  days: number;
}): Promise<{ token: ApiToken; secret: string }> {
  return api.post('/api/tokens', input);
}

/** Revokes a token at once. */
export function revokeApiToken(id: number): Promise<void> {
  return api.delete(`/api/tokens/${id}`);
}

/** Open sessions: one's own, or everybody's (administrators). */
export async function listSessions(all: boolean): Promise<SessionItem[]> {
  return (
    await api.get<{ items: SessionItem[] }>('/api/auth/sessions', { all: all ? 'true' : undefined })
  ).items;
}

/** Ends one session. */
export function endSession(id: string): Promise<void> {
  return api.delete(`/api/auth/sessions/${id}`);
}

/** Ends every session of a user; how many ended. */
export async function endUserSessions(userId: number): Promise<number> {
  return (await request<{ ended: number }>('DELETE', `/api/users/${userId}/sessions`)).ended;
}

/** Changes the signed-in user's own password; their other sessions end. */
export function changeOwnPassword(input: {
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  return api.post('/api/auth/password', input);
}
