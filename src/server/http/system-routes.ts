import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { DEMO_ACCOUNTS } from '../demo/accounts';
import { DEMO_PASSWORD } from '../domains/identity/auth/password-rules';
import { VERSION } from '../version';
import { typed } from './route-kit';


export default function systemRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);

  r.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database kind',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) }), 503: z.object({ status: z.literal('unavailable'), database: z.enum(['embedded', 'postgres']) }) },
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
        response: {
          200: z.object({
            version: z.string(),
            demo: z.boolean(),
            database: z.enum(['embedded', 'postgres']),
            demoAccounts: z
              .array(z.object({ username: z.string(), role: z.string(), org: z.string(), note: z.object({ zh: z.string(), en: z.string() }) }))
              .optional(),
            demoPassword: z.string().optional(),
          }),
        },
      },
      config: { access: 'public' },
    },
    async () => ({
      version: VERSION,
      demo: ctx.demo,
      database: ctx.db.kind,
      ...(ctx.demo
        ? {
            demoAccounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.roles[0] ?? '', org: a.org, note: a.note })),
            demoPassword: DEMO_PASSWORD,
          }
        : {}),
    }),
  );
}
