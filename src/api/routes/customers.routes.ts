import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as customers from '../../app/customers/customers.service';
import { listDuplicateCandidates } from '../../app/customers/duplicates.service';
import { mergeCustomers, resolveCustomerCode } from '../../app/customers/merge.service';
import type { Deps } from '../../app/deps';
import {
  createCustomerInput,
  listCustomersQuery,
  updateCustomerInput,
} from '../../domain/customers/customer.schema';
import { ctxOf } from '../access';
import { errors, idParams, page } from '../contracts/common';
import { customerResponse, mergeInput, mergeResponse } from '../contracts/customers';

/** Customer list, view, create and edit. */
export const customerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/customers',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['customers'],
          summary: 'List customers (paginated, searchable by name or code, sortable)',
          querystring: listCustomersQuery,
          response: { 200: page(customerResponse), ...errors },
        },
      },
      (req) => customers.listCustomers(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/customers/:id',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['customers'],
          summary: 'One customer',
          params: idParams,
          response: { 200: customerResponse, ...errors },
        },
      },
      (req) => customers.getCustomer(deps, ctxOf(req), req.params.id),
    );

    app.post(
      '/api/customers',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['customers'],
          summary: 'Create a customer',
          body: createCustomerInput,
          response: { 201: customerResponse, ...errors },
        },
      },
      async (req, reply) => {
        const c = await customers.createCustomer(deps, ctxOf(req), req.body);
        return reply.status(201).send(c);
      },
    );

    app.patch(
      '/api/customers/:id',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['customers'],
          summary: 'Edit a customer (send the version you edited; a stale one gets 409)',
          params: idParams,
          body: updateCustomerInput,
          response: { 200: customerResponse, ...errors },
        },
      },
      (req) => customers.updateCustomer(deps, ctxOf(req), req.params.id, req.body),
    );

    app.get(
      '/api/customers/by-code/:code',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['customers'],
          summary: 'Resolve a customer code (a merged-away code leads to the survivor)',
          params: z.object({ code: z.string().min(1).max(64) }),
          response: { 200: customerResponse, ...errors },
        },
      },
      (req) => resolveCustomerCode(deps, ctxOf(req), req.params.code),
    );

    app.post(
      '/api/customers/merge',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['customers'],
          summary: 'Merge one customer into another, moving all history (one transaction)',
          body: mergeInput,
          response: { 200: mergeResponse, ...errors },
        },
      },
      (req) => mergeCustomers(deps, ctxOf(req), req.body),
    );

    app.get(
      '/api/tags',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['customers'],
          summary: 'Tags in use, with how many customers carry each',
          response: {
            200: z.object({ items: z.array(z.object({ tag: z.string(), count: z.number() })) }),
            ...errors,
          },
        },
      },
      async (req) => ({ items: await customers.listTags(deps, ctxOf(req)) }),
    );

    const side = z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      version: z.number(),
    });
    app.get(
      '/api/customers/duplicates',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['customers'],
          summary: 'Duplicate candidates with their reasons, strongest first',
          querystring: z.object({
            minScore: z.coerce.number().min(0.5).max(1).default(0.8),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({ a: side, b: side, reasons: z.array(z.string()), score: z.number() }),
              ),
              total: z.number(),
            }),
            ...errors,
          },
        },
      },
      (req) =>
        listDuplicateCandidates(deps, ctxOf(req), {
          minScore: req.query.minScore,
          page: req.query.page,
          limit: req.query.pageSize,
        }),
    );
  };
