import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createServer } from 'node:net';

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

function healthz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
    req.end();
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // The launcher may run the server in a child of its own: signal the whole process group.
  process.kill(-(child.pid as number), 'SIGTERM');
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the server with `argv` and `env`, polls GET /healthz every 10 ms, and returns the
 * milliseconds from spawn to the first 200. The server is stopped afterwards.
 */
export async function timeToHealthy(
  argv: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  timeoutMs = 120_000,
): Promise<number> {
  const [cmd, ...args] = argv;
  const started = performance.now();
  const child = spawn(cmd as string, args, {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited early: ${stderr.slice(-2000)}`);
      if ((await healthz(port)) === 200) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error('server did not become healthy');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await stop(child);
  }
}
