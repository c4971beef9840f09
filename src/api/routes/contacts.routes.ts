import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as svc from '../../app/customers/contacts.service';
import type { Deps } from '../../app/deps';
import {
  ADDRESS_KINDS,
  addressInput,
  CONTACT_ROLES,
  contactEdit,
  contactInput,
} from '../../domain/customers/contact.schema';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';

const contact = z
  .object({
    id: z.number(),
    customerId: z.number(),
    name: z.string(),
    title: z.string().nullable(),
    role: z.enum(CONTACT_ROLES).nullable(),
    isPrimary: z.boolean(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    idNumber: z.string().nullable(),
    masked: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'Contact' });

const address = z
  .object({
    id: z.number(),
    customerId: z.number(),
    kind: z.enum(ADDRESS_KINDS),
    label: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    district: z.string().nullable(),
    regionCode: z.string().nullable(),
    line: z.string(),
    postalCode: z.string().nullable(),
  })
  .meta({ id: 'Address' });

const noContent = { 204: z.null(), ...errors };

/** Contacts (personal data encrypted at rest, masked by permission) and addresses. */
export const contactRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/customers/:id/contacts',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['contacts'],
          summary: "A customer's contacts (phones and e-mails masked without customers.pii)",
          params: idParams,
          response: { 200: z.object({ items: z.array(contact) }), ...errors },
        },
      },
      async (req) => ({ items: await svc.listContacts(deps, ctxOf(req), req.params.id) }),
    );
    app.post(
      '/api/customers/:id/contacts',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Add a contact',
          params: idParams,
          body: contactInput,
          response: { 201: contact, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.addContact(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.patch(
      '/api/contacts/:id',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Edit a contact (send its version)',
          params: idParams,
          body: contactEdit,
          response: { 200: contact, ...errors },
        },
      },
      (req) => svc.updateContact(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/contacts/:id',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Remove a contact',
          params: idParams,
          response: noContent,
        },
      },
      async (req, reply) => {
        await svc.removeContact(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/contacts/lookup',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['contacts'],
          summary: 'Find contacts by exact phone or e-mail (any notation: +86, spaces, dashes)',
          querystring: z.object({
            phone: z.string().max(40).optional(),
            email: z.string().max(200).optional(),
          }),
          response: { 200: z.object({ items: z.array(contact) }), ...errors },
        },
      },
      async (req) => ({ items: await svc.lookupContacts(deps, ctxOf(req), req.query) }),
    );

    app.get(
      '/api/customers/:id/addresses',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['contacts'],
          summary: "A customer's addresses",
          params: idParams,
          response: { 200: z.object({ items: z.array(address) }), ...errors },
        },
      },
      async (req) => ({ items: await svc.listAddresses(deps, ctxOf(req), req.params.id) }),
    );
    app.post(
      '/api/customers/:id/addresses',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Add an address (province/city/district resolve to a GB/T 2260 code)',
          params: idParams,
          body: addressInput,
          response: { 201: address, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.addAddress(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.delete(
      '/api/addresses/:id',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Remove an address',
          params: idParams,
          response: noContent,
        },
      },
      async (req, reply) => {
        await svc.removeAddress(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
