import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteRecord } from '../../src/api/access';
import type { Server } from '../../src/api/server';
import { BUILTIN_ROLES, PERMISSIONS, type RouteAccess } from '../../src/domain/auth/permissions';
import { freshDeps } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

/**
 * The authorization matrix, generated from the registered routes: every route × every built-in
 * role must give exactly what the route declares. A role without the route's permission gets
 * 403 FORBIDDEN naming the permission; a role with it gets past the gate (any other status:
 * path parameters are dummies and write bodies are deliberately invalid, so 400 and 404 are
 * expected and nothing long-running starts). New routes are picked up without editing this file.
 *
 * This exercises the route layer only, so it runs on SQLite.
 */

type Role = (typeof BUILTIN_ROLES)[number]['id'];
const ROLES = BUILTIN_ROLES.map((r) => r.id) as Role[];
const PERMS = new Map(BUILTIN_ROLES.map((r) => [r.id, new Set<string>(r.permissions)]));
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Writes that any signed-in user may make on their own state; every other write needs a permission. */
const AUTHENTICATED_WRITES = [
  /^\/api\/auth\//,
  /^\/api\/notifications\/(:id\/read|read-all)$/,
  // Pure computations over the calendars and SLA policies; they store nothing.
  /^\/api\/calendars\/:id\/compute$/,
  /^\/api\/sla\/explain$/,
  // Ending a user's sessions: one's own, or anyone's with users.manage (checked below).
  /^\/api\/users\/:id\/sessions$/,
];

/** Writes that may end the caller's own session (logout, revocation): probed last per role. */
function mayEndSession(r: RouteRecord): boolean {
  return !SAFE.has(r.method) && (r.url.startsWith('/api/auth/') || /session/.test(r.url));
}

/** Fills path parameters with dummies so every registered route can be called. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, '1').replace(/\*$/, 'x');
}

/** The request that probes one route: writes carry a body no contract accepts (a JSON array). */
function probe(r: RouteRecord): InjectOptions {
  const method = r.method as InjectOptions['method'];
  if (SAFE.has(r.method) || r.method === 'DELETE') return { method, url: concrete(r.url) };
  return {
    method,
    url: concrete(r.url),
    payload: '[]',
    headers: { 'content-type': 'application/json' },
  };
}

function label(r: RouteRecord): string {
  return `${r.method} ${r.url} (${r.access})`;
}

/** Whether `role` may pass the gate of a route declaring `access`. */
function expectedAllowed(role: Role, access: RouteAccess): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return PERMS.get(role)?.has(access) ?? false;
}

describe('authorization matrix: every route × every role', () => {
  let dispose: () => Promise<void>;
  let server: Server;
  let routes: RouteRecord[];
  const clients = {} as Record<Role, Client>;
  const password = 'Matrix-pass-2026!';
  const checked = new Set<string>();

  beforeAll(async () => {
    let deps: Awaited<ReturnType<typeof freshDeps>>['deps'];
    ({ deps, dispose } = await freshDeps('sqlite'));
    server = await testServer(deps);
    const byName = Object.fromEntries(ROLES.map((r) => [`matrix_${r}`, r])) as Record<string, Role>;
    const signedIn = await signInRoles(deps, server.app, byName, password);
    for (const [name, role] of Object.entries(byName)) clients[role] = signedIn[name] as Client;
    // HEAD routes are Fastify's automatic twins of GET routes and are covered by the GET;
    // a HEAD without a GET twin is probed itself.
    const twin = (h: RouteRecord) =>
      server.routes.some((g) => g.method === 'GET' && g.url === h.url && g.access === h.access);
    routes = server.routes.filter((r) => r.method !== 'HEAD' || !twin(r));
    routes.sort((a, b) => Number(mayEndSession(a)) - Number(mayEndSession(b)));
  }, 60_000);

  afterAll(async () => {
    await server?.app.close();
    await dispose?.();
  });

  it('every route declares an access the matrix understands', () => {
    const known = new Set<string>(['public', 'authenticated', ...PERMISSIONS]);
    const bad = routes.filter((r) => !r.access || !known.has(r.access)).map(label);
    expect(bad).toEqual([]);
    expect(routes.length).toBeGreaterThan(200);
  });

  it('writes that only need a sign-in are the reviewed few', () => {
    const loose = routes
      .filter((r) => !SAFE.has(r.method) && r.access === 'authenticated')
      .filter((r) => !AUTHENTICATED_WRITES.some((re) => re.test(r.url)))
      .map(label);
    expect(loose).toEqual([]);
  });

  it('without a session every non-public route answers 401 and public ones never 401/403', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const res = await server.app.inject(probe(r));
      checked.add(`anonymous ${r.method} ${r.url}`);
      if (r.access === 'public') {
        if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500)
          failures.push(`${label(r)} → ${res.statusCode}`);
      } else if (res.statusCode !== 401) {
        failures.push(`${label(r)} → ${res.statusCode}, expected 401`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(ROLES)('role %s gets exactly what each route declares', async (role) => {
    let client = clients[role] as Client;
    const failures: string[] = [];
    for (const r of routes) {
      const access = r.access as RouteAccess;
      const res = await client.request(probe(r));
      checked.add(`${role} ${r.method} ${r.url}`);
      const where = `${role} × ${label(r)} → ${res.statusCode}`;
      if (res.statusCode >= 500) {
        failures.push(`${where}: server error ${res.body.slice(0, 200)}`);
      } else if (expectedAllowed(role, access)) {
        // Past the gate, a use case may still demand a further permission the role lacks
        // (exports of analytics lists also need customers.export; calendars and SLA policies
        // need tickets.work or service.manage). That refusal must name a permission the role
        // really lacks; a refusal naming the route's own permission would be the gate failing.
        const err = res.statusCode === 403 ? res.json().error : undefined;
        const finer =
          err?.code === 'FORBIDDEN' &&
          typeof err.details?.permission === 'string' &&
          err.details.permission !== access &&
          !PERMS.get(role)?.has(err.details.permission);
        if (res.statusCode === 401 || (res.statusCode === 403 && !finer)) {
          failures.push(`${where}: refused although allowed (${res.body.slice(0, 200)})`);
        }
      } else {
        const err = res.statusCode === 403 ? res.json().error : undefined;
        if (err?.code !== 'FORBIDDEN' || err?.details?.permission !== access) {
          failures.push(`${where}: expected 403 FORBIDDEN naming ${access}`);
        }
      }
      // A logout (or revocation of all own sessions) ends this client's session: sign in anew.
      if (mayEndSession(r)) {
        const me = await client.request({ method: 'GET', url: '/api/auth/me' });
        if (me.statusCode === 401) {
          client = await signIn(server.app, `matrix_${role}`, password);
          clients[role] = client;
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("ending another user's sessions needs users.manage", async () => {
    const me = await (clients.admin as Client).request({ method: 'GET', url: '/api/auth/me' });
    const adminId = (me.json() as { user: { id: number } }).user.id;
    for (const role of ROLES) {
      if (PERMS.get(role)?.has('users.manage')) continue;
      const res = await (clients[role] as Client).request({
        method: 'DELETE',
        url: `/api/users/${adminId}/sessions`,
      });
      expect(res.statusCode, role).toBe(403);
    }
    const still = await (clients.admin as Client).request({ method: 'GET', url: '/api/auth/me' });
    expect(still.statusCode).toBe(200);
  });

  it('the matrix covered every route for every role and for anonymous callers', () => {
    expect(checked.size).toBe(routes.length * (ROLES.length + 1));
    expect(ROLES.length).toBe(BUILTIN_ROLES.length);
  });
});
