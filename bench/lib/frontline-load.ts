import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * Loads `path` (or, with `paths`, a different path per request, chosen at random) on loopback
 * with autocannon for `seconds` over `connections` connections.
 */
export async function load(opts: {
  label: string;
  port: number;
  path: string;
  paths?: readonly string[];
  cookie?: string;
  seconds: number;
  connections: number;
}): Promise<LoadResult> {
  const headers: Record<string, string> = opts.cookie ? { cookie: opts.cookie } : {};
  const paths = opts.paths;
  const r = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: 'GET',
        path: opts.path,
        headers,
        ...(paths
          ? {
              setupRequest: (req: autocannon.Request) => ({
                ...req,
                path: paths[Math.floor(Math.random() * paths.length)] as string,
              }),
            }
          : {}),
      },
    ],
  });
  return {
    label: opts.label,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
