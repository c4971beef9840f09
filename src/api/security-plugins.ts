import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../app/deps';
import { securityOf } from '../config';
import { DomainError } from '../domain/errors';

/** The route whose requests get the strict per-IP limit (password guessing). */
export const LOGIN_URL = '/api/auth/login';

/**
 * Content Security Policy for the web UI and the API docs. Scripts only from our own origin
 * (Vite emits external module files, no inline script). Styles also allow inline, because Ant
 * Design's CSS-in-JS writes <style> elements at run time; the price is small, since scripts,
 * not styles, are what an injected payload needs. No framing, no plugins, no foreign hosts.
 * `upgrade-insecure-requests` is left out: on a plain-http intranet address it would send the
 * app's own files to an https port that does not exist.
 */
const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': null,
};

/**
 * Security headers (helmet), CORS and per-IP rate limits. Registered before the routes and
 * before access control, so a throttled request costs no session lookup.
 */
export async function registerSecurityPlugins(app: FastifyInstance, deps: Deps): Promise<void> {
  const security = securityOf(deps.config);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
  });
  // The embeddable card (/embed/…) exists to be framed by a counter or call-centre screen:
  // those pages name who may frame them (any origin unless listed; the SameSite cookie already
  // keeps a frame on another site signed out). No other page may be framed (clickjacking).
  const embedders = security.embedOrigins.length > 0 ? security.embedOrigins.join(' ') : '*';
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/embed/')) return;
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') {
      reply.header(
        'content-security-policy',
        csp.replace("frame-ancestors 'none'", `frame-ancestors 'self' ${embedders}`),
      );
    }
    reply.removeHeader('x-frame-options');
  });

  // Same origin only unless origins are listed. Credentials are not allowed cross-origin:
  // integrations on another origin use API tokens, never the session cookie.
  const origins = security.corsOrigins;
  await app.register(fastifyCors, {
    origin: origins.length > 0 ? origins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
  });

  const limits = deps.config.rateLimits;
  if (!limits || (limits.loginPerMinute === 0 && limits.globalPerMinute === 0)) return;
  await app.register(fastifyRateLimit, { global: false });
  const perMinute = (max: number) =>
    max > 0 ? app.createRateLimit({ max, timeWindow: 60_000 }) : undefined;
  const everything = perMinute(limits.globalPerMinute);
  const login = perMinute(limits.loginPerMinute);
  // App-level hooks (not the plugin's per-route ones), so the limit runs before access control.
  app.addHook('onRequest', async (req: FastifyRequest, reply) => {
    const isLogin = req.method === 'POST' && req.routeOptions.url === LOGIN_URL;
    for (const [limiter, which] of [
      [everything, 'global'],
      [isLogin ? login : undefined, 'login'],
    ] as const) {
      if (!limiter) continue;
      const r = await limiter(req);
      if (r.isAllowed || !r.isExceeded) continue;
      reply.header('retry-after', String(r.ttlInSeconds));
      // The server log, not the audit: under a flood one audit row per request is the flood.
      req.log.warn({ ip: req.ip, limit: which, url: req.url }, 'rate limit reached');
      throw new DomainError(
        'RATE_LIMITED',
        `Too many requests from this address; try again in ${r.ttlInSeconds} s`,
        { reason: 'rate_limited', limit: which, retryAfterSeconds: r.ttlInSeconds },
      );
    }
  });
}
