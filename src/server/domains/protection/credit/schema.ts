import { z } from 'zod';
import { pageQuery } from '../../../../shared/api';
import {
  CREDIT_CATEGORIES,
  CREDIT_KINDS,
  CREDIT_SEVERITIES,
  CREDIT_STATUSES,
  CREDIT_SUBJECT_KINDS,
  REPAIR_STATUSES,
  categoriesOf,
} from '../../../../shared/protection/credit';
import { chainEntryView, fileView } from '../evidence/schema';
import { areaCode, isoDate, optionalText, text, uscc } from '../fields';

/** A record as an officer enters it (a draft until published). */
export const recordBody = z
  .strictObject({
    kind: z.enum(CREDIT_KINDS),
    category: z.enum(CREDIT_CATEGORIES),
    severity: z.enum(CREDIT_SEVERITIES).optional().describe('Distrust only: 一般 (general) or 严重 (serious) distrust'),
    subjectName: text(200).describe('The organisation: enterprise, IP agency or other body (never a natural person)'),
    subjectUscc: uscc,
    subjectKind: z.enum(CREDIT_SUBJECT_KINDS),
    areaCode,
    legalBasis: text(1000).describe('认定依据: the rule the decision applies'),
    decisionNo: text(100).describe('决定文书号'),
    decisionOrg: text(100).describe('认定部门'),
    decidedOn: isoDate,
    facts: text(4000).describe('What the decision found (失信/守信事实)'),
    startsOn: isoDate,
    endsOn: isoDate.optional().describe('Last day of publication; required for distrust'),
  })
  .superRefine((b, c) => {
    if (!categoriesOf(b.kind).includes(b.category)) c.addIssue({ code: 'custom', path: ['category'], message: '类别与守信/失信不符 / The category does not belong to this kind of record' });
    if (b.kind === 'distrust' && !b.severity) c.addIssue({ code: 'custom', path: ['severity'], message: '失信记录须选择一般失信或严重失信 / A distrust record needs its severity' });
    if (b.kind === 'trust' && b.severity) c.addIssue({ code: 'custom', path: ['severity'], message: '守信记录没有失信程度 / A trust record has no severity' });
    if (b.kind === 'distrust' && !b.endsOn) c.addIssue({ code: 'custom', path: ['endsOn'], message: '失信记录须填写公示截止日期 / A distrust record needs the end of its publication' });
    if (b.endsOn && b.endsOn <= b.startsOn) c.addIssue({ code: 'custom', path: ['endsOn'], message: '公示截止日期须晚于起始日期 / The end must be after the start' });
    if (b.startsOn < b.decidedOn) c.addIssue({ code: 'custom', path: ['startsOn'], message: '公示起始日期不能早于决定日期 / Publication cannot start before the decision' });
  });
export type RecordBody = z.infer<typeof recordBody>;

export const reasonBody = z.strictObject({ reason: text(500) });
export const noteBody = z.strictObject({ note: optionalText(500) });

export const repairBody = z.strictObject({
  reasons: text(4000).describe('How the firm corrected the conduct (纠正失信行为、消除不良影响的情况)'),
  commitment: z.literal(true, { message: '须作出信用承诺 / The credit commitment must be given' }).describe('信用承诺: the firm commits to keep its word'),
  files: z.array(z.string().min(10).max(100)).max(10).default([]).describe('uploadToken of each supporting file from POST /api/public/evidence'),
});

