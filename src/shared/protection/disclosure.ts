/**
 * Enforcement disclosure (行政执法公示, one of the 三项制度): administrative penalty decisions are
 * published within a set number of working days, with natural persons' data masked; the legal
 * review (法制审核) and the whole-process record (执法全过程记录) stay internal. Shared by the
 * server (which enforces it) and the web app (which shows it).
 */
export const DISCLOSURE_STATUSES = ['draft', 'reviewed', 'published', 'withdrawn'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

/**
 * What a decision imposes (行政处罚法 Art. 9; 商标法 Art. 60; 专利法 Art. 68): several at once is
 * usual (责令停止 + 没收 + 罚款).
 */
export const DECISION_KINDS = ['order_stop', 'warning', 'fine', 'confiscate_gains', 'confiscate_goods'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const PARTY_KINDS = ['organisation', 'natural_person'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Internal attachments: the legal-review record and the whole-process record (documents, photos, video). */
export const DISCLOSURE_FILE_CATEGORIES = ['review', 'process'] as const;
export type DisclosureFileCategory = (typeof DISCLOSURE_FILE_CATEGORIES)[number];

export const DISCLOSURE_ACTIONS = ['edit', 'review', 'publish', 'withdraw'] as const;
export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];

/**
 * The state machine; anything else is refused with 409. Editing a reviewed decision sends it back
 * to draft: the legal review covered the text as it was.
 */
export const DISCLOSURE_TRANSITIONS: Record<DisclosureAction, { from: readonly DisclosureStatus[]; to: DisclosureStatus }> = {
  edit: { from: ['draft', 'reviewed'], to: 'draft' },
  review: { from: ['draft'], to: 'reviewed' },
  publish: { from: ['reviewed'], to: 'published' },
  withdraw: { from: ['published'], to: 'withdrawn' },
};

/**
 * 国办发〔2018〕118号: decision information is made public within 7 working days of the decision,
 * unless a law says otherwise. The city office may change it.
 */
export const DEFAULT_DISCLOSURE_WORKING_DAYS = 7;

/** Desks are reminded of decisions due within this many working days. */
export const DISCLOSURE_REMIND_WORKING_DAYS = 2;
