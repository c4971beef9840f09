import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type Server } from '../../src/api/server';
import type { Deps } from '../../src/app/deps';

/** A signed-in client over fastify.inject: carries the session cookie and the CSRF header. */
export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

/** Builds the server for tests (no logs, no web UI). */
export async function testServer(deps: Deps): Promise<Server> {
  const server = await buildServer(deps, { logger: false, webDir: '/nonexistent' });
  await server.app.ready();
  return server;
}

/** Signs in and returns a client that sends the cookie and CSRF token on every request. */
export async function signIn(
  app: FastifyInstance,
  username = 'admin',
  password = 'Admin-pass-123',
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'td_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `td_session=${cookie.value}`;
  return {
    csrfToken,
    cookie: cookieHeader,
    request: (opts) =>
      app.inject({
        ...opts,
        headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) },
      }),
  };
}
