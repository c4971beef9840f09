import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Value analytics: Pareto/Lorenz, value pyramid and RFM. */
export const analyticsValueRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