const repairView = z.object({
  id: z.number().int(),
  orgName: z.string(),
  applicant: z.string(),
  reasons: z.string(),
  fileIds: z.array(z.number().int()),
  status: z.enum(REPAIR_STATUSES),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

export const recordView = z.object({
  id: z.number().int(),
  ref: z.string(),
  kind: z.enum(CREDIT_KINDS),
  category: z.enum(CREDIT_CATEGORIES),
  severity: z.enum(CREDIT_SEVERITIES).nullable(),
  subjectName: z.string(),
  subjectUscc: z.string(),
  subjectKind: z.enum(CREDIT_SUBJECT_KINDS),
  areaCode: z.string(),
  areaName: z.string(),
  legalBasis: z.string(),
  decisionNo: z.string(),
  decisionOrg: z.string(),
  decidedOn: z.string(),
  facts: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(CREDIT_STATUSES),
  publishedAt: z.string().nullable(),
  endedOn: z.string().nullable(),
  endedEarlyOn: z.string().nullable(),
  endReason: z.string().nullable(),
  revokeReason: z.string().nullable(),
  source: z.enum(['manual', 'key_list']),
  decisionFileId: z.number().int().nullable(),
  repairOpensOn: z.string().nullable().describe('Distrust: first day the subject may apply for repair'),
  endingSoon: z.boolean().describe('Published and ending within the configured days'),
  endOverdue: z.boolean().describe('Still published after its end date (the daily run ends it)'),
  createdBy: z.string(),
  createdAt: z.string(),
  isDemo: z.boolean(),
  actions: z.array(z.string()).describe("What the caller may do now: 'edit', 'decision', 'publish', 'revoke', 'end', 'repair-approve', 'repair-refuse', 'repair'"),
});

export const recordDetail = recordView.extend({
  files: z.array(fileView),
  repairs: z.array(repairView),
  history: z.array(chainEntryView),
});

export const listQuery = z.strictObject({
  kind: z.enum(CREDIT_KINDS).optional(),
  category: z.enum(CREDIT_CATEGORIES).optional(),
  status: z.enum(CREDIT_STATUSES).optional(),
  area: areaCode.optional(),
  q: optionalText(100).describe('Subject name, credit code, decision number or reference'),
  flag: z.enum(['ending', 'overdue', 'repair']).optional().describe('ending: ends soon; overdue: past its end; repair: repair awaiting review'),
  ...pageQuery,
});
export const recordList = z.object({ items: z.array(recordView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const fileParams = z.strictObject({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

export const mineView = z.object({
  organisation: z.object({ name: z.string(), uscc: z.string().nullable() }),
  records: z.array(recordDetail.omit({ history: true })),
});

export const rulesView = z.object({
  repairMinMonths: z.object({ general: z.number().int(), serious: z.number().int() }),
  endingSoonDays: z.number().int(),
});
export const rulesBody = z.strictObject({
  repairMinMonths: z.strictObject({ general: z.number().int().min(0).max(36), serious: z.number().int().min(0).max(60) }),
  endingSoonDays: z.number().int().min(1).max(180),
});

/** A record as the public and the credit platform see it: no internal ids, people or working notes. */
export const publicRecord = z.object({
  ref: z.string(),
  kind: z.enum(CREDIT_KINDS),
  category: z.enum(CREDIT_CATEGORIES),
  severity: z.enum(CREDIT_SEVERITIES).nullable(),
  subjectName: z.string(),
  subjectUscc: z.string(),
  subjectKind: z.enum(CREDIT_SUBJECT_KINDS),
  areaCode: z.string(),
  areaName: z.string(),
  legalBasis: z.string(),
  decisionNo: z.string(),
  decisionOrg: z.string(),
  decidedOn: z.string(),
  facts: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(['published', 'ended', 'revoked']),
  publishedAt: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  decisionFileSha256: z.string().nullable(),
});
export type PublicRecord = z.infer<typeof publicRecord>;

export const publicQuery = z.strictObject({
  kind: z.enum(CREDIT_KINDS).default('distrust'),
  q: optionalText(100).describe('Name or credit code'),
  ...pageQuery,
});
export const publicList = z.object({ items: z.array(publicRecord), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const feedQuery = z.strictObject({
  since: z
    .string()
    .regex(/^\d{1,15}$/, '游标是上次返回的 nextCursor / The cursor is the nextCursor of the last reply')
    .default('0')
    .describe('nextCursor of the last reply; 0 (or absent) from the beginning'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const feedView = z.object({
  items: z.array(z.object({ seq: z.string(), change: z.enum(['published', 'updated', 'ended', 'revoked']), at: z.string(), record: publicRecord })),
  nextCursor: z.string().describe('Send it as `since` next time; unchanged when there was nothing new'),
  hasMore: z.boolean(),
});

export const exportQuery = z.strictObject({
  since: z.string().regex(/^\d{1,15}$/).optional().describe('Only records changed after this cursor (manifest.cursor.to of the last bundle)'),
});

export const exportKeyView = z.object({
  algorithm: z.literal('Ed25519'),
  publicKeyPem: z.string(),
  publicKeySha256: z.string().describe('SHA-256 of the DER (SPKI) public key, as named in each manifest'),
});

export const lastExportView = z.object({
  last: z.object({ at: z.string(), by: z.string(), cursorFrom: z.string(), cursorTo: z.string(), records: z.number().int() }).nullable(),
  current: z.string().describe('The feed position now: changes after last.cursorTo are waiting'),
});
