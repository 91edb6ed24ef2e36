import { toHalfWidth } from '../validators/fullwidth';

/**
 * Shared IP cases (案件信息共享): who records them, what they are, the stages they pass, and how
 * a case number is read and matched across sources. Shared by the server and the web app.
 */
export const CASE_SOURCES = ['court', 'procuratorate', 'police', 'administrative'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_RIGHT_TYPES = ['patent', 'trademark', 'copyright', 'gi', 'trade_secret', 'other'] as const;
export type CaseRightType = (typeof CASE_RIGHT_TYPES)[number];

export const CASE_PROCEDURES = ['civil', 'criminal', 'administrative'] as const;
export type CaseProcedure = (typeof CASE_PROCEDURES)[number];

export const CASE_STAGES = ['filed', 'investigating', 'prosecuting', 'trial', 'judged', 'enforcing', 'closed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const PARTY_ROLES = ['plaintiff', 'defendant', 'suspect', 'party', 'third_party'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const TRANSFER_STATUSES = ['sent', 'received', 'refused'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * Which kind of body a partner organisation is, from its official name: 人民法院, 人民检察院 and
 * 公安局 are fixed parts of those names. Other partners (司法局, 文广旅局) record no cases.
 */
export function partnerSourceOf(orgName: string): Exclude<CaseSource, 'administrative'> | null {
  if (/法院$/.test(orgName)) return 'court';
  if (/检察院$/.test(orgName)) return 'procuratorate';
  if (/公安(局|分局|厅)$/.test(orgName)) return 'police';
  return null;
}

/**
 * The matching key of a case number: half-width, no spaces, every kind of bracket read as ( ).
 * 「（2026）豫15民初123号」 and 「(2026)豫15民初123号」 are one case.
 */
export function caseKey(caseNo: string): string {
  return toHalfWidth(caseNo)
    .replace(/\s+/g, '')
    .replace(/[〔［\[【﹝]/g, '(')
    .replace(/[〕］\]】﹞]/g, ')')
    .toUpperCase();
}

/**
 * A case number as Chinese courts, procuratorates, police and administrative bodies write them:
 * a year in brackets and a serial ending in 号, e.g. (2026)豫15民初123号, 信公（经）立字〔2026〕12号,
 * 信市监罚〔2026〕3号. Returns why it is not one, or null.
 */
export function caseNumberProblem(caseNo: string): { zh: string; en: string } | null {
  const key = caseKey(caseNo);
  if (key.length < 6 || key.length > 60) return { zh: '案号长度应为 6–60 个字符', en: 'A case number has 6–60 characters' };
  if (!/\((19|20)\d{2}\)/.test(key)) return { zh: '案号应含括号中的年份，如（2026）或〔2026〕', en: 'A case number contains the year in brackets, e.g. (2026)' };
  if (!/\d+号$/.test(key)) return { zh: '案号应以序号和“号”结尾，如 123号', en: 'A case number ends with a serial and 号, e.g. 123号' };
  return null;
}

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

/** Names of each value, used by the pages and by the import template (whose cells are in Chinese). */
export const CASE_LABELS: {
  source: Labels<CaseSource>;
  rightType: Labels<CaseRightType>;
  procedure: Labels<CaseProcedure>;
  stage: Labels<CaseStage>;
  partyRole: Labels<PartyRole>;
  transfer: Labels<TransferStatus>;
} = {
  source: {
    court: { zh: '法院', en: 'Court' },
    procuratorate: { zh: '检察院', en: 'Procuratorate' },
    police: { zh: '公安', en: 'Police' },
    administrative: { zh: '行政机关', en: 'Administrative' },
  },
  rightType: {
    patent: { zh: '专利', en: 'Patent' },
    trademark: { zh: '商标', en: 'Trademark' },
    copyright: { zh: '著作权', en: 'Copyright' },
    gi: { zh: '地理标志', en: 'Geographical indication' },
    trade_secret: { zh: '商业秘密', en: 'Trade secret' },
    other: { zh: '其他', en: 'Other' },
  },
  procedure: {
    civil: { zh: '民事', en: 'Civil' },
    criminal: { zh: '刑事', en: 'Criminal' },
    administrative: { zh: '行政', en: 'Administrative' },
  },
  stage: {
    filed: { zh: '立案', en: 'Filed' },
    investigating: { zh: '侦查', en: 'Under investigation' },
    prosecuting: { zh: '审查起诉', en: 'Under prosecution review' },
    trial: { zh: '审理', en: 'On trial' },
    judged: { zh: '已判决', en: 'Judged' },
    enforcing: { zh: '执行', en: 'Enforcement' },
    closed: { zh: '结案', en: 'Closed' },
  },
  partyRole: {
    plaintiff: { zh: '原告/申请人', en: 'Plaintiff / applicant' },
    defendant: { zh: '被告/被申请人', en: 'Defendant / respondent' },
    suspect: { zh: '犯罪嫌疑人/被告人', en: 'Suspect / accused' },
    party: { zh: '当事人', en: 'Party' },
    third_party: { zh: '第三人', en: 'Third party' },
  },
  transfer: {
    sent: { zh: '已移送，待接收', en: 'Sent, awaiting receipt' },
    received: { zh: '已接收', en: 'Received' },
    refused: { zh: '不予接收', en: 'Refused' },
  },
};

/** Words an import cell may use for a party's role (before the colon in 原告:某某公司). */
export const PARTY_ROLE_WORDS: Record<string, PartyRole> = {
  原告: 'plaintiff',
  申请人: 'plaintiff',
  起诉人: 'plaintiff',
  权利人: 'plaintiff',
  被告: 'defendant',
  被申请人: 'defendant',
  被起诉人: 'defendant',
  犯罪嫌疑人: 'suspect',
  被告人: 'suspect',
  当事人: 'party',
  被处罚人: 'party',
  第三人: 'third_party',
};

/** A party name that is an organisation's (a person's name never ends so). */
export const ORG_NAME = /(公司|厂|店|行|社|中心|研究院|研究所|事务所|协会|集团|合作社|经营部|门市部|商店|超市|大学|学院|医院|工作室|个体工商户)$/;
