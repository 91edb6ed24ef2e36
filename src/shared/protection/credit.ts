import { addMonths } from '../insight/fees';

/**
 * IP credit records (知识产权信用): 守信 (trust) and 失信 (distrust) records of organisations, their
 * publication and credit repair (信用修复). Shared by the server, the web app and the CLI.
 */
export const CREDIT_KINDS = ['trust', 'distrust'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

export const TRUST_CATEGORIES = ['key_list', 'model_firm', 'other'] as const;
export const DISTRUST_CATEGORIES = ['repeated_infringement', 'abnormal_filing', 'agency_violation', 'bad_faith_trademark', 'other'] as const;
export const CREDIT_CATEGORIES = ['key_list', 'model_firm', 'repeated_infringement', 'abnormal_filing', 'agency_violation', 'bad_faith_trademark', 'other'] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];

export const categoriesOf = (kind: CreditKind): readonly CreditCategory[] => (kind === 'trust' ? TRUST_CATEGORIES : DISTRUST_CATEGORIES);

/** 一般失信 / 严重失信: decides the minimum publication period before repair. */
export const CREDIT_SEVERITIES = ['general', 'serious'] as const;
export type CreditSeverity = (typeof CREDIT_SEVERITIES)[number];

/** Organisations only: natural persons are not recorded here. */
export const CREDIT_SUBJECT_KINDS = ['enterprise', 'agency', 'other_org'] as const;
export type CreditSubjectKind = (typeof CREDIT_SUBJECT_KINDS)[number];

export const CREDIT_STATUSES = ['draft', 'published', 'repairing', 'ended', 'revoked'] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

export const REPAIR_STATUSES = ['submitted', 'approved', 'refused', 'closed'] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

/** What the public and the credit platform see of a record's status: repair under review is still published. */
export const publicStatus = (s: CreditStatus): 'published' | 'ended' | 'revoked' => (s === 'repairing' ? 'published' : s === 'draft' ? 'revoked' : s);

/**
 * The rule for credit repair, set by the city office. Defaults follow 《失信行为纠正后的信用信息修复
 * 管理办法（试行）》(国家发展改革委令 2023 年第 58 号): an administrative-penalty record may be ended early
 * only after its minimum publication period, three months for general distrust; one year is used
 * for serious distrust (严重失信). The period runs from the record's start date (the decision).
 */
export interface CreditRules {
  repairMinMonths: { general: number; serious: number };
  /** Records whose publication ends within this many days are flagged in the officers' list. */
  endingSoonDays: number;
}

export const DEFAULT_CREDIT_RULES: CreditRules = { repairMinMonths: { general: 3, serious: 12 }, endingSoonDays: 30 };

/** The first day the subject may apply for repair of a distrust record. */
export const repairOpensOn = (startsOn: string, severity: CreditSeverity, rules: CreditRules): string => addMonths(startsOn, rules.repairMinMonths[severity]);

/** The export bundle's file names and format version (docs/credit-export.md describes them). */
export const CREDIT_EXPORT_FORMAT = 'xinzhi-credit-export';
export const CREDIT_EXPORT_VERSION = 1;
export const CREDIT_EXPORT_FILES = { records: 'records.json', csv: 'records.csv', manifest: 'manifest.json', hmac: 'manifest.sig', ed25519: 'manifest.ed25519.sig' } as const;

/** Chinese names of the codes, for the CSV an officer opens in a spreadsheet (the web app has its own i18n). */
export const CREDIT_CODE_NAMES_ZH: Record<string, string> = {
  trust: '守信',
  distrust: '失信',
  key_list: '知识产权保护重点关注名录企业',
  model_firm: '知识产权示范/优势企业',
  repeated_infringement: '重复侵权',
  abnormal_filing: '非正常专利申请',
  agency_violation: '代理机构违法违规',
  bad_faith_trademark: '恶意商标注册',
  other: '其他',
  general: '一般失信',
  serious: '严重失信',
  enterprise: '企业',
  agency: '知识产权代理机构',
  other_org: '其他组织',
  published: '公示中',
  ended: '已终止公示',
  revoked: '已撤销',
};
