import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { databaseAnswers } from '../../app/health';

/** Liveness plus a database round trip. */
export const healthRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Health check: the server runs and the database answers',
          response: {
            200: z.object({ status: z.literal('ok'), engine: z.string() }),
            503: z.object({ status: z.literal('unavailable'), engine: z.string() }),
          },
        },
      },
      async (_req, reply) => {
        if (await databaseAnswers(deps))
          return { status: 'ok' as const, engine: deps.store.engine };
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, engine: deps.store.engine });
      },
    );
  };
