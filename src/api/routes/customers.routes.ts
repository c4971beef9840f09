import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as customers from '../../app/customers/customers.service';
import type { Deps } from '../../app/deps';
import {
  createCustomerInput,
  listCustomersQuery,
  updateCustomerInput,
} from '../../domain/customers/customer.schema';
import { ctxOf } from '../access';
import { errors, idParams, page } from '../contracts/common';
import { customerResponse } from '../contracts/customers';

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
  };
