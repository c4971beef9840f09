import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** The customer portrait: everything known about one customer on one page. */
export const portraitRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
