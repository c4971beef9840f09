import { ApiError, api, setCsrfToken } from './client';
import type { Me } from './types';

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw e;
  }
}

/** Signs in; the server sets the session cookie and hands back the CSRF token. */
export async function signIn(username: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', { username, password });
  setCsrfToken(me.csrfToken);
  return me;
}

/** Signs out (a write, so it carries the CSRF token). */
export async function signOut(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } finally {
    setCsrfToken(undefined);
  }
}
