import { z } from 'zod';
import { CIRCULAR_KINDS, INTERVIEW_STATUSES, NOTICE_STATUSES, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from '../../../../shared/workplan/supervision';
import { chainEntryView, fileView } from '../../protection/evidence/schema';
import { isoDate, optionalText, text } from '../../protection/fields';

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const fileParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) };
const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
const unitRef = z.object({ id: z.string(), name: z.string(), areaCode: z.string(), areaName: z.string() });
const actions = z.array(z.string()).describe('What the caller may do now');

/** A later date must not come before an earlier one: the error names the later field. */
const notBefore = <T extends Record<string, unknown>>(later: keyof T & string, earlier: keyof T & string, message: string) => (b: T, c: z.RefinementCtx) => {
  const l = b[later];
  const e = b[earlier];
  if (typeof l === 'string' && typeof e === 'string' && l < e) c.addIssue({ code: 'custom', path: [later], message });
};

// ---- 督办 notices

export const noticeBody = z
  .object({
    orgId: z.string().uuid(),
    assignmentIds: z.array(z.number().int().positive()).max(50).default([]),
    issues: text(4000),
    requirement: text(2000),
    replyContent: text(1000),
    issueDate: isoDate.optional().describe('Default: today'),
    replyDue: isoDate,
  })
  .strict()
  .superRefine(notBefore('replyDue', 'issueDate', '回复期限不能早于发文日期 / The reply deadline cannot be before the issue date'));
export type NoticeBody = z.infer<typeof noticeBody>;

export const replyBody = z.object({ body: text(4000) }).strict();
export const acceptBody = z.object({ comment: optionalText(1000) }).strict();
export const returnBody = z.object({ comment: text(1000), replyDue: isoDate.optional().describe('A new reply deadline, if the unit needs more time') }).strict();

const assignmentRef = z.object({ id: z.number().int(), title: z.string(), dueDate: z.string(), status: z.string(), taskTitle: z.string(), planTitle: z.string(), planYear: z.number().int() });

export const noticeItem = z.object({
  id: z.number().int(),
  ref: z.string(),
  unit: unitRef,
  issues: z.string(),
  requirement: z.string(),
  replyContent: z.string(),
  issueDate: z.string(),
  replyDue: z.string(),
  status: z.enum(NOTICE_STATUSES),
  overdue: z.boolean().describe('The reply deadline passed with no reply waiting'),
  replies: z.number().int(),
  replyBody: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  assignments: z.array(assignmentRef),
  rectifications: z.number().int(),
  isDemo: z.boolean(),
  actions,
});
export const noticeDetail = noticeItem.extend({ files: z.array(fileView), history: z.array(chainEntryView) });
export const noticeQuery = z.object({
  status: z.enum(NOTICE_STATUSES).optional(),
  overdue: z.enum(['1']).optional(),
  open: z.enum(['1']).optional().describe('Only notices not yet accepted'),
  org: z.string().uuid().optional(),
  ...page,
});
export const noticeList = listOf(noticeItem);

export const overdueAssignment = assignmentRef.extend({ unit: unitRef, daysOverdue: z.number().int(), openNotices: z.number().int() });
export const overdueList = z.object({ items: z.array(overdueAssignment) });

// ---- 通报 circulars

export const circularBody = z
  .object({
    kind: z.enum(CIRCULAR_KINDS),
    title: text(200),
    circularDate: isoDate.optional().describe('Default: today'),
    body: text(8000),
    units: z
      .array(z.object({ orgId: z.string().uuid(), reason: optionalText(500) }).strict())
      .min(1, '请至少列出一个被表扬或批评的单位 / Name at least one unit')
      .max(50)
      .refine((u) => new Set(u.map((x) => x.orgId)).size === u.length, '同一单位不能重复列出 / A unit is named twice'),
    circulateTo: z.enum(['all', 'listed']).default('all'),
    recipients: z.array(z.string().uuid()).max(100).default([]),
  })
  .strict()
  .superRefine((b, c) => {
    if (b.circulateTo === 'listed' && b.recipients.length === 0) c.addIssue({ code: 'custom', path: ['recipients'], message: '请选择通报送达的单位 / Choose the units it is sent to' });
  });
export type CircularBody = z.infer<typeof circularBody>;

