import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import * as notifications from '../../app/notifications/notifications.service';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';

const tags = ['notifications'];
const notification = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    payload: z.record(z.string(), z.unknown()),
    entity: z.string().nullable(),
    entityId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

/** The signed-in user's notifications (tier changes of their customers, …). */
export const notificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'My notifications, newest first, with the unread count',
          querystring: z.object({
            unread: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().optional(),
          }),
          response: {
            200: z.object({ unread: z.number().int(), items: z.array(notification) }),
            ...errors,
          },
        },
      },
      (req) => notifications.listNotifications(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/notifications/:id/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Mark a notification read',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await notifications.markRead(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/notifications/read-all',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Mark all my notifications read',
          response: { 200: z.object({ marked: z.number().int() }), ...errors },
        },
      },
      async (req) => ({ marked: await notifications.markAllRead(deps, ctxOf(req)) }),
    );
  };
