import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches, resolveSession, type SessionInfo } from '../app/auth/sessions.service';
import type { Actor, Ctx } from '../app/context';
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
    sessionToken: string | undefined;
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

/**
 * Installs session resolution, CSRF protection and the per-route permission check.
 * Every route must declare `config.access`; one that does not answers 403 to everybody.
 */
export function registerAccessControl(app: FastifyInstance, deps: Deps): RouteRecord[] {
  const routes: RouteRecord[] = [];
  app.decorateRequest('session', undefined);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRoute', (opts) => {
    if (!opts.config?.access && PUBLIC_PLUGIN_PREFIXES.some((p) => opts.url.startsWith(p))) {
      opts.config = { ...opts.config, access: 'public' };
    }
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const m of methods) {
      routes.push({ method: m, url: opts.url, access: opts.config?.access });
    }
  });

  // onRequest: refuse before the body is even parsed or validated.
  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    if (req.is404) return; // the not-found handler answers 404 to everybody
    const access = req.routeOptions.config?.access;
    // Static files and the SPA fallback are served by @fastify/static with access 'public'.
    if (!access) {
      throw new DomainError('FORBIDDEN', 'This route declares no permission and is refused');
    }
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      req.sessionToken = token;
      req.session = await resolveSession(deps, token, new Date());
    }
    if (access === 'public') return;
    if (!req.session) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.headers[CSRF_HEADER];
      if (!csrfMatches(req.session.csrfToken, typeof given === 'string' ? given : undefined)) {
        throw new DomainError(
          'CSRF',
          `Missing or wrong ${CSRF_HEADER} header; read the token from GET /api/auth/me`,
        );
      }
    }
    if (!allows(req.session.actor.permissions, access)) {
      throw new DomainError('FORBIDDEN', `This needs the permission ${access}`, {
        permission: access,
      });
    }
  });
  return routes;
}

/** The use-case context for a request: the signed-in actor, the request id, the real clock. */
export function ctxOf(req: FastifyRequest): Ctx {
  const actor: Actor | undefined = req.session?.actor;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  return { actor, requestId: String(req.id), now: () => new Date() };
}
