import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context';
import { errors, typed } from '../../../http/route-kit';
import { pageQuery } from '../../../../shared/api';
import { z } from 'zod';
import * as schema from './schema';
import * as service from './service';

const toEntry = (r: service.AuditRow & { target_label: string | null }) => ({
  id: r.id,
  at: r.at.toISOString(),
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  actorName: r.actor_name,
  actorOrgId: r.actor_org_id,
  ip: r.ip,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  targetLabel: r.target_label,
  result: r.result,
  beforeDigest: r.before_digest,
  afterDigest: r.after_digest,
  details: r.details,
  hash: r.hash,
});

export default function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['audit'];

  r.get(
    '/api/audit',
    { schema: { tags, summary: 'The audit log, newest first (auditor)', querystring: schema.auditQuery, response: { 200: schema.auditPage, ...errors(400, 401, 403) } }, config: { access: 'audit.read' } },
    async (req) => {
      const q = req.query;
      const { items, total } = await service.listAudit(
        ctx.db,
        {
          from: q.from ? new Date(q.from) : null,
          to: q.to ? new Date(q.to) : null,
          actor: q.actor ?? null,
          action: q.action ?? null,
          targetType: q.targetType ?? null,
          targetId: q.targetId ?? null,
          result: q.result ?? null,
          actorId: null,
        },
        q.page,
        q.pageSize,
      );
      return { items: items.map(toEntry), total, page: q.page, pageSize: q.pageSize, actions: await service.listActions(ctx.db) };
    },
  );

  r.post(
    '/api/audit/verify',
    { schema: { tags, summary: 'Recompute the hash chain; names the first altered, missing or unlinked entry', response: { 200: schema.chainReport, ...errors(401, 403) } }, config: { access: 'audit.read' } },
    async (req) => {
      const report = await service.verifyChain(ctx.db);
      await service.recordAudit(ctx.db, ctx.clock, { actor: req.actor, action: 'audit.verify', result: report.ok ? 'ok' : 'failed', details: { checked: report.checked, firstBroken: report.firstBroken?.id ?? null } });
      return report;
    },
  );

  r.get(
    '/api/auth/sign-ins',
    {
      schema: { tags, summary: 'The caller’s own recent sign-ins and sign-in failures', querystring: z.strictObject(pageQuery), response: { 200: schema.mySignIns, ...errors(400, 401) } },
      config: { access: 'session' },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const { items, total } = await service.listAudit(
        ctx.db,
        { from: null, to: null, actor: null, action: 'auth', targetType: 'user', targetId: req.actor.id, result: null, actorId: null },
        page,
        pageSize,
      );
      return { items: items.map((i) => ({ id: i.id, at: i.at.toISOString(), ip: i.ip, action: i.action, result: i.result, reason: typeof i.details.reason === 'string' ? i.details.reason : null })), total, page, pageSize };
    },
  );
}
