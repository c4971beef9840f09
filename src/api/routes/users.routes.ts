import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUser,
  listOwners,
  listRoles,
  listUsers,
  updateUser,
} from '../../app/auth/users.service';
import type { Deps } from '../../app/deps';
import { createUserInput } from '../../domain/users/user.schema';
import { updateUserInput } from '../../domain/users/user-edit.schema';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';
import { roleResponse, userResponse } from '../contracts/users';

/** Users and roles. */
export const userRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/users',
      {
        config: { access: 'users.read' },
        schema: {
          tags: ['users'],
          summary: 'List users',
          response: { 200: z.object({ items: z.array(userResponse) }), ...errors },
        },
      },
      async (req) => ({ items: await listUsers(deps, ctxOf(req)) }),
    );

    app.post(
      '/api/users',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Create a user',
          body: createUserInput,
          response: { 201: userResponse, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await createUser(deps, ctxOf(req), req.body)),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Edit a user (display name, e-mail, role, region, team, locale)',
          params: z.object({ id: z.coerce.number().int().positive() }),
          body: updateUserInput,
          response: { 200: userResponse, ...errors },
        },
      },
      async (req) => updateUser(deps, ctxOf(req), req.params.id, req.body),
    );

    app.get(
      '/api/roles',
      {
        config: { access: 'users.read' },
        schema: {
          tags: ['users'],
          summary: 'List roles with their permissions and row scope',
          response: { 200: z.object({ items: z.array(roleResponse) }), ...errors },
        },
      },
      async (req) => ({ items: await listRoles(deps, ctxOf(req)) }),
    );
  };

/** Active users who can own customers, for pickers; readable by anyone who reads customers. */
export const ownerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/owners',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['users'],
          summary: 'Users who can own customers (id and name only)',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.number().int(), displayName: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({ items: await listOwners(deps, ctxOf(req)) }),
    );
  };
