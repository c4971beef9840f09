import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Behaviour analytics: nine-grid, lifecycle, cohorts, churn risk, service by tier. */
export const analyticsBehaviourRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
