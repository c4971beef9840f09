import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type Server } from '../../src/api/server';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
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

/**
 * Creates one user a role (the key is the username) and signs each in: the usual cast of an
 * API test (an account manager, an agent, finance …) in one call.
 */
export async function signInRoles<K extends string>(
  deps: Deps,
  app: FastifyInstance,
  roles: Record<K, string>,
  password = 'Role-pass-1234',
): Promise<Record<K, Client>> {
  const out = {} as Record<K, Client>;
  for (const [username, roleId] of Object.entries(roles) as [K, string][]) {
    await createUser(deps, systemCtx(), { username, displayName: username, password, roleId });
    out[username] = await signIn(app, username, password);
  }
  return out;
}
