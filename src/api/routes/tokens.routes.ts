import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/auth/api-tokens.service';
import type { Deps } from '../../app/deps';
import { createApiTokenInput } from '../../domain/auth/api-token.schema';
import { ctxOf, refuseBearer } from '../access';
import { errors, idParams } from '../contracts/common';
import { apiTokenResponse, createdApiTokenResponse, listScopeQuery } from '../contracts/tokens';

/** API tokens for integrations: create (secret shown once), list, revoke. */
export function apiTokenRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tokens',
      {
        config: { access: 'tokens.manage' },
        schema: {
          tags: ['auth'],
          summary: 'Your API tokens (with all=true, everybody’s: needs users.manage); no secrets',
          querystring: listScopeQuery,
          response: { 200: z.object({ items: z.array(apiTokenResponse) }), ...errors },
        },
      },
      async (req) => ({
        items: await listApiTokens(deps, ctxOf(req), {
          all: req.query.all === 'true',
          ...(req.query.userId ? { userId: req.query.userId } : {}),
        }),
      }),
    );

    app.post(
      '/api/tokens',
      {
        config: { access: 'tokens.manage' },
        schema: {
          tags: ['auth'],
          summary:
            'Create an API token with some of your permissions and an expiry; the secret is in this answer only',
          body: createApiTokenInput,
          response: { 201: createdApiTokenResponse, ...errors },
        },
      },
      async (req, reply) => {
        // A leaked token must not be able to mint itself a longer-lived successor.
        refuseBearer(req, 'API tokens cannot create API tokens; sign in to create one');
        return reply.status(201).send(await createApiToken(deps, ctxOf(req), req.body));
      },
    );

    app.delete(
      '/api/tokens/:id',
      {
        config: { access: 'tokens.manage' },
        schema: {
          tags: ['auth'],
          summary: 'Revoke an API token (yours, or anyone’s with users.manage)',
          params: idParams,
          response: { 200: apiTokenResponse, ...errors },
        },
      },
      async (req) => revokeApiToken(deps, ctxOf(req), req.params.id),
    );
  };
}
