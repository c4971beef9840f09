import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { filterOptions } from '../../app/analytics/filter-options.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';

const tags = ['analytics'];

const filterOptionsResponse = z
  .object({
    regions: z.array(z.string()),
    industries: z.array(z.string()),
    types: z.array(z.string()),
    schemes: z.array(
      z.object({
        id: z.number().int(),
        nameZh: z.string(),
        nameEn: z.string(),
        serviceTier: z.boolean(),
        tiers: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'AnalyticsFilterOptions' });

/** Shared analytics routes: what the filters offer. */
export const analyticsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/analytics/filter-options',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Regions, industries, types and scheme tiers the analytics filters offer',
          response: { 200: filterOptionsResponse, ...errors },
        },
      },
      async (req) => filterOptions(deps, ctxOf(req)),
    );
  };
