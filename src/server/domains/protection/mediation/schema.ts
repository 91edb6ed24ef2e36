import { z } from 'zod';
import {
  BODY_KINDS,
  CONFIRMATION_STATUSES,
  MEDIATION_KINDS,
  MEDIATION_OUTCOMES,
  MEDIATION_SOURCES,
  MEDIATION_STATUSES,
  PARTY_KINDS,
  SESSION_STATUSES,
  SPECIALITIES,
  parseCourtCaseNo,
} from '../../../../shared/protection/mediation';
import { RIGHT_KINDS } from '../../../../shared/protection/reports';
import { CITY_CODE, isAreaCode } from '../../../../shared/validators';
import { challengeAnswer } from '../../../http/challenge';
import { chainEntryView, fileView } from '../evidence/schema';
import { areaCode, idNumber, isoDate, mobile, optionalText, text, uscc } from '../fields';
import { trackingCode } from '../reports/schema';

/** A court case number (案号) such as （2026）豫15民初123号, stored with full-width brackets. */
export const courtCaseNo = z
  .string()
  .trim()
  .transform((v, c) => {
    const r = parseCourtCaseNo(v);
    if (!r.ok) {
      c.addIssue({ code: 'custom', message: `${r.message.zh} / ${r.message.en}` });
      return z.NEVER;
    }
    return r.canonical;
  });

/** The jurisdiction of a case or a body: a county, district or zone, or the city itself. */
const anyArea = z
  .string()
  .trim()
  .refine((v) => isAreaCode(v), '请选择信阳市或其县区、管理区 / Choose Xinyang or one of its counties, districts or zones');

/** A moment with its offset, e.g. 2026-12-01T09:30:00+08:00. */
const instant = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), '时间格式应为 ISO 8601（如 2026-12-01T09:30:00+08:00） / Write the time as ISO 8601, e.g. 2026-12-01T09:30:00+08:00');

const money = z.number().min(0).max(1e11);

/** One party: an organisation (name public, credit code) or a natural person (name, phone, ID sealed). */
export const partyBody = z
  .object({
    kind: z.enum(PARTY_KINDS),
    name: text(100).describe('The organisation’s name, or the person’s (sealed)'),
    uscc: uscc.optional().describe('Organisations: unified social credit code'),
    contact: optionalText(50).describe('Organisations: the contact person (sealed)'),
    phone: mobile.optional().describe('Mobile number (sealed)'),
    idNumber: idNumber.optional().describe('Persons: resident ID number (sealed)'),
    address: optionalText(300),
  })
  .strict()
  .superRefine((p, c) => {
    if (p.kind === 'person' && p.uscc) c.addIssue({ code: 'custom', path: ['uscc'], message: '自然人没有统一社会信用代码 / A natural person has no credit code' });
    if (p.kind === 'person' && p.contact) c.addIssue({ code: 'custom', path: ['contact'], message: '联系人只适用于单位 / A contact person is for organisations' });
    if (p.kind === 'org' && p.idNumber) c.addIssue({ code: 'custom', path: ['idNumber'], message: '单位当事人不填写身份证号 / An organisation has no ID number' });
  });
export type PartyBody = z.infer<typeof partyBody>;

const caseCore = {
  kind: z.enum(MEDIATION_KINDS).default('mediation').describe('assistance 维权援助 (advice, help to act) or mediation 纠纷调解'),
  rightKind: z.enum(RIGHT_KINDS),
  rightRef: optionalText(100).describe('Patent application number, trademark registration number, work title…; linked to the data centre when found there'),
  claims: text(2000).describe('请求事项'),
  facts: text(6000).describe('事实与理由'),
  amount: money.optional().describe('Amount in dispute, yuan'),
  areaCode: anyArea.optional().describe('Jurisdiction; when left out it is read from the parties’ addresses'),
  respondents: z.array(partyBody).min(1).max(10),
};

/** An officer enters a case (a walk-in, a 12330 call, a letter). */
export const officerCaseBody = z.object({ ...caseCore, applicants: z.array(partyBody).min(1).max(10) }).strict();

/** A court refers a case for pre-litigation mediation (诉前委派调解). */
export const referralBody = z
  .object({
    ...caseCore,
    kind: z.literal('mediation').default('mediation'),
    applicants: z.array(partyBody).min(1).max(10),
    courtCaseNo: courtCaseNo.describe('The court’s number for the referral, e.g. （2026）豫15民诉前调123号 or （2026）豫15民初123号'),
    judge: optionalText(50).describe('The judge or clerk to contact at the court'),
  })
  .strict();

