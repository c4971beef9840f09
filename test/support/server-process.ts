import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';

const BIN = resolve(import.meta.dirname, '../../bin/tierdesk.js');
/** The tests' secret and admin password, shared with in-process seeding (test/support/config). */
export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';
export const ADMIN_PASSWORD = 'Admin-pass-123';

/** A free loopback port (the OS picks one; it is released before the server takes it). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** A real `tierdesk serve` process on a loopback port. */
export interface ServerProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** SIGKILL: the process dies at once, mid-statement, with no chance to clean up. */
  kill(): Promise<void>;
  /** SIGTERM and wait (graceful stop). */
  stop(): Promise<void>;
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}

/**
 * Starts `tierdesk serve` as a user runs it (bin/tierdesk.js through tsx) with demo data and
 * the job runner off, and waits until GET /healthz answers. `env` supplies the database
 * (DATABASE_URL, TIERDESK_DATA_DIR).
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      TIERDESK_SECRET: TEST_SECRET,
      TIERDESK_ADMIN_PASSWORD: ADMIN_PASSWORD,
      TIERDESK_DEMO: 'off',
      TIERDESK_JOBS: 'off',
      TIERDESK_COOKIE_SECURE: 'false',
      // Tests poll and sign in more often than people do; loopback needs no rate limits.
      TIERDESK_RATE_LIMIT_GLOBAL: '0',
      TIERDESK_RATE_LIMIT_LOGIN: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), sig);
    } catch {
      // Already gone.
    }
  };
  const server: ServerProcess = {
    port,
    baseUrl,
    child,
    stderr: () => stderr,
    async kill() {
      signal('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      signal('SIGTERM');
      await exited(child);
      clearTimeout(timer);
    },
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${stderr.slice(-2000)}`);
    const ok = await fetch(`${baseUrl}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return server;
    if (Date.now() - started > 90_000) {
      await server.kill();
      throw new Error(`server did not become healthy: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A signed-in HTTP client over fetch: sends the session cookie and the CSRF token. */
export interface HttpSession {
  fetch(
    path: string,
    init?: { method?: string; body?: unknown; raw?: Buffer | string },
  ): Promise<Response>;
  json<T = unknown>(
    path: string,
    init?: { method?: string; body?: unknown; raw?: Buffer | string },
  ): Promise<{ status: number; body: T }>;
}

/** Signs in over HTTP (`POST /api/auth/login`). */
export async function signInOverHttp(
  baseUrl: string,
  username = 'admin',
  password = ADMIN_PASSWORD,
): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('td_session='));
  if (!set) throw new Error('no session cookie');
  const cookie = set.split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const doFetch: HttpSession['fetch'] = (path, init = {}) => {
    const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
    let body: string | Buffer | undefined;
    if (init.raw !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      body = init.raw;
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    return fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(body !== undefined ? { body } : {}),
    });
  };
  return {
    fetch: doFetch,
    async json(path, init) {
      const r = await doFetch(path, init);
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : null) as never };
    },
  };
}

/**
 * A PostgreSQL database of its own for a server process (the server takes its schema from
 * DATABASE_URL alone, so tests give it a whole database rather than a schema).
 */
export async function scratchPgDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `td_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
