import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** Starts a server process and waits until GET /healthz answers 200. */
export async function startServer(
  argv: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<ChildProcess> {
  const [cmd, ...args] = argv;
  const child = spawn(cmd as string, args, {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${stderr.slice(-2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return child;
    if (Date.now() - started > 180_000) throw new Error('server did not become healthy');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stops a server started by {@link startServer} (its whole process group). */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(-(child.pid as number), 'SIGTERM');
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Signs in and returns the session cookie. */
export async function sessionCookie(port: number, username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('td_session='));
  if (!set) throw new Error('no session cookie');
  return set.split(';')[0] as string;
}