/** An enterprise applies for help or mediation; the firm is the applicant. */
export const applicationBody = z
  .object({
    ...caseCore,
    contactName: text(50),
    contactPhone: mobile,
    files: z.array(z.string().min(10).max(100)).max(10).default([]).describe('uploadToken of each file from POST /api/public/evidence'),
  })
  .strict();

/** The public form: anyone, with a proof of work; the applicant leaves a phone to be reached. */
export const publicBody = z
  .object({
    ...caseCore,
    applicants: z.array(partyBody).min(1).max(5),
    files: z.array(z.string().min(10).max(100)).max(10).default([]).describe('uploadToken of each file from POST /api/public/evidence'),
  })
  .extend(challengeAnswer.shape)
  .strict()
  .superRefine((b, c) => {
    b.applicants.forEach((a, i) => {
      if (!a.phone) c.addIssue({ code: 'custom', path: ['applicants', i, 'phone'], message: '请留下申请人的手机号，以便联系 / Leave the applicant’s mobile number so that we can reach them' });
    });
  });

export const submitted = z.object({
  trackingCode: z.string().describe('Shown once: the applicant keeps it to follow the case'),
  ref: z.string(),
  receivedAt: z.string(),
  acceptDue: z.string().describe('When the case will have been assigned to a handler or mediation body'),
  files: z.number().int(),
});

export const trackBody = z.object({ code: trackingCode });

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const fileParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
export const sessionParams = z.object({ id: z.coerce.number().int().positive(), sessionId: z.coerce.number().int().positive() });

