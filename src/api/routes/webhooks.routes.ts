import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { configureNotificationChannels } from '../../app/notifications/email-channel';
import { ensureEmailJobHandler } from '../../app/notifications/email-send.job';
import * as deliveries from '../../app/webhooks/deliveries.service';
import * as endpoints from '../../app/webhooks/endpoints.service';
import { ctxOf } from '../access';
import { errors, idParams, page } from '../contracts/common';
import {
  createWebhookBody,
  deliveriesQuerystring,
  notificationChannels,
  rotateSecretBody,
  updateWebhookBody,
  webhookDelivery,
  webhookDeliveryDetail,
  webhookEndpoint,
  webhookEndpointWithSecret,
} from '../contracts/webhooks';

const tags = ['webhooks'];
const access = { access: 'policies.manage' } as const;

/** Webhook endpoints, their delivery log and redelivery; which outbound channels are on. */
export const webhookRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // The server is where events are dispatched and jobs run: switch e-mail on from the config.
    configureNotificationChannels(deps.config);
    ensureEmailJobHandler();

    app.get(
      '/api/notifications/channels',
      {
        config: access,
        schema: {
          tags,
          summary: 'Outbound channels: whether e-mail (SMTP) is configured, active webhooks',
          response: { 200: notificationChannels, ...errors },
        },
      },
      (req) => endpoints.notificationChannels(deps, ctxOf(req)),
    );
    app.get(
      '/api/webhooks',
      {
        config: access,
        schema: {
          tags,
          summary: 'Webhook endpoints with the status of their latest delivery',
          response: { 200: z.object({ items: z.array(webhookEndpoint) }), ...errors },
        },
      },
      async (req) => ({ items: await endpoints.listEndpoints(deps, ctxOf(req)) }),
    );
    app.post(
      '/api/webhooks',
      {
        config: access,
        schema: {
          tags,
          summary: 'Add an endpoint; its signing secret is returned this once',
          body: createWebhookBody,
          response: { 201: webhookEndpointWithSecret, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await endpoints.createEndpoint(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/webhooks/:id',
      {
        config: access,
        schema: {
          tags,
          summary: 'One endpoint',
          params: idParams,
          response: { 200: webhookEndpoint, ...errors },
        },
      },
      (req) => endpoints.getEndpoint(deps, ctxOf(req), req.params.id),
    );
    app.patch(
      '/api/webhooks/:id',
      {
        config: access,
        schema: {
          tags,
          summary: 'Change an endpoint (name, URL, events, on/off); version must match',
          params: idParams,
          body: updateWebhookBody,
          response: { 200: webhookEndpoint, ...errors },
        },
      },
      (req) => endpoints.updateEndpoint(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/webhooks/:id',
      {
        config: access,
        schema: {
          tags,
          summary: 'Delete an endpoint with its delivery log',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await endpoints.deleteEndpoint(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/webhooks/:id/rotate-secret',
      {
        config: access,
        schema: {
          tags,
          summary: 'Replace the signing secret (given or generated); the new one is shown once',
          params: idParams,
          body: rotateSecretBody,
          response: { 200: webhookEndpointWithSecret, ...errors },
        },
      },
      (req) => endpoints.rotateSecret(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/webhooks/:id/test',
      {
        config: access,
        schema: {
          tags,
          summary: 'Queue a webhook.test event for this endpoint',
          params: idParams,
          response: {
            202: z.object({ eventId: z.string(), deliveryId: z.number().int().nullable() }),
            ...errors,
          },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await endpoints.sendTestEvent(deps, ctxOf(req), req.params.id)),
    );
    app.get(
      '/api/webhooks/:id/deliveries',
      {
        config: access,
        schema: {
          tags,
          summary: 'The delivery log of an endpoint, newest first',
          params: idParams,
          querystring: deliveriesQuerystring,
          response: { 200: page(webhookDelivery), ...errors },
        },
      },
      (req) => deliveries.listDeliveries(deps, ctxOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/webhook-deliveries/:id',
      {
        config: access,
        schema: {
          tags,
          summary: 'One delivery with every attempt made',
          params: idParams,
          response: { 200: webhookDeliveryDetail, ...errors },
        },
      },
      (req) => deliveries.getDelivery(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/webhook-deliveries/:id/redeliver',
      {
        config: access,
        schema: {
          tags,
          summary: 'Send a delivered or failed delivery once more (same event id)',
          params: idParams,
          response: { 202: webhookDeliveryDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await deliveries.redeliver(deps, ctxOf(req), req.params.id)),
    );
  };
