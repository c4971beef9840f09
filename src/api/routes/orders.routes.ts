import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { checkCustomerOrder } from '../../app/policy/order-check.service';
import * as queue from '../../app/policy/order-queue.service';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';
import {
  orderBody,
  orderCheckResponse,
  orderRefusedResponse,
  queuedOrder,
  queueQuery,
  transitionBody,
} from '../contracts/orders';

const tags = ['orders'];

/** Routes for order checks and the order queue. */
export const orderRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orders/check',
      {
        config: { access: 'orders.check' },
        schema: {
          tags,
          summary: 'Check an order against the customer’s tier policy (writes nothing)',
          body: orderBody,
          response: { 200: orderCheckResponse, ...errors },
        },
      },
      (req) => checkCustomerOrder(deps, ctxOf(req), req.body),
    );
    app.post(
      '/api/orders/requests',
      {
        config: { access: 'orders.check' },
        schema: {
          tags,
          summary: 'Submit an order to the queue; a refused order answers 422 with its reasons',
          body: orderBody,
          response: { 201: queuedOrder, 422: orderRefusedResponse, ...errors },
        },
      },
      async (req, reply) => {
        const r = await queue.submitOrder(deps, ctxOf(req), req.body);
        if (r.ok) return reply.status(201).send(r.order);
        return reply.status(422).send({
          error: {
            code: 'ORDER_REFUSED' as const,
            message: `The order is refused: ${r.check.reasons.map((x) => x.message).join('; ')}`,
            details: { reasons: r.check.reasons, check: r.check },
          },
        });
      },
    );
    app.get(
      '/api/orders/queue',
      {
        config: { access: 'orders.check' },
        schema: {
          tags,
          summary: 'The order queue: tier, rush as the tier allows, score, submission time',
          querystring: queueQuery,
          response: { 200: z.object({ items: z.array(queuedOrder) }), ...errors },
        },
      },
      async (req) => ({ items: await queue.listQueue(deps, ctxOf(req), req.query) }),
    );
    app.get(
      '/api/orders/requests/:id',
      {
        config: { access: 'orders.check' },
        schema: {
          tags,
          summary: 'One queued order',
          params: idParams,
          response: { 200: queuedOrder, ...errors },
        },
      },
      (req) => queue.getOrder(deps, ctxOf(req), req.params.id),
    );
    app.patch(
      '/api/orders/requests/:id',
      {
        config: { access: 'orders.check' },
        schema: {
          tags,
          summary: 'Move an order along (queued → in production → done, or cancelled)',
          params: idParams,
          body: transitionBody,
          response: { 200: queuedOrder, ...errors },
        },
      },
      (req) => queue.transitionOrder(deps, ctxOf(req), req.params.id, req.body),
    );
  };