export const listQuery = z.object({
  status: z.enum(MEDIATION_STATUSES).optional(),
  outcome: z.enum(MEDIATION_OUTCOMES).optional(),
  source: z.enum(MEDIATION_SOURCES).optional(),
  kind: z.enum(MEDIATION_KINDS).optional(),
  area: anyArea.optional(),
  body: z.coerce.number().int().positive().optional(),
  q: optionalText(100).describe('Reference, court case number, party organisation, claims'),
  overdue: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const due = z.object({
  stage: z.enum(['assign', 'mediation']).nullable(),
  date: z.string().nullable(),
  overdue: z.boolean(),
  soon: z.boolean().describe('Due within three days'),
});

export const partyView = z.object({
  role: z.enum(['applicant', 'respondent']),
  seq: z.number().int(),
  kind: z.enum(PARTY_KINDS),
  name: z.string().describe('The organisation’s name, or the person’s name masked'),
  uscc: z.string().nullable(),
  contact: z.string().nullable().describe('Masked'),
  phone: z.string().nullable().describe('Masked'),
  idNumber: z.string().nullable().describe('Masked'),
  address: z.string().nullable(),
});

export const caseListItem = z.object({
  id: z.number().int(),
  ref: z.string(),
  source: z.enum(MEDIATION_SOURCES),
  kind: z.enum(MEDIATION_KINDS),
  status: z.enum(MEDIATION_STATUSES),
  outcome: z.enum(MEDIATION_OUTCOMES).nullable(),
  rightKind: z.enum(RIGHT_KINDS),
  applicants: z.string().describe('Names, persons masked'),
  respondents: z.string().describe('Names, persons masked'),
  areaCode: z.string(),
  areaName: z.string(),
  court: z.object({ id: z.string(), name: z.string() }).nullable(),
  courtCaseNo: z.string().nullable(),
  body: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(BODY_KINDS) }).nullable(),
  mediator: z.string().nullable(),
  handler: z.string().nullable(),
  amount: z.number().nullable(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  due,
  confirmation: z.enum(CONFIRMATION_STATUSES),
  isDemo: z.boolean(),
});

export const caseList = z.object({ items: z.array(caseListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const sessionView = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  scheduledAt: z.string(),
  online: z.boolean(),
  place: z.string(),
  mediator: z.string().nullable(),
  status: z.enum(SESSION_STATUSES),
  attendees: z.string().nullable(),
  minutes: z.string().nullable(),
  heldAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  files: z.array(fileView),
});

export const caseDetail = caseListItem.extend({
  rightRef: z.string().nullable(),
  rightLink: z.object({ type: z.enum(['patent', 'trademark']), number: z.string(), niceClass: z.number().int().nullable(), title: z.string() }).nullable(),
  claims: z.string(),
  facts: z.string(),
  areaSource: z.enum(['address', 'chosen', 'filer', 'city']),
  filedBy: z.string().nullable().describe('The enterprise that applied online'),
  courtReferredAt: z.string().nullable(),
  parties: z.array(partyView),
  mediatorId: z.number().int().nullable(),
  handlerId: z.string().nullable(),
  assignedAt: z.string().nullable(),
  assignDue: z.string(),
  mediationDue: z.string().nullable(),
  extendedDays: z.number().int(),
  outcomeNote: z.string().nullable(),
  settledAmount: z.number().nullable(),
  agreement: fileView.nullable(),
  confirmationDetail: z.object({
    requestedAt: z.string().nullable(),
    requestDue: z.string().nullable().describe('Last day to ask for it: 30 days after the agreement'),
    rulingNo: z.string().nullable(),
    date: z.string().nullable(),
    note: z.string().nullable(),
  }),
  sessions: z.array(sessionView),
  files: z.array(fileView.extend({ sessionId: z.number().int().nullable(), purpose: z.enum(['evidence', 'minutes', 'agreement']) })),
  history: z.array(chainEntryView),
  actions: z.array(z.string()).describe('What the caller may do now: assign, transfer, schedule, record, cancel, extend, close, withdraw, attach, confirm-request, confirm-result, reveal'),
});

export const revealed = z.object({
  parties: z.array(z.object({ role: z.enum(['applicant', 'respondent']), seq: z.number().int(), name: z.string(), contact: z.string().nullable(), phone: z.string().nullable(), idNumber: z.string().nullable() })),
});

export const assignBody = z
  .object({
    handlerId: z.string().uuid().optional().describe('The officer responsible; the caller when left out'),
    bodyId: z.number().int().positive().optional().describe('The mediation body that mediates; none when the officer handles it'),
    mediatorId: z.number().int().positive().optional(),
    note: optionalText(500),
  })
  .strict()
  .superRefine((b, c) => {
    if (b.mediatorId && !b.bodyId) c.addIssue({ code: 'custom', path: ['bodyId'], message: '请先选择调解组织 / Choose the mediation body first' });
  });
export const transferBody = z.object({ areaCode: anyArea, note: optionalText(500) }).strict();
export const scheduleBody = z
  .object({
    scheduledAt: instant,
    online: z.boolean().default(false),
    place: text(200).describe('Room and address, or the online meeting link / number'),
    mediatorId: z.number().int().positive().optional(),
    attendees: optionalText(500),
  })
  .strict();
export const recordBody = z.object({ minutes: text(6000), attendees: optionalText(500), heldAt: instant.optional() }).strict();
export const cancelBody = z.object({ reason: text(500) }).strict();
export const extendBody = z.object({ days: z.number().int().min(1).max(90), reason: text(500) }).strict();
export const closeBody = z
  .object({
    outcome: z.enum(['settled', 'not_settled', 'litigation']),
    note: text(2000).describe('What was agreed, or why not'),
    agreementFileId: z.number().int().positive().optional().describe('Settled: the signed agreement, attached first with purpose=agreement'),
    settledAmount: money.optional(),
    courtOrgId: z.string().uuid().optional().describe('Litigation: the court the case goes to (the referring court when left out)'),
  })
  .strict()
  .superRefine((b, c) => {
    if (b.outcome === 'settled' && !b.agreementFileId) c.addIssue({ code: 'custom', path: ['agreementFileId'], message: '调解成功须上传双方签署的调解协议 / A settlement needs the signed agreement' });
    if (b.outcome !== 'settled' && b.settledAmount !== undefined) c.addIssue({ code: 'custom', path: ['settledAmount'], message: '只有调解成功才有协议金额 / Only a settlement has an agreed amount' });
  });
export const withdrawBody = z.object({ reason: text(500) }).strict();
export const confirmRequestBody = z.object({ courtOrgId: z.string().uuid().optional(), note: optionalText(500) }).strict();
export const confirmResultBody = z
  .object({
    confirmed: z.boolean(),
    rulingNo: courtCaseNo.describe('The ruling’s number, e.g. （2026）豫15民特12号'),
    decidedOn: isoDate,
    note: optionalText(1000),
  })
  .strict();

export const fileQuery = z.object({
  purpose: z.enum(['evidence', 'minutes', 'agreement']).default('evidence'),
  sessionId: z.coerce.number().int().positive().optional(),
});

export const statsView = z.object({
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byOutcome: z.record(z.string(), z.number().int()),
  bySource: z.record(z.string(), z.number().int()),
  byArea: z.array(z.object({ areaCode: z.string(), areaName: z.string(), total: z.number().int(), open: z.number().int(), overdue: z.number().int(), settled: z.number().int() })),
  overdue: z.number().int(),
  soon: z.number().int(),
  settlementRate: z.number().nullable().describe('Settled among cases closed other than by withdrawal'),
  averageDays: z.number().nullable().describe('From receipt to close'),
  settledAmount: z.number(),
  disputedAmount: z.number(),
});

export const referralList = caseList.extend({
  court: z.object({ id: z.string(), name: z.string() }).nullable().describe('The caller’s court; null when its organisation is not a court'),
});

export const mineView = z.object({
  organisation: z.object({ name: z.string(), uscc: z.string().nullable(), areaCode: z.string(), areaName: z.string() }),
  items: z.array(caseListItem),
});

export const trackView = z.object({
  ref: z.string(),
  kind: z.enum(MEDIATION_KINDS),
  status: z.enum(MEDIATION_STATUSES),
  outcome: z.enum(MEDIATION_OUTCOMES).nullable(),
  rightKind: z.enum(RIGHT_KINDS),
  areaName: z.string(),
  bodyName: z.string().nullable(),
  receivedAt: z.string(),
  assignDue: z.string(),
  mediationDue: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  nextSession: z.object({ scheduledAt: z.string(), online: z.boolean(), place: z.string() }).nullable(),
  timeline: z.array(z.object({ status: z.string(), at: z.string() })),
});

export const courtOption = z.object({ id: z.string(), name: z.string() });
export const handlerOption = z.object({ id: z.string(), name: z.string(), areaCode: z.string() });

export const mediatorView = z.object({
  id: z.number().int(),
  bodyId: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  specialities: z.array(z.enum(SPECIALITIES)),
  phone: z.string().nullable().describe('Masked'),
  active: z.boolean(),
  synthetic: z.boolean(),
  openCases: z.number().int(),
});

export const bodyView = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  areaCode: z.string(),
  areaName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  scope: z.string().nullable(),
  active: z.boolean(),
  synthetic: z.boolean(),
  isDemo: z.boolean(),
  openCases: z.number().int(),
  mediators: z.array(mediatorView),
});

