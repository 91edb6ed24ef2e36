import { z } from 'zod';
import { CASE_PROCEDURES, CASE_RIGHT_TYPES, CASE_SOURCES, CASE_STAGES, PARTY_ROLES, TRANSFER_STATUSES, caseNumberProblem } from '../../../../shared/protection/cases';
import { isAreaCode } from '../../../../shared/validators';
import { chainEntryView, fileView } from '../evidence/schema';
import { isoDate, optionalText, text, uscc } from '../fields';

export const caseNo = z
  .string()
  .trim()
  .superRefine((v, c) => {
    const p = caseNumberProblem(v);
    if (p) c.addIssue({ code: 'custom', message: `${p.zh} / ${p.en}` });
  });

/** A county, district or zone; or the city itself for cases of city-wide bodies. */
const caseArea = z
  .string()
  .trim()
  .refine((v) => isAreaCode(v), '请选择信阳市或其下属县区、管理区 / Choose Xinyang or one of its counties, districts or zones');

export const partyInput = z
  .object({
    role: z.enum(PARTY_ROLES),
    kind: z.enum(['person', 'org']),
    name: text(100),
    uscc: uscc.optional(),
  })
  .refine((p) => p.kind === 'org' || !p.uscc, { path: ['uscc'], message: '自然人没有统一社会信用代码 / A natural person has no credit code' });

export const rightInput = z.object({ type: z.enum(['patent', 'trademark']), number: text(40) });

export const caseBody = z
  .object({
    caseNo,
    unit: optionalText(100).describe('The court or unit handling it; defaults to the recording organisation'),
    rightType: z.enum(CASE_RIGHT_TYPES),
    procedure: z.enum(CASE_PROCEDURES),
    cause: text(100).describe('案由, e.g. 侵害商标权纠纷, 假冒注册商标罪'),
    parties: z.array(partyInput).min(1, '请至少填写一个当事人 / Name at least one party').max(30),
    rights: z.array(rightInput).max(50).default([]),
    areaCode: caseArea,
    filedOn: isoDate,
    closedOn: isoDate.optional(),
    stage: z.enum(CASE_STAGES),
    result: optionalText(2000),
    amount: z.number().min(0).max(1e13).optional().describe('Damages, fines or amount involved, in yuan'),
  })
  .refine((b) => !b.closedOn || b.closedOn >= b.filedOn, { path: ['closedOn'], message: '结案日期不能早于立案日期 / The closing date cannot be before the filing date' })
  .refine((b) => b.stage !== 'closed' || !!b.closedOn, { path: ['closedOn'], message: '已结案的案件请填写结案日期 / A closed case needs its closing date' });
export type CaseBody = z.infer<typeof caseBody>;

const partyView = z.object({ role: z.enum(PARTY_ROLES), kind: z.enum(['person', 'org']), name: z.string().describe('Masked for natural persons'), uscc: z.string().nullable() });
const rightView = z.object({ type: z.enum(['patent', 'trademark']), number: z.string(), id: z.number().int().nullable(), title: z.string().nullable() });
const caseRef = z.object({ id: z.number().int(), caseNo: z.string(), source: z.enum(CASE_SOURCES), unit: z.string() });

export const transferView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNo: z.string(),
  fromUnit: z.string(),
  cause: z.string(),
  toOrg: z.string(),
  reason: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  sentBy: z.string(),
  sentAt: z.string(),
  receiptNo: z.string().nullable(),
  receiptNote: z.string().nullable(),
  policeCase: caseRef.nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  canAnswer: z.boolean(),
});

export const caseListItem = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  source: z.enum(CASE_SOURCES),
  sourceOrg: z.string(),
  unit: z.string(),
  rightType: z.enum(CASE_RIGHT_TYPES),
  procedure: z.enum(CASE_PROCEDURES),
  cause: z.string(),
  parties: z.array(partyView),
  areaCode: z.string(),
  areaName: z.string(),
  filedOn: z.string(),
  closedOn: z.string().nullable(),
  stage: z.enum(CASE_STAGES),
  amount: z.number().nullable(),
  duplicates: z.number().int().describe('Records of the same case number from other sources'),
  links: z.number().int(),
  transfer: z.enum(TRANSFER_STATUSES).nullable(),
  isDemo: z.boolean(),
});

export const caseDetail = caseListItem.extend({
  rights: z.array(rightView),
  result: z.string().nullable(),
  createdBy: z.string(),
  updatedAt: z.string(),
  sameNumber: z.array(caseRef.extend({ sourceOrg: z.string(), stage: z.enum(CASE_STAGES), filedOn: z.string(), visible: z.boolean().describe('Whether the caller may open that record') })),
  linked: z.array(caseRef.extend({ kind: z.enum(['related', 'transfer']), note: z.string().nullable(), stage: z.enum(CASE_STAGES) })),
  transfers: z.array(transferView),
  files: z.array(fileView),
  history: z.array(chainEntryView),
  actions: z.array(z.string()).describe("What the caller may do now: 'edit', 'attach', 'link', 'transfer', 'reveal'"),
});

export const listQuery = z.object({
  source: z.enum(CASE_SOURCES).optional(),
  rightType: z.enum(CASE_RIGHT_TYPES).optional(),
  procedure: z.enum(CASE_PROCEDURES).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  area: caseArea.optional(),
  q: optionalText(100).describe('Case number, cause or party'),
  duplicates: z.enum(['1']).optional().describe('Only case numbers recorded by more than one source'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const caseList = z.object({ items: z.array(caseListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const statsView = z.object({
  total: z.number().int(),
  bySource: z.array(z.object({ source: z.enum(CASE_SOURCES), total: z.number().int() })),
  byRightType: z.array(z.object({ rightType: z.enum(CASE_RIGHT_TYPES), total: z.number().int() })),
  byArea: z.array(z.object({ areaCode: z.string(), areaName: z.string(), total: z.number().int() })),
  duplicateNumbers: z.number().int(),
  transfers: z.object({ sent: z.number().int(), received: z.number().int(), refused: z.number().int() }),
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const fileParams = idParams.extend({ fileId: z.coerce.number().int().positive() });
export const transferParams = z.object({ transferId: z.coerce.number().int().positive() });

export const linkBody = z.object({ otherId: z.number().int().positive(), note: optionalText(500) });
export const transferBody = z.object({ toOrgId: z.string().uuid(), reason: text(1000) });
export const receiveBody = z.object({
  receiptNo: text(60).describe('受案回执 number'),
  note: optionalText(1000),
  policeCaseNo: caseNo.optional().describe('The police case number, if a case is filed; linked to the police record of that number'),
});
export const refuseBody = z.object({ reason: text(1000) });

export const transferTargets = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export const transferList = z.object({ items: z.array(transferView) });

export const revealed = z.object({ parties: z.array(z.object({ role: z.enum(PARTY_ROLES), kind: z.enum(['person', 'org']), name: z.string() })) });

export const importResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  sameNumberElsewhere: z.array(z.string()).describe('Case numbers another source has also recorded'),
});
