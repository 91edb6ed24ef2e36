import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { DEMO_ACCOUNTS } from '../demo/accounts';
import { DEMO_PASSWORD } from '../domains/identity/auth/password-rules';
import { getPolicy } from '../domains/identity/policy/service';
import { VERSION } from '../version';
import { typed } from './route-kit';
import * as schema from './system-schema';


export default function systemRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);

  r.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database kind',
        response: { 200: schema.health, 503: schema.unavailable },
      },
      config: { access: 'public' },
    },
    async (_req, reply) => {
      try {
        await ctx.db.query('SELECT 1');
        return { status: 'ok' as const, database: ctx.db.kind };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: ctx.db.kind });
      }
    },
  );

  r.get(
    '/api/meta',
    {
      schema: {
        tags: ['system'],
        summary: 'What the sign-in page needs: demo mode and, only in demo mode, the demo accounts',
        response: { 200: schema.meta },
      },
      config: { access: 'public' },
    },
    async () => ({
      version: VERSION,
      demo: ctx.demo,
      database: ctx.db.kind,
      passwordMinLength: (await getPolicy(ctx.db)).minLength,
      importMaxMB: Math.round(ctx.config.importMaxBytes / 1048576),
      ...(ctx.demo
        ? {
            demoAccounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.roles[0] ?? '', org: a.org, note: a.note })),
            demoPassword: DEMO_PASSWORD,
          }
        : {}),
    }),
  );
}