export const directoryView = z.object({
  bodies: z.array(bodyView),
  courts: z.array(courtOption).describe('Courts a case may be sent to'),
  handlers: z.array(handlerOption).describe('Officers who may handle cases of the caller’s area'),
});

const officePhone = z
  .string()
  .trim()
  .regex(/^[0-9+()\- ]{7,20}$/, '请填写办公电话，如 0376-6201234 / An office number such as 0376-6201234')
  .optional();

export const bodyBody = z
  .object({
    name: text(100),
    kind: z.enum(BODY_KINDS),
    areaCode: anyArea,
    address: optionalText(200),
    phone: officePhone,
    scope: optionalText(1000),
    active: z.boolean().default(true),
  })
  .strict();

export const mediatorBody = z
  .object({
    name: text(50),
    title: optionalText(50),
    specialities: z.array(z.enum(SPECIALITIES)).max(SPECIALITIES.length).default([]),
    phone: mobile.optional(),
    active: z.boolean().default(true),
  })
  .strict();

export const mediatorParams = z.object({ mediatorId: z.coerce.number().int().positive() });
export const mediatorRevealed = z.object({ phone: z.string().nullable() });

export const settingsView = z.object({
  assignWorkingDays: z.number().int(),
  mediationDays: z.number().int(),
  courtMediationDays: z.number().int(),
  maxExtensionDays: z.number().int(),
  confirmRequestDays: z.number().int(),
});
export const settingsBody = z
  .object({
    assignWorkingDays: z.number().int().min(1).max(30),
    mediationDays: z.number().int().min(1).max(180),
    courtMediationDays: z.number().int().min(1).max(180),
    maxExtensionDays: z.number().int().min(0).max(90),
    confirmRequestDays: z.number().int().min(1).max(90),
  })
  .strict();

export { CITY_CODE, areaCode };
