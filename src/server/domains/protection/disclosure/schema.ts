import { z } from 'zod';
import { caseNumberProblem } from '../../../../shared/protection/cases';
import { DECISION_KINDS, DISCLOSURE_FILE_CATEGORIES, DISCLOSURE_STATUSES } from '../../../../shared/protection/disclosure';
import { isAreaCode } from '../../../../shared/validators';
import { chainEntryView, fileView } from '../evidence/schema';
import { idNumber, isoDate, mobile, optionalText, text, uscc } from '../fields';

/** 行政处罚决定书文号: a year in brackets and a serial ending in 号, e.g. 固市监处罚〔2026〕41号. */
const decisionNo = text(60).superRefine((v, c) => {
  const problem = caseNumberProblem(v);
  if (problem) c.addIssue({ code: 'custom', message: `${problem.zh.replace('案号', '决定书文号')} / ${problem.en.replace('A case number', 'A decision number')}` });
});

/** Any area with a desk, or the city itself for the city office's own decisions. */
const deciderArea = z
  .string()
  .trim()
  .refine((v) => isAreaCode(v), '请选择作出决定的县区、管理区或市局 / Choose the deciding county, zone or the city office');

const money = z.number().min(0).max(1e10);

const organisationParty = z.strictObject({
  kind: z.literal('organisation'),
  name: text(200),
  uscc,
  address: optionalText(300).describe('Registered address (published in full: it is public registration data)'),
});

/** On creation a natural person needs name, ID number and address; on editing, a field left out keeps its sealed value. */
const personParty = (required: boolean) =>
  z.strictObject({
    kind: z.literal('natural_person'),
    name: required ? text(50) : text(50).optional(),
    idNumber: required ? idNumber : idNumber.optional(),
    phone: mobile.optional(),
    address: required ? text(300) : text(300).optional(),
  });

const decisionFields = {
  decisionNo,
  kinds: z
    .array(z.enum(DECISION_KINDS))
    .min(1, '请至少选择一种处罚种类 / Choose at least one kind of decision')
    .max(DECISION_KINDS.length)
    .refine((k) => new Set(k).size === k.length, '处罚种类重复 / A kind is chosen twice'),
  otherNames: z.array(text(50)).max(20).optional().describe('Other natural persons the texts name; masked on publication'),
  facts: text(4000).describe('违法事实'),
  provisions: text(1000).describe('违反的法律条款'),
  basis: text(1000).describe('处罚依据'),
  penalty: text(2000).describe('处罚内容'),
  fineAmount: money.optional().describe('罚款, yuan'),
  confiscatedAmount: money.optional().describe('没收违法所得, yuan'),
  decidedOn: isoDate.describe('Date of the decision'),
  authority: text(100).describe('The deciding body, e.g. 固始县市场监督管理局'),
  areaCode: deciderArea,
  reportId: z.number().int().positive().optional().describe('The infringement report the decision concludes'),
};

type AmountsBody = { kinds: string[]; fineAmount?: number; confiscatedAmount?: number };

/** A fine needs its amount, and so does confiscating illegal gains; an amount without its kind is a slip. */
function checkAmounts(b: AmountsBody, c: z.RefinementCtx): void {
  const has = (k: string) => b.kinds.includes(k);
  if (has('fine') && !(b.fineAmount && b.fineAmount > 0)) c.addIssue({ code: 'custom', path: ['fineAmount'], message: '选择了罚款，请填写罚款金额 / A fine needs its amount' });
  if (!has('fine') && b.fineAmount) c.addIssue({ code: 'custom', path: ['fineAmount'], message: '填写了罚款金额，请同时选择“罚款” / A fine amount needs the kind “fine”' });
  if (has('confiscate_gains') && !(b.confiscatedAmount && b.confiscatedAmount > 0)) {
    c.addIssue({ code: 'custom', path: ['confiscatedAmount'], message: '选择了没收违法所得，请填写金额 / Confiscating illegal gains needs the amount' });
  }
  if (!has('confiscate_gains') && b.confiscatedAmount) {
    c.addIssue({ code: 'custom', path: ['confiscatedAmount'], message: '填写了没收金额，请同时选择“没收违法所得” / An amount confiscated needs the kind “confiscate gains”' });
  }
}

export const createBody = z
  .strictObject({ ...decisionFields, party: z.discriminatedUnion('kind', [organisationParty, personParty(true)]) })
  .superRefine(checkAmounts);
export type CreateBody = z.infer<typeof createBody>;

export const updateBody = z
  .strictObject({ ...decisionFields, party: z.discriminatedUnion('kind', [organisationParty, personParty(false)]) })
  .superRefine(checkAmounts);
export type UpdateBody = z.infer<typeof updateBody>;

