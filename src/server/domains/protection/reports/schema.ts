import { z } from 'zod';
import { REPORT_STATUSES, REWARD_STATUSES, RIGHT_KINDS } from '../../../../shared/protection/reports';
import { challengeAnswer } from '../../../http/challenge';
import { chainEntryView, fileView } from '../evidence/schema';
import { areaCode, idNumber, mobile, optionalText, text } from '../fields';

export const trackingCode = z.string().trim().min(16).max(40);


/** The public report form: what, where, which right, evidence, and who (unless anonymous). */
export const reportBody = z
  .object({
    rightKind: z.enum(RIGHT_KINDS),
    rightRef: optionalText(100).describe('Patent or trademark number, GI name, work title…'),
    subject: text(200).describe('What is infringing: product, shop, website…'),
    infringer: optionalText(200),
    address: text(300).describe('Where: the address, as precise as possible'),
    lng: z.number().min(113).max(117).optional().describe('Map point (GCJ-02 or WGS-84 degrees), within the region'),
    lat: z.number().min(30).max(33.5).optional(),
    description: text(4000),
    anonymous: z.boolean(),
    reporter: z
      .object({
        name: text(50),
        phone: mobile,
        idNumber: idNumber.optional(),
      })
      .optional(),
    files: z.array(z.string().min(10).max(100)).max(10).default([]).describe('uploadToken of each file from POST /api/public/evidence'),
  })
  .extend(challengeAnswer.shape)
  .superRefine((b, c) => {
    if (!b.anonymous && !b.reporter) c.addIssue({ code: 'custom', path: ['reporter'], message: '实名举报请填写姓名和手机号 / A named report needs a name and a mobile number' });
    if ((b.lng === undefined) !== (b.lat === undefined)) c.addIssue({ code: 'custom', path: ['lat'], message: '地图坐标需同时给出经度和纬度 / Give both longitude and latitude' });
  });
export type ReportBody = z.infer<typeof reportBody>;

export const submitted = z.object({
  trackingCode: z.string().describe('Shown once: the reporter keeps it to follow the report and to claim a reward'),
  receivedAt: z.string(),
  acceptDue: z.string(),
  files: z.number().int(),
});

export const trackBody = z.object({ code: trackingCode });

const rewardPublic = z.object({
  status: z.enum(REWARD_STATUSES),
  level: z.number().int().nullable(),
  amount: z.number().nullable(),
  claimDue: z.string().nullable(),
  claimedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
});

/** What the reporter sees by the tracking code: the progress of this report and nothing else. */
export const trackView = z.object({
  status: z.enum(REPORT_STATUSES),
  rightKind: z.enum(RIGHT_KINDS),
  subject: z.string(),
  areaName: z.string().nullable(),
  receivedAt: z.string(),
  acceptDue: z.string(),
  reason: z.string().nullable(),
  conclusion: z.string().nullable(),
  violation: z.boolean().nullable(),
  concludedAt: z.string().nullable(),
  timeline: z.array(z.object({ status: z.string(), at: z.string() })),
  reward: rewardPublic,
});

/** The reward claim: only a natural person who is not the right holder or its agent may claim. */
export const claimBody = z
  .object({
    code: trackingCode,
    name: text(50),
    idNumber,
    phone: mobile,
    account: z
      .string()
      .trim()
      .regex(/^\d{12,30}$/, '银行卡号为 12–30 位数字 / A bank account number has 12–30 digits'),
    bank: text(100),
    declaration: z.literal(true, { message: '请确认声明 / Please confirm the declaration' }),
  })
  .extend(challengeAnswer.shape);

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const fileParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

