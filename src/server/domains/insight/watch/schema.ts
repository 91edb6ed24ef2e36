import { z } from 'zod';
import { pageQuery } from '../../../../shared/api';

export const WATCH_KINDS = ['holder', 'ipc', 'keyword', 'patent', 'trademark', 'similar_marks'] as const;
export const ALERT_KINDS = ['fee_due', 'fee_grace', 'expiry', 'status_change', 'new_filing', 'tm_renewal', 'tm_grace', 'similar_mark'] as const;

export const watchBody = z.strictObject({
  kind: z.enum(WATCH_KINDS).describe('holder: holder id; ipc: class, subclass or group; keyword: Chinese or English words; patent: application number; trademark: trademark id; similar_marks: holder id (new marks of others close to its marks)'),
  value: z.string().trim().min(1).max(100),
});
export type WatchBody = z.infer<typeof watchBody>;

export const watchView = z.object({ id: z.number().int(), kind: z.enum(WATCH_KINDS), value: z.string(), label: z.string(), createdAt: z.string() });

export const alertView = z.object({
  id: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  rightType: z.enum(['patent', 'trademark']),
  rightId: z.number().int(),
  watch: z.object({ id: z.number().int(), label: z.string() }).nullable().describe('The watch that raised it; null for one’s own rights'),
  dueDate: z.string().nullable().describe('Fee deadline, end of grace, term end or renewal deadline'),
  detail: z.record(z.string(), z.unknown()),
  link: z.string().describe('The record page'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type AlertView = z.infer<typeof alertView>;

export const alertQuery = z.strictObject({
  ...pageQuery,
  unread: z.enum(['1', 'true']).optional().transform((v) => (v ? true : undefined)),
  kind: z.enum(ALERT_KINDS).optional(),
});

export const alertPage = z.object({
  items: z.array(alertView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.array(z.object({ kind: z.enum(ALERT_KINDS), total: z.number().int(), unread: z.number().int() })),
  unread: z.number().int(),
});

export const readBody = z.strictObject({ ids: z.array(z.number().int().positive()).max(500).optional().describe('Default: every unread alert') });
export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });
