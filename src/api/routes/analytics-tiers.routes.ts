import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Tier distribution over time and migration between runs. */
export const analyticsTierRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