export const listQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  area: z.union([areaCode, z.literal('none')]).optional().describe('An area code, or none for reports whose county is not yet known'),
  q: optionalText(100),
  overdue: z.enum(['1']).optional(),
  reward: z.enum(REWARD_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const due = z.object({ date: z.string().nullable(), overdue: z.boolean() });

export const reportListItem = z.object({
  id: z.number().int(),
  ref: z.string(),
  status: z.enum(REPORT_STATUSES),
  rightKind: z.enum(RIGHT_KINDS),
  subject: z.string(),
  infringer: z.string().nullable(),
  address: z.string(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  anonymous: z.boolean(),
  reporterName: z.string().nullable().describe('Masked'),
  reporterPhone: z.string().nullable().describe('Masked'),
  receivedAt: z.string(),
  due,
  handler: z.string().nullable(),
  rewardStatus: z.enum(REWARD_STATUSES),
  isDemo: z.boolean(),
});

export const reportList = z.object({ items: z.array(reportListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const reportDetail = reportListItem.extend({
  rightRef: z.string().nullable(),
  description: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  areaSource: z.enum(['address', 'officer', 'none']),
  reporterId: z.string().nullable().describe('Masked'),
  reason: z.string().nullable(),
  duplicateOf: z.object({ id: z.number().int(), ref: z.string() }).nullable(),
  violation: z.boolean().nullable(),
  caseValue: z.number().nullable(),
  decisionNo: z.string().nullable(),
  conclusion: z.string().nullable(),
  concludedAt: z.string().nullable(),
  acceptDue: z.string(),
  concludeDue: z.string().nullable(),
  reward: rewardPublic.extend({
    rule: z.unknown().nullable(),
    note: z.string().nullable(),
    proposedBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    claimant: z.object({ name: z.string(), idNumber: z.string(), phone: z.string(), account: z.string() }).nullable().describe('Masked'),
    paidRef: z.string().nullable(),
  }),
  files: z.array(fileView),
  history: z.array(chainEntryView),
  similar: z.array(z.object({ id: z.number().int(), ref: z.string(), status: z.enum(REPORT_STATUSES), subject: z.string(), receivedAt: z.string(), why: z.array(z.enum(['right', 'infringer', 'place'])) })),
  actions: z.array(z.string()).describe('What the caller may do now: accept, reject, assign, investigate, conclude, propose, approve, refuse, pay, attach, reveal'),
});

export const acceptBody = z.object({ areaCode: areaCode.optional(), note: optionalText(500) });
export const rejectBody = z.object({ reason: text(500), duplicateOf: z.number().int().positive().optional() });
export const assignBody = z.object({ areaCode, note: optionalText(500) });
export const investigateBody = z.object({ note: optionalText(500) });
export const concludeBody = z
  .object({
    violation: z.boolean(),
    caseValue: z.number().min(0).max(1e11).optional().describe('Fines and confiscations, yuan'),
    decisionNo: optionalText(100),
    conclusion: text(2000),
  })
  .superRefine((b, c) => {
    if (b.violation && (b.caseValue === undefined || !b.decisionNo)) {
      c.addIssue({ code: 'custom', path: ['decisionNo'], message: '认定违法时请填写处罚决定书文号和罚没金额 / A finding of violation needs the decision number and the fines and confiscations' });
    }
  });
export const proposeBody = z.object({ level: z.number().int().min(1).max(3), note: optionalText(500) });
export const refuseBody = z.object({ reason: text(500) });
export const payBody = z.object({ paidRef: text(100).describe('Payment voucher number') });

export const revealed = z.object({
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable(), idNumber: z.string().nullable() }),
  claimant: z.object({ name: z.string(), idNumber: z.string(), phone: z.string(), account: z.string() }).nullable(),
});

export const statsView = z.object({
  byStatus: z.record(z.string(), z.number().int()),
  overdue: z.number().int(),
  byArea: z.array(z.object({ areaCode: z.string().nullable(), areaName: z.string().nullable(), total: z.number().int(), open: z.number().int(), overdue: z.number().int() })),
  rewards: z.object({ approved: z.number().int(), paid: z.number().int(), paidAmount: z.number() }),
  averageDaysToConclude: z.number().nullable(),
});

export const settingsView = z.object({
  rewardRule: z.object({
    basis: z.string(),
    cap: z.number(),
    tiers: z.array(z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), rate: z.number(), minimum: z.number(), criterion: z.string() })),
  }),
  deadlines: z.object({ acceptWorkingDays: z.number().int(), concludeDays: z.number().int(), claimDays: z.number().int() }),
  disclosure: z.object({ publishWorkingDays: z.number().int().describe('Working days from a penalty decision to its publication (行政执法公示)') }),
});

export const settingsBody = z.object({
  rewardRule: z.object({
    basis: text(200),
    cap: z.number().positive().max(1e9),
    tiers: z
      .array(z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), rate: z.number().min(0).max(1), minimum: z.number().min(0).max(1e8), criterion: text(300) }))
      .length(3)
      .refine((t) => new Set(t.map((x) => x.level)).size === 3, '三个等级各一条 / One tier for each of the three levels'),
  }),
  deadlines: z.object({ acceptWorkingDays: z.number().int().min(1).max(60), concludeDays: z.number().int().min(1).max(365), claimDays: z.number().int().min(1).max(365) }),
  disclosure: z.object({ publishWorkingDays: z.number().int().min(1).max(60) }).optional().describe('Left out: unchanged'),
});
