import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable().describe('Username, organisation or token name of the target, when known'),
  result: z.enum(['ok', 'denied', 'failed']),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const auditQuery = z.strictObject({
  ...pageQuery,
  from: z.iso.datetime({ offset: true }).optional().describe('ISO time, inclusive'),
  to: z.iso.datetime({ offset: true }).optional().describe('ISO time, exclusive'),
  actor: optionalText(64).describe('Username (or token:<name>, cli, system)'),
  action: optionalText(64).describe('An action or its prefix, e.g. auth or auth.login'),
  targetType: optionalText(40),
  targetId: optionalText(80),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditPage = pageOf(auditEntry).extend({ actions: z.array(z.string()) });

export const chainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ id: z.number().int(), reason: z.enum(['hash', 'link', 'gap', 'head']), message: z.string() }).nullable(),
});

export const mySignIns = pageOf(
  auditEntry.pick({ id: true, at: true, ip: true, action: true, result: true }).extend({
    reason: z.string().nullable().describe('Why a sign-in failed: bad_credentials, locked, disabled…'),
  }),
);
