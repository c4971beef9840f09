import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createRole,
  deleteRole,
  listRoleViews,
  permissionCatalog,
  updateRole,
} from '../../app/auth/roles.service';
import type { Deps } from '../../app/deps';
import { createRoleInput, updateRoleInput } from '../../domain/auth/role.schema';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';
import { permissionCatalogResponse, roleViewResponse } from '../contracts/roles';

const roleParams = z.object({ id: z.string().min(1).max(40) });

/** The role matrix: the permission catalog, roles with holders, and custom-role editing. */
export function roleRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/permissions',
      {
        config: { access: 'users.read' },
        schema: {
          tags: ['users'],
          summary: 'Every permission grouped by area, and the row scopes',
          response: { 200: permissionCatalogResponse, ...errors },
        },
      },
      async (req) => permissionCatalog(ctxOf(req)),
    );

    app.get(
      '/api/roles/matrix',
      {
        config: { access: 'users.read' },
        schema: {
          tags: ['users'],
          summary: 'Roles with permissions, row scope and how many users hold each',
          response: { 200: z.object({ items: z.array(roleViewResponse) }), ...errors },
        },
      },
      async (req) => ({ items: await listRoleViews(deps, ctxOf(req)) }),
    );

    app.post(
      '/api/roles',
      {
        config: { access: 'roles.manage' },
        schema: {
          tags: ['users'],
          summary: 'Create a custom role',
          body: createRoleInput,
          response: { 201: roleViewResponse, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await createRole(deps, ctxOf(req), req.body)),
    );

    app.patch(
      '/api/roles/:id',
      {
        config: { access: 'roles.manage' },
        schema: {
          tags: ['users'],
          summary: 'Change a custom role (built-in roles are read-only)',
          params: roleParams,
          body: updateRoleInput,
          response: { 200: roleViewResponse, ...errors },
        },
      },
      async (req) => updateRole(deps, ctxOf(req), req.params.id, req.body),
    );

    app.delete(
      '/api/roles/:id',
      {
        config: { access: 'roles.manage' },
        schema: {
          tags: ['users'],
          summary: 'Delete a custom role nobody holds',
          params: roleParams,
          response: { 204: z.null().describe('Deleted'), ...errors },
        },
      },
      async (req, reply) => {
        await deleteRole(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
