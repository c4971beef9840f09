/** A signed-in HTTP session on the server under load: the cookie and the CSRF token. */
export interface LoadSession {
  base: string;
  cookie: string;
  csrf: string;
}

/** Signs in over loopback and keeps what later writes need. */
export async function signInOver(
  port: number,
  username: string,
  password: string,
): Promise<LoadSession> {
  const base = `http://127.0.0.1:${port}`;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('td_session='));
  if (!set) throw new Error('no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { base, cookie: set.split(';')[0] as string, csrf: csrfToken };
}

/** Headers every request of the session carries (cookie, CSRF token, JSON). */
export function sessionHeaders(s: LoadSession): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
}

/** One API call; throws on a status other than `expect`, with the body for the reason. */
export async function call<T>(
  s: LoadSession,
  method: string,
  path: string,
  body?: unknown,
  expect = 200,
  contentType = 'application/json',
): Promise<T> {
  const res = await fetch(`${s.base}${path}`, {
    method,
    headers: { ...sessionHeaders(s), 'content-type': contentType },
    body:
      body === undefined
        ? undefined
        : Buffer.isBuffer(body)
          ? new Uint8Array(body)
          : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expect)
    throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
