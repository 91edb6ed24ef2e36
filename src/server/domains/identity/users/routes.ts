import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES, permissionsOf } from '../../../../shared/roles';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

export default function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['accounts'];
  const byId = { params: schema.userIdParams };

  r.get(
    '/api/users',
    { schema: { tags, summary: 'Accounts', querystring: schema.userListQuery, response: { 200: schema.userPage, ...errors(400, 401, 403) } }, config: { access: 'user.read' } },
    async (req) => service.listUsers(ctx, req.actor, req.query),
  );
  r.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One account', ...byId, response: { 200: schema.userView, ...errors(401, 403, 404) } }, config: { access: 'user.read' } },
    async (req) => service.getUser(ctx, req.actor, req.params.id),
  );
  r.post(
    '/api/users',
    {
      schema: { tags, summary: 'Create an account (pending until the security administrator grants roles)', body: schema.userCreate, response: { 201: schema.createdUser, ...errors(400, 401, 403, 409, 422) } },
      config: { access: 'user.manage' },
    },
    async (req, reply) => reply.code(201).send(await service.createUser(ctx, req.actor, req.body)),
  );
  r.patch(
    '/api/users/:id',
    { schema: { tags, summary: 'Edit name, organisation or e-mail', ...byId, body: schema.userUpdate, response: { 200: schema.userView, ...errors(400, 401, 403, 404) } }, config: { access: 'user.manage' } },
    async (req) => service.updateUser(ctx, req.actor, req.params.id, req.body),
  );
  r.put(
    '/api/users/:id/disabled',
    { schema: { tags, summary: 'Disable or re-enable an account', ...byId, body: schema.disabledBody, response: { 200: schema.userView, ...errors(400, 401, 403, 404, 422) } }, config: { access: 'user.manage' } },
    async (req) => service.setUserDisabled(ctx, req.actor, req.params.id, req.body.disabled, req.body.reason),
  );
  r.post(
    '/api/users/:id/reset-password',
    { schema: { tags, summary: 'Issue a temporary password (shown once; must be changed at sign-in)', ...byId, response: { 200: schema.passwordReset, ...errors(401, 403, 404, 422) } }, config: { access: 'user.manage' } },
    async (req) => service.resetPassword(ctx, req.actor, req.params.id),
  );
  r.post(
    '/api/users/:id/unlock',
    { schema: { tags, summary: 'Lift a sign-in lock', ...byId, response: { 200: schema.userView, ...errors(401, 403, 404) } }, config: { access: 'user.manage' } },
    async (req) => service.unlockUser(ctx, req.actor, req.params.id),
  );
  r.post(
    '/api/users/:id/reset-mfa',
    { schema: { tags, summary: 'Clear two-factor set-up (lost phone)', ...byId, response: { 200: schema.userView, ...errors(401, 403, 404, 422) } }, config: { access: 'user.manage' } },
    async (req) => service.resetMfa(ctx, req.actor, req.params.id),
  );
  r.put(
    '/api/users/:id/grants',
    {
      schema: { tags, summary: 'Set roles and area scope (security administrator)', ...byId, body: schema.grantBody, response: { 200: schema.userView, ...errors(400, 401, 403, 404, 422) } },
      config: { access: 'user.grant' },
    },
    async (req) => service.grant(ctx, req.actor, req.params.id, req.body),
  );
  r.get(
    '/api/roles',
    {
      schema: { tags, summary: 'Roles and their permissions', response: { 200: z.array(z.object({ role: z.string(), permissions: z.array(z.string()) })), ...errors(401) } },
      config: { access: 'session' },
    },
    async () => ROLES.map((role) => ({ role, permissions: [...permissionsOf([role])].sort() })),
  );
}
