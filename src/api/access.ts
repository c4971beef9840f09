import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../app/audit';
import { resolveApiToken } from '../app/auth/api-token-auth';
import { checkSession, csrfMatches, type SessionInfo } from '../app/auth/sessions.service';
import { type Actor, type Ctx, SYSTEM_ACTOR } from '../app/context';
import type { Deps } from '../app/deps';
import { allows, type RouteAccess } from '../domain/auth/permissions';
import { DomainError } from '../domain/errors';

export const SESSION_COOKIE = 'td_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs. A route without it is refused: deny by default. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: SessionInfo | undefined;
    /** The cookie token, only when the request is authenticated by its cookie. */
    sessionToken: string | undefined;
    /** How the request was authenticated: by the session cookie or an API token. */
    authKind: 'cookie' | 'bearer' | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes that third-party plugins register (the OpenAPI viewer) cannot carry our config, so
 * they are made public here by prefix. This is the only place a route gets access implicitly.
 */
const PUBLIC_PLUGIN_PREFIXES = ['/api/docs'];

/** Registered routes and what they declared, so a test can walk every one of them. */
export interface RouteRecord {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/** What a refused request presented, and why it was refused (recorded as `auth.refused`). */
interface Refusal {
  reason: string;
  credential: 'cookie' | 'bearer';
}

/**
 * `Authorization: Bearer <token>` → the token; another scheme or an empty token → null
 * (malformed); no header → undefined.
 */
function bearerOf(req: FastifyRequest): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer +([^\s]+) *$/i.exec(h);
  return m?.[1] ?? null;
}

/**
 * Installs credential resolution (session cookie or API token), CSRF protection for cookie
 * sessions and the per-route permission check. Every route must declare `config.access`; one
 * that does not answers 403 to everybody. A request with an API token is authenticated by the
 * token alone: a cookie beside it is ignored, so it needs no CSRF token.
 */
export function registerAccessControl(app: FastifyInstance, deps: Deps): RouteRecord[] {
  const routes: RouteRecord[] = [];
  app.decorateRequest('session', undefined);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('authKind', undefined);

  app.addHook('onRoute', (opts) => {
    const preflight = opts.method === 'OPTIONS' && (opts.url === '*' || opts.url === '/*');
    if (
      !opts.config?.access &&
      (preflight || PUBLIC_PLUGIN_PREFIXES.some((p) => opts.url.startsWith(p)))
    ) {
      opts.config = { ...opts.config, access: 'public' };
    }
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const m of methods) {
      routes.push({ method: m, url: opts.url, access: opts.config?.access });
    }
  });

  /** Audits a refusal (one entry each) and answers with `error`. */
  const refuse = async (
    req: FastifyRequest,
    refusal: Refusal,
    error: DomainError,
  ): Promise<never> => {
    const actor: Actor = req.session?.actor ?? { ...SYSTEM_ACTOR, name: 'anonymous' };
    try {
      await writeAudit(
        deps.store.db,
        { actor, requestId: String(req.id), now: () => new Date() },
        {
          action: 'auth.refused',
          entity: 'request',
          after: {
            ...refusal,
            status: error.code,
            method: req.method,
            url: req.url.slice(0, 300),
            ip: req.ip,
            ...(req.session?.apiTokenId ? { apiTokenId: req.session.apiTokenId } : {}),
          },
        },
      );
    } catch (e) {
      req.log.error({ err: e }, 'could not audit a refused request');
    }
    req.log.warn({ ...refusal, code: error.code }, 'request refused');
    throw error;
  };

  // onRequest: refuse before the body is even parsed or validated.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.is404) return; // the not-found handler answers 404 to everybody
    const access = req.routeOptions.config?.access;
    // Static files and the SPA fallback are served by @fastify/static with access 'public'.
    if (!access) {
      throw new DomainError('FORBIDDEN', 'This route declares no permission and is refused');
    }
    const now = new Date();
    let refused: Refusal | undefined;
    const bearer = bearerOf(req);
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (bearer !== undefined) {
      const r = bearer ? await resolveApiToken(deps, bearer, now, req.ip) : undefined;
      if (r && 'session' in r) {
        req.session = r.session;
        req.authKind = 'bearer';
      } else {
        refused = { credential: 'bearer', reason: r?.refused ?? 'malformed' };
      }
    } else if (cookie) {
      const r = await checkSession(deps, cookie, now);
      if ('session' in r) {
        req.session = r.session;
        req.sessionToken = cookie;
        req.authKind = 'cookie';
      } else {
        refused = { credential: 'cookie', reason: r.refused };
      }
    }
    if (access === 'public') return;
    if (refused) {
      if (refused.credential === 'cookie') reply.clearCookie(SESSION_COOKIE, { path: '/' });
      else reply.header('www-authenticate', 'Bearer error="invalid_token"');
      const message =
        refused.credential === 'bearer'
          ? 'The API token is malformed, unknown, expired or revoked'
          : 'Your session has ended; sign in again';
      return refuse(req, refused, new DomainError('UNAUTHENTICATED', message));
    }
    if (!req.session) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    if (req.authKind === 'cookie' && !SAFE_METHODS.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (!csrfMatches(req.session.csrfToken, typeof given === 'string' ? given : undefined)) {
        return refuse(
          req,
          { credential: 'cookie', reason: given ? 'csrf_mismatch' : 'csrf_missing' },
          new DomainError(
            'CSRF',
            `Missing or wrong ${CSRF_HEADER} header; read the token from GET /api/auth/me`,
          ),
        );
      }
    }
    if (!allows(req.session.actor.permissions, access)) {
      return refuse(
        req,
        { credential: req.authKind ?? 'cookie', reason: 'forbidden' },
        new DomainError('FORBIDDEN', `This needs the permission ${access}`, { permission: access }),
      );
    }
  });
  return routes;
}

/**
 * Refuses a request authenticated by an API token: for what only a person at a browser (or
 * the CLI) should do, such as creating tokens, changing a password or ending sessions.
 */
export function refuseBearer(req: FastifyRequest, message: string): void {
  if (req.authKind === 'bearer') throw new DomainError('FORBIDDEN', message);
}

/** The use-case context for a request: the signed-in actor, the request id, the real clock. */
export function ctxOf(req: FastifyRequest): Ctx {
  const actor: Actor | undefined = req.session?.actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return { actor, requestId: String(req.id), now: () => new Date() };
}