export const circularItem = z.object({
  id: z.number().int(),
  ref: z.string(),
  kind: z.enum(CIRCULAR_KINDS),
  title: z.string(),
  circularDate: z.string(),
  body: z.string(),
  circulateTo: z.enum(['all', 'listed']),
  units: z.array(unitRef.extend({ reason: z.string().nullable() })),
  recipients: z.array(unitRef),
  rectifications: z.number().int(),
  isDemo: z.boolean(),
  actions,
});
export const circularDetail = circularItem.extend({ history: z.array(chainEntryView) });
export const circularQuery = z.object({ kind: z.enum(CIRCULAR_KINDS).optional(), ...page });
export const circularList = listOf(circularItem);

// ---- 约谈 interviews

export const interviewBody = z
  .object({
    orgId: z.string().uuid(),
    interviewees: text(500).describe('Officials of the unit, with their posts'),
    interviewers: text(500),
    heldAt: z.string().datetime({ offset: true }).describe('ISO date-time'),
    place: text(200),
    issues: text(4000),
    commitments: optionalText(4000),
    followUpDue: isoDate,
  })
  .strict()
  .superRefine((b, c) => {
    if (b.followUpDue < b.heldAt.slice(0, 10)) c.addIssue({ code: 'custom', path: ['followUpDue'], message: '跟踪期限不能早于约谈日期 / The follow-up deadline cannot be before the interview' });
  });
export type InterviewBody = z.infer<typeof interviewBody>;
export const followUpBody = z.object({ body: text(4000), close: z.boolean().default(false).describe('The commitments are fulfilled: close the interview') }).strict();

export const interviewItem = z.object({
  id: z.number().int(),
  ref: z.string(),
  unit: unitRef,
  interviewees: z.string(),
  interviewers: z.string(),
  heldAt: z.string(),
  place: z.string(),
  issues: z.string(),
  commitments: z.string(),
  followUpDue: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  overdue: z.boolean(),
  followUps: z.array(z.object({ body: z.string(), by: z.string(), at: z.string() })),
  rectifications: z.number().int(),
  isDemo: z.boolean(),
  actions,
});
export const interviewDetail = interviewItem.extend({ history: z.array(chainEntryView) });
export const interviewQuery = z.object({ status: z.enum(INTERVIEW_STATUSES).optional(), ...page });
export const interviewList = listOf(interviewItem);

// ---- 整改 rectification

export const rectificationBody = z
  .object({
    sourceKind: z.enum(RECTIFICATION_SOURCES),
    sourceId: z.number().int().positive(),
    orgId: z.string().uuid(),
    description: text(2000),
    deadline: isoDate,
  })
  .strict();
export type RectificationBody = z.infer<typeof rectificationBody>;
export const rectifySubmitBody = z.object({ body: text(4000) }).strict();
export const rectifyCloseBody = z.object({ comment: optionalText(1000) }).strict();
export const rectifyReturnBody = z.object({ comment: text(1000), deadline: isoDate.optional() }).strict();

export const rectificationItem = z.object({
  id: z.number().int(),
  ref: z.string(),
  source: z.object({ kind: z.enum(RECTIFICATION_SOURCES), id: z.number().int(), ref: z.string() }),
  unit: unitRef,
  description: z.string(),
  deadline: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  overdue: z.boolean(),
  reportBody: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  closedAt: z.string().nullable(),
  isDemo: z.boolean(),
  actions,
});
export const rectificationDetail = rectificationItem.extend({ files: z.array(fileView), history: z.array(chainEntryView) });
export const rectificationQuery = z.object({
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  overdue: z.enum(['1']).optional(),
  open: z.enum(['1']).optional().describe('Only items not yet closed'),
  org: z.string().uuid().optional(),
  sourceKind: z.enum(RECTIFICATION_SOURCES).optional(),
  sourceId: z.coerce.number().int().positive().optional(),
  ...page,
});
export const rectificationList = listOf(rectificationItem);
export const rectificationBoard = z.object({
  units: z.array(unitRef.extend({ open: z.number().int(), submitted: z.number().int(), overdue: z.number().int(), closed: z.number().int(), nextDeadline: z.string().nullable() })),
});

// ---- overview

const counts = z.object({ open: z.number().int(), overdue: z.number().int(), closed: z.number().int() });
export const summaryView = z.object({
  notices: counts.extend({ awaitingReview: z.number().int() }),
  rectifications: counts.extend({ awaitingReview: z.number().int() }),
  interviews: counts,
  circulars: z.object({ praise: z.number().int(), criticism: z.number().int() }),
  /** For a unit: what waits for its reply now. */
  mine: z.object({ notices: z.number().int(), rectifications: z.number().int() }).nullable(),
});
export const unitList = z.object({ items: z.array(unitRef.extend({ kind: z.string() })) });
