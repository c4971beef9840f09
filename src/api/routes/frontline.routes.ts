import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';
import { frontlineCard } from '../../app/frontline/card.service';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';
import { frontlineCard as cardBody, cardQuery } from '../contracts/frontline';

/** Routes for the front-line card. */
export const frontlineRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/frontline/card',
      {
        config: { access: 'frontline.read' },
        schema: {
          tags: ['frontline'],
          summary:
            'The front-line card of a customer by code or phone: tier, tags with suggested actions, policy, entitlements, open tickets',
          querystring: cardQuery,
          response: { 200: cardBody, ...errors },
        },
      },
      (req) => frontlineCard(deps, ctxOf(req), req.query),
    );
  };
