import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../../shared/api';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';

const mail = z.object({ id: z.string(), to: z.string(), subject: z.string(), body: z.string(), createdAt: z.string(), sentAt: z.string().nullable(), error: z.string().nullable() });

/** Without SMTP, mail stays here for administrators to read and pass on. */
export default function outboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/api/outbox',
    {
      schema: { tags: ['outbox'], summary: 'Messages the platform sent or is holding', querystring: z.strictObject(pageQuery), response: { 200: pageOf(mail).extend({ smtp: z.boolean() }), ...errors(400, 401, 403) } },
      config: { access: 'outbox.read' },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const rows = await ctx.db.query<{ id: string; to_address: string; subject: string; body: string; created_at: Date; sent_at: Date | null; error: string | null }>(
        'SELECT id, to_address, subject, body, created_at, sent_at, error FROM outbox ORDER BY created_at DESC, id LIMIT $1 OFFSET $2',
        [pageSize, (page - 1) * pageSize],
      );
      const [c] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
      return {
        items: rows.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, body: m.body, createdAt: m.created_at.toISOString(), sentAt: m.sent_at?.toISOString() ?? null, error: m.error })),
        total: c?.n ?? 0,
        page,
        pageSize,
        smtp: ctx.config.smtp !== undefined,
      };
    },
  );
}
