import { z } from 'zod';
import { chainEntryView } from '../evidence/schema';
import { areaCode, mobile, optionalText, text } from '../fields';

export const KEY_LIST_STATUSES = ['submitted', 'county_passed', 'returned', 'listed', 'exited', 'withdrawn'] as const;
export type KeyListStatus = (typeof KEY_LIST_STATUSES)[number];

const rightRef = z.object({ type: z.enum(['patent', 'trademark']), id: z.number().int().positive() });

export const applicationBody = z.object({
  industry: text(50),
  reasons: text(2000),
  contactName: text(50),
  contactPhone: mobile,
  rights: z
    .array(rightRef)
    .min(1, '请至少选择一项知识产权 / Choose at least one right')
    .max(50)
    .refine((r) => new Set(r.map((x) => `${x.type}:${x.id}`)).size === r.length, '同一权利不能重复选择 / A right is chosen twice'),
});
export type ApplicationBody = z.infer<typeof applicationBody>;

const rightView = z.object({ type: z.enum(['patent', 'trademark']), id: z.number().int(), number: z.string(), title: z.string(), status: z.string() });

export const applicationView = z.object({
  id: z.number().int(),
  ref: z.string(),
  orgName: z.string(),
  uscc: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string(),
  industry: z.string(),
  reasons: z.string(),
  contactName: z.string().describe('Masked'),
  contactPhone: z.string().describe('Masked'),
  rights: z.array(rightView),
  status: z.enum(KEY_LIST_STATUSES),
  returnReason: z.string().nullable(),
  countyNote: z.string().nullable(),
  cityNote: z.string().nullable(),
  exitReason: z.string().nullable(),
  submittedAt: z.string(),
  listedOn: z.string().nullable(),
  reviewDue: z.string().nullable(),
  reviewOverdue: z.boolean(),
  isDemo: z.boolean(),
  history: z.array(chainEntryView),
  actions: z.array(z.string()).describe("What the caller may do now: 'county-pass', 'return', 'approve', 'review', 'edit', 'withdraw'"),
});

export const mineView = z.object({
  organisation: z.object({ name: z.string(), uscc: z.string().nullable(), areaCode: z.string(), areaName: z.string() }),
  candidates: z.array(rightView),
  applications: z.array(applicationView),
});


export const listQuery = z.object({
  status: z.enum(KEY_LIST_STATUSES).optional(),
  area: areaCode.optional(),
  q: optionalText(100),
  overdue: z.enum(['1']).optional().describe('Only listed firms whose yearly review is past due'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const applicationList = z.object({ items: z.array(applicationView.omit({ history: true })), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const noteBody = z.object({ note: optionalText(500) });
export const returnBody = z.object({ reason: text(500) });
export const reviewBody = z
  .object({ decision: z.enum(['renew', 'exit']), reason: optionalText(500) })
  .refine((b) => b.decision === 'renew' || !!b.reason, { path: ['reason'], message: '移出名录须说明理由 / Removing a firm from the list needs a reason' });

export const publicQuery = z.object({
  area: areaCode.optional(),
  q: optionalText(100),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const publicList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      areaCode: z.string(),
      areaName: z.string(),
      industry: z.string(),
      rights: z.array(z.object({ type: z.enum(['patent', 'trademark']), number: z.string(), title: z.string() })),
      listedOn: z.string(),
      reviewDue: z.string(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
