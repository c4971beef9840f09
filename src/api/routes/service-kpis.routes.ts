import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for service KPIs and their export. */
export const serviceKpiRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
