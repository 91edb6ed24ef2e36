/**
 * The register's record model (知识产权大数据中心), shared by the import pipeline, the server and the
 * web app. Values here are already normalised: canonical numbers, ISO dates, normalised IPC codes.
 */
export const PATENT_TYPES = ['invention', 'utility', 'design'] as const;
export type PatentType = (typeof PATENT_TYPES)[number];

/**
 * Legal status, normalised from the many wordings of Chinese patent databases (法律状态/当前法律状态).
 * pending = filed or published, under examination; valid = granted and in force; lapsed = ended for
 * unpaid annual fees (未缴年费终止); expired = term ended (期限届满); withdrawn = withdrawn or deemed
 * withdrawn; rejected = application refused (驳回); invalidated = declared invalid (无效宣告);
 * abandoned = right given up (放弃); unknown = a wording not recognised (the raw text is kept).
 */
export const LEGAL_STATUSES = ['pending', 'valid', 'lapsed', 'expired', 'withdrawn', 'rejected', 'invalidated', 'abandoned', 'unknown'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

/** Trademark status (商标状态). */
export const TRADEMARK_STATUSES = ['pending', 'registered', 'expired', 'cancelled', 'invalidated', 'rejected', 'unknown'] as const;
export type TrademarkStatus = (typeof TRADEMARK_STATUSES)[number];

/** 商标类型: ordinary, collective (集体商标), certification (证明商标), special (特殊商标). */
export const MARK_TYPES = ['ordinary', 'collective', 'certification', 'special'] as const;
export type MarkType = (typeof MARK_TYPES)[number];

/** A geographical indication: a GI product (地理标志产品) or a GI certification / collective mark. */
export const GI_KINDS = ['product', 'certification_mark', 'collective_mark'] as const;
export type GiKind = (typeof GI_KINDS)[number];

export type ImportKind = 'patents' | 'trademarks' | 'gis' | 'gi_users';

/** One patent row after validation. Dates are 'YYYY-MM-DD'. */
export interface PatentRecord {
  /** Canonical application number, e.g. '202110123456.7' (see validators/patent-number.ts). */
  appNo: string;
  appDate: string;
  type: PatentType;
  pct: boolean;
  /** Publication number of the application (公开号), canonical 'CN112345678A'. */
  pubNo: string | null;
  pubDate: string | null;
  /** Grant publication number (授权公告号), canonical 'CN112345678B'. */
  grantNo: string | null;
  grantDate: string | null;
  title: string;
  abstract: string | null;
  /** Applicants in their order (申请人); the first is the main applicant. */
  applicants: string[];
  /** Current right holders (专利权人) when the source distinguishes them from applicants. */
  patentees: string[];
  /** USCCs of the applicants where the source gives them, same order (null where missing). */
  applicantUsccs: Array<string | null>;
  /** Address of the first applicant (申请人地址). */
  address: string | null;
  inventors: string[];
  /** Main IPC, normalised 'A01B 1/00'. */
  ipcMain: string | null;
  /** All IPC codes including the main one, normalised, de-duplicated, in source order. */
  ipc: string[];
  status: LegalStatus;
  statusRaw: string | null;
  /** Date of the last legal-status event, when the source gives one. */
  statusDate: string | null;
  agency: string | null;
  agents: string[];
  priority: string | null;
  /** Family members (同族), e.g. 'US2021123456A1'. */
  family: string[];
  claimsCount: number | null;
  /** 国省代码, e.g. '41' or '河南;41'. */
  provinceCode: string | null;
}

export interface TrademarkRecord {
  /** 注册号/申请号, digits only. */
  regNo: string;
  niceClass: number;
  name: string;
  appDate: string | null;
  regDate: string | null;
  /** 专用期限: start and end of the exclusive right. */
  termStart: string | null;
  termEnd: string | null;
  applicants: string[];
  applicantUsccs: Array<string | null>;
  address: string | null;
  markType: MarkType;
  status: TrademarkStatus;
  statusRaw: string | null;
  goods: string | null;
  agency: string | null;
}

export interface GiRecord {
  name: string;
  kind: GiKind;
  /** Registration / announcement number (e.g. 国家质检总局公告2009年第12号, or a mark's 注册号). */
  regNo: string | null;
  niceClass: number | null;
  holder: string | null;
  holderUscc: string | null;
  /** Free text of the protected area (保护范围). */
  areaText: string | null;
  approvedOn: string | null;
  authority: string | null;
  standard: string | null;
  productCategory: string | null;
}

export interface GiUserRecord {
  /** Name of the GI product or mark the firm is approved to use. */
  giName: string;
  firmName: string;
  uscc: string | null;
  address: string | null;
  announcementNo: string | null;
  announcedOn: string | null;
  status: 'active' | 'revoked' | 'unknown';
}

/** A problem with one cell of an imported row; the reason is shown to officers in the error report. */
export interface RowProblem {
  field: string;
  value: string;
  reason: { zh: string; en: string };
}

/**
 * The criteria of a high-value invention patent (高价值发明专利, CNIPA): any one makes a valid
 * invention patent count. The rule itself is SQL (patent_value_criteria), so that dashboards, lists
 * and the CLI count alike.
 */
export const VALUE_CRITERIA = ['industry', 'abroad', 'term', 'pledge', 'award'] as const;
export type ValueCriterion = (typeof VALUE_CRITERIA)[number];
export const VALUE_CRITERION_LABELS: Record<ValueCriterion, { zh: string; en: string }> = {
  industry: { zh: '战略性新兴产业', en: 'Strategic emerging industry' },
  abroad: { zh: '有海外同族授权', en: 'Family member granted abroad' },
  term: { zh: '维持年限超过10年', en: 'In force more than 10 years' },
  pledge: { zh: '质押融资1000万元以上', en: 'Pledged for ≥ 10 million yuan' },
  award: { zh: '获中国专利奖', en: 'China Patent Award' },
};
