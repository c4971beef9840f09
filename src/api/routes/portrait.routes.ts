import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { customerPortrait } from '../../app/analytics/portrait.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';
import { portraitQuery, portraitResponse } from '../contracts/portrait';

/** The customer portrait: everything known about one customer on one page. */
export const portraitRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/customers/:id/portrait',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['customers'],
          summary:
            'One customer on one page: profile, tiers with explanations, revenue, service, ' +
            'satisfaction, visits; RFM, lifecycle and CLV with analytics.read',
          params: idParams,
          querystring: portraitQuery,
          response: { 200: portraitResponse, ...errors },
        },
      },
      (req) => customerPortrait(deps, ctxOf(req), req.params.id, req.query),
    );
  };
