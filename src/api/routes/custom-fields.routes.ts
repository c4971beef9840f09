import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as svc from '../../app/customers/custom-fields.service';
import type { Deps } from '../../app/deps';
import { customFieldDefInput } from '../../domain/customers/custom-fields';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';

const def = z
  .object({
    id: z.number(),
    key: z.string(),
    type: z.string(),
    labelZh: z.string(),
    labelEn: z.string(),
    required: z.boolean(),
    options: z
      .array(z.object({ value: z.string(), labelZh: z.string(), labelEn: z.string() }))
      .optional(),
    position: z.number(),
    version: z.number(),
  })
  .meta({ id: 'CustomFieldDef' });

/** Admin-defined custom fields of the customer file. */
export const customFieldRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/custom-fields',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['customers'],
          summary: 'List custom field definitions',
          response: { 200: z.object({ items: z.array(def) }), ...errors },
        },
      },
      async (req) => ({ items: await svc.listCustomFields(deps, ctxOf(req)) }),
    );
    app.post(
      '/api/custom-fields',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['customers'],
          summary: 'Define a custom field',
          body: customFieldDefInput,
          response: { 201: def, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.createCustomField(deps, ctxOf(req), req.body)),
    );
    app.put(
      '/api/custom-fields/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['customers'],
          summary: 'Change a custom field definition (send its version)',
          params: idParams,
          body: z.intersection(customFieldDefInput, z.object({ version: z.number().int() })),
          response: { 200: def, ...errors },
        },
      },
      (req) => svc.updateCustomField(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/custom-fields/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['customers'],
          summary: 'Delete a custom field definition',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await svc.deleteCustomField(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
