/** One problem with one input field, as the server reports it in `details.issues`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A failed API call: the HTTP status plus the server's stable error code and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field issues from `details.issues`, or none. */
  get issues(): FieldIssue[] {
    const raw = this.details.issues;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (i): i is FieldIssue =>
        typeof i === 'object' &&
        i !== null &&
        typeof (i as FieldIssue).field === 'string' &&
        typeof (i as FieldIssue).message === 'string',
    );
  }
}

/** Code used when the server could not be reached at all. */
export const NETWORK_ERROR = 'NETWORK';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

let csrfToken: string | undefined;
let unauthenticatedHandler: (() => void) | undefined;

/** Remembers the CSRF token from sign-in or /me; every write sends it back. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * Registers what to do when the session has ended under us (a 401 on an ordinary call), so the
 * app can return to the sign-in page instead of showing a broken screen.
 */
export function onUnauthenticated(handler: (() => void) | undefined): void {
  unauthenticatedHandler = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** A path with its query string; empty values are left out. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** The server's error body `{ error: { code, message, details } }` as an ApiError. */
function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })?.error;
  if (err && typeof err.code === 'string') {
    const details =
      typeof err.details === 'object' && err.details !== null
        ? (err.details as Record<string, unknown>)
        : {};
    return new ApiError(status, err.code, String(err.message ?? statusText), details);
  }
  return new ApiError(status, 'HTTP', statusText || `HTTP ${status}`);
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  return apiErrorOf(res.status, res.statusText, body);
}

/**
 * Calls the API: JSON in and out, the session cookie, and the CSRF header on writes.
 * Error bodies `{ error: { code, message, details } }` are thrown as ApiError.
 */
export async function request<T>(
  method: string,
  path: string,
  opts: { body?: unknown; query?: Query } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
  } catch (e) {
    throw new ApiError(0, NETWORK_ERROR, (e as Error).message);
  }
  if (!res.ok) {
    const error = await toApiError(res);
    // A 401 from sign-in or /me is an answer, not a lost session.
    if (res.status === 401 && !path.startsWith('/api/auth/')) unauthenticatedHandler?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Sends a file as the raw request body (application/octet-stream), reporting how much has gone
 * up so far: fetch cannot tell upload progress, XMLHttpRequest can. Answers and errors are read
 * exactly like `request`'s.
 */
export function sendFile<T>(
  path: string,
  file: Blob,
  opts: { query?: Query; onProgress?: (sent: number, total: number) => void } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, opts.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded, e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, NETWORK_ERROR, 'The upload did not reach the server'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      if (xhr.status === 401) unauthenticatedHandler?.();
      reject(apiErrorOf(xhr.status, xhr.statusText, body));
    };
    xhr.send(file);
  });
}

/** Shorthands for the HTTP methods the UI uses. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, query ? { query } : {}),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
};
