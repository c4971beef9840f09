import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeOwnPassword,
  changePasswordInput,
  resetPassword,
  resetPasswordInput,
} from '../../app/auth/passwords.service';
import { endSession, endUserSessions, listSessions } from '../../app/auth/session-admin.service';
import { login, logout, SESSION_TTL_MS } from '../../app/auth/sessions.service';
import { setUserActive } from '../../app/auth/user-status.service';
import { systemCtx } from '../../app/context';
import type { Deps } from '../../app/deps';
import { DomainError } from '../../domain/errors';
import { loginInput } from '../../domain/users/user.schema';
import { ctxOf, refuseBearer, SESSION_COOKIE } from '../access';
import { errors, idParams } from '../contracts/common';
import { listScopeQuery, sessionParams, sessionResponse, signInErrors } from '../contracts/tokens';
import { meResponse } from '../contracts/users';

/**
 * Sign in, sign out, who am I (which also hands out the CSRF token), one's own password, and
 * open sessions (one's own; everybody's for users.manage).
 */
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
          summary:
            'Sign in with username and password; sets an httpOnly session cookie. 429 with Retry-After when the username is locked or the address sends too many attempts',
          body: loginInput,
          response: { 200: meResponse, ...signInErrors },
        },
      },
      async (req, reply) => {
        const ctx = systemCtx(String(req.id));
        // Signing in again replaces the session the browser had: no session outlives a sign-in
        // (session fixation), and its CSRF token dies with it.
        if (req.sessionToken && req.session) {
          await logout(deps, { ...ctx, actor: req.session.actor }, req.sessionToken);
        }
        try {
          const { token, session } = await login(deps, ctx, req.body, {
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
            rowScope: session.actor.rowScope,
            csrfToken: session.csrfToken,
            expiresAt: session.expiresAt,
          };
        } catch (e) {
          const wait = e instanceof DomainError ? e.details.retryAfterSeconds : undefined;
          if (typeof wait === 'number') reply.header('retry-after', String(wait));
          throw e;
        }
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
          rowScope: s.actor.rowScope,
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt,
        };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Change your own password; your other sessions end',
          body: changePasswordInput,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        refuseBearer(req, 'An API token cannot change its user’s password');
        await changeOwnPassword(deps, ctxOf(req), req.body, req.session?.sessionId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/sessions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary:
            'Open sessions: yours, or with all=true or userId someone else’s (needs users.manage)',
          querystring: listScopeQuery,
          response: { 200: z.object({ items: z.array(sessionResponse) }), ...errors },
        },
      },
      async (req) => {
        refuseBearer(req, 'API tokens cannot see sign-in sessions');
        return {
          items: await listSessions(deps, ctxOf(req), {
            all: req.query.all === 'true',
            ...(req.query.userId ? { userId: req.query.userId } : {}),
            ...(req.session?.sessionId ? { currentId: req.session.sessionId } : {}),
          }),
        };
      },
    );

    app.delete(
      '/api/auth/sessions/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'End a session (yours, or anyone’s with users.manage)',
          params: sessionParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        refuseBearer(req, 'API tokens cannot end sign-in sessions');
        await endSession(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/users/:id/sessions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'End every session of a user (yourself, or anyone with users.manage)',
          params: idParams,
          response: { 200: z.object({ ended: z.number().int() }), ...errors },
        },
      },
      async (req) => {
        refuseBearer(req, 'API tokens cannot end sign-in sessions');
        return { ended: await endUserSessions(deps, ctxOf(req), req.params.id) };
      },
    );

    app.post(
      '/api/users/:id/password',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['auth'],
          summary: 'Set a user’s password; all their sessions end and a sign-in lock is lifted',
          params: idParams,
          body: resetPasswordInput,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await resetPassword(deps, ctxOf(req), req.params.id, req.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/users/:id/active',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['auth'],
          summary:
            'Disable (active=false) or enable a user; disabling ends their sessions and stops their API tokens',
          params: idParams,
          body: z.object({ active: z.boolean({ error: 'active must be true or false' }) }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await setUserActive(deps, ctxOf(req), req.params.id, req.body.active);
        return reply.status(204).send(null);
      },
    );
  };
