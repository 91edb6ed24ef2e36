import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import { securityPolicy } from './schema';
import * as service from './service';

export default function policyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['security policy'];
  r.get(
    '/api/security/policy',
    { schema: { tags, summary: 'Password, lockout, session and two-factor policy', response: { 200: securityPolicy, ...errors(401, 403) } }, config: { access: 'policy.read' } },
    async () => service.getPolicy(ctx.db),
  );
  r.put(
    '/api/security/policy',
    {
      schema: { tags, summary: 'Tighten the policy (never below the 等保 level-3 minimums)', body: securityPolicy, response: { 200: securityPolicy, ...errors(400, 401, 403) } },
      config: { access: 'policy.manage' },
    },
    async (req) => service.updatePolicy(ctx, req.actor, req.body),
  );
}
