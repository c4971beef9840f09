import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login, logout, SESSION_TTL_MS } from '../../app/auth/sessions.service';
import { systemCtx } from '../../app/context';
import type { Deps } from '../../app/deps';
import { DomainError } from '../../domain/errors';
import { loginInput } from '../../domain/users/user.schema';
import { ctxOf, SESSION_COOKIE } from '../access';
import { errors } from '../contracts/common';
import { meResponse } from '../contracts/users';

/** Sign in, sign out, and who am I (which also hands out the CSRF token). */
export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const secureCookie = (proto: string) =>
      deps.config.cookieSecure === 'auto' ? proto === 'https' : deps.config.cookieSecure === 'true';

    app.post(
      '/api/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with username and password; sets an httpOnly session cookie',
          body: loginInput,
          response: { 200: meResponse, ...errors },
        },
      },
      async (req, reply) => {
        const { token, session } = await login(deps, systemCtx(String(req.id)), req.body, {
          ip: req.ip,
          ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
        });
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookie(req.protocol),
          path: '/',
          maxAge: Math.floor(SESSION_TTL_MS / 1000),
        });
        return {
          user: session.user,
          permissions: [...session.actor.permissions],
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
        };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        if (req.sessionToken) await logout(deps, ctxOf(req), req.sessionToken);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, their permissions and the CSRF token for writes',
          response: { 200: meResponse, ...errors },
        },
      },
      async (req) => {
        const s = req.session;
        if (!s) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
        return {
          user: s.user,
          permissions: [...s.actor.permissions],
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt,
        };
      },
    );
  };
