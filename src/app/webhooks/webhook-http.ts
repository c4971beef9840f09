/** What one HTTP call to an endpoint came to. */
export interface CallResult {
  ok: boolean;
  statusCode: number | null;
  /** Why it did not count as delivered; null when it did. */
  error: string | null;
  durationMs: number;
}

const BODY_EXCERPT = 200;

/** The most telling message of a fetch failure (undici hides the socket error in `cause`). */
function describeFailure(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return `Timed out after ${timeoutMs} ms`;
  const cause =
    e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
  return `Network error: ${detail}`;
}

/**
 * POSTs a body to a URL with a hard timeout (connecting, waiting and reading the answer all
 * count). 2xx is delivered; anything else, including redirects (not followed: the receiver must
 * be configured with its final URL), is a failed attempt with a short reason.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<CallResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read the answer within the same timeout, so the connection is released either way.
    const text = await res.text();
    if (res.status >= 200 && res.status < 300)
      return { ok: true, statusCode: res.status, error: null, durationMs: took() };
    const excerpt = text.trim().slice(0, BODY_EXCERPT);
    return {
      ok: false,
      statusCode: res.status,
      error: `HTTP ${res.status}${excerpt ? `: ${excerpt}` : ''}`,
      durationMs: took(),
    };
  } catch (e) {
    return {
      ok: false,
      statusCode: null,
      error: describeFailure(e, timeoutMs),
      durationMs: took(),
    };
  }
}
