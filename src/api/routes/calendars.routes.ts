import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for business calendars. */
export const calendarRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