export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const fileParams = z.strictObject({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
export const fileQuery = z.strictObject({ category: z.enum(DISCLOSURE_FILE_CATEGORIES).describe('review: 法制审核记录; process: 执法全过程记录') });

export const reviewBody = z.strictObject({
  reviewer: text(50).describe('The reviewing officer (法制审核人员)'),
  unit: optionalText(100).describe('Their unit, e.g. 法制股'),
  opinion: text(2000),
  reviewedOn: isoDate,
  fileId: z.number().int().positive().describe('The signed review record, uploaded first with category=review'),
});
export const publishBody = z.strictObject({ digest: z.string().regex(/^[0-9a-f]{64}$/, '请先预览公示内容 / Preview the text first').describe('The digest the preview returned') });
export const withdrawBody = z.strictObject({ reason: text(500).describe('Why it comes down, e.g. the decision was revoked on reconsideration') });

export const listQuery = z.strictObject({
  status: z.enum(DISCLOSURE_STATUSES).optional(),
  area: deciderArea.optional(),
  kind: z.enum(DECISION_KINDS).optional(),
  q: optionalText(100).describe('Decision number or party'),
  overdue: z.enum(['1']).optional().describe('Only those not published by their due date'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const party = z.object({
  kind: z.enum(['organisation', 'natural_person']),
  name: z.string().describe('An organisation’s name; a person’s masked'),
  uscc: z.string().nullable(),
  idNumber: z.string().nullable().describe('Masked'),
  phone: z.string().nullable().describe('Masked'),
  address: z.string().nullable().describe('An organisation’s in full; a person’s to street level'),
});

export const listItem = z.object({
  id: z.number().int(),
  decisionNo: z.string(),
  kinds: z.array(z.enum(DECISION_KINDS)),
  party,
  fineAmount: z.number().nullable(),
  confiscatedAmount: z.number().nullable(),
  decidedOn: z.string(),
  authority: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  status: z.enum(DISCLOSURE_STATUSES),
  publishDue: z.string(),
  overdue: z.boolean().describe('Not published and past its due date'),
  dueSoon: z.boolean().describe('Not published and due within two working days'),
  publishedAt: z.string().nullable(),
  publishedLate: z.boolean(),
  reviewed: z.boolean(),
  isDemo: z.boolean(),
});

export const listView = z.object({
  items: z.array(listItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  summary: z.object({ draft: z.number().int(), reviewed: z.number().int(), published: z.number().int(), withdrawn: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() }),
});

export const detailView = listItem.extend({
  otherNames: z.array(z.string()).describe('Masked'),
  facts: z.string(),
  provisions: z.string(),
  basis: z.string(),
  penalty: z.string(),
  report: z.object({ id: z.number().int(), ref: z.string() }).nullable(),
  review: z
    .object({ reviewer: z.string(), unit: z.string().nullable(), opinion: z.string(), reviewedOn: z.string(), fileId: z.number().int(), recordedBy: z.string().nullable() })
    .nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  files: z.array(fileView.extend({ category: z.enum(DISCLOSURE_FILE_CATEGORIES) })),
  history: z.array(chainEntryView),
  createdAt: z.string(),
  actions: z.array(z.string()).describe("What the caller may do now: 'edit', 'review', 'publish', 'withdraw', 'attach', 'reveal'"),
});

/** The published text: masked, and nothing of the internal records. */
export const publicRecord = z.object({
  decisionNo: z.string(),
  authority: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  party: z.object({
    kind: z.enum(['organisation', 'natural_person']),
    name: z.string(),
    uscc: z.string().nullable(),
    idNumber: z.string().nullable().describe('Masked'),
    address: z.string().nullable(),
  }),
  kinds: z.array(z.enum(DECISION_KINDS)),
  facts: z.string(),
  provisions: z.string(),
  basis: z.string(),
  penalty: z.string(),
  fineAmount: z.number().nullable(),
  confiscatedAmount: z.number().nullable(),
  decidedOn: z.string(),
  publishedOn: z.string(),
});
export type PublicRecord = z.infer<typeof publicRecord>;

export const previewView = z.object({
  record: publicRecord,
  digest: z.string().describe('Send it back to publish: publishing refuses if the text changed since'),
  warnings: z.array(z.enum(['overdue', 'no_process_record'])),
});

export const revealed = z.object({ name: z.string(), idNumber: z.string(), phone: z.string().nullable(), address: z.string(), otherNames: z.array(z.string()) });

export const prefillQuery = z.strictObject({ reportId: z.coerce.number().int().positive() });
export const prefillView = z.object({
  report: z.object({ id: z.number().int(), ref: z.string(), subject: z.string(), infringer: z.string().nullable(), caseValue: z.number().nullable() }),
  existing: z.object({ id: z.number().int(), status: z.enum(DISCLOSURE_STATUSES) }).nullable().describe('A decision already recorded with this number'),
  body: z.object({ decisionNo: z.string(), areaCode: z.string(), facts: z.string(), reportId: z.number().int(), partyName: z.string().nullable() }),
});

export const publicQuery = z.strictObject({
  q: optionalText(100).describe('Decision number or party name'),
  area: deciderArea.optional(),
  kind: z.enum(DECISION_KINDS).optional(),
  from: isoDate.optional().describe('Decided on or after'),
  to: isoDate.optional().describe('Decided on or before'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '结束日期不能早于开始日期 / The end date is before the start date' });

export const publicListView = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      decisionNo: z.string(),
      partyKind: z.enum(['organisation', 'natural_person']),
      partyName: z.string(),
      kinds: z.array(z.enum(DECISION_KINDS)),
      fineAmount: z.number().nullable(),
      confiscatedAmount: z.number().nullable(),
      authority: z.string(),
      areaCode: z.string(),
      areaName: z.string(),
      decidedOn: z.string(),
      publishedOn: z.string(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const publicDetailView = publicRecord.extend({ id: z.number().int() });
