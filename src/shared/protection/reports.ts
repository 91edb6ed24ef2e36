/**
 * Infringement reports (举报) and their rewards: the states, the right kinds and the reward rule,
 * shared by the server (which enforces them) and the web app (which shows them).
 */
export const REPORT_STATUSES = ['received', 'accepted', 'rejected', 'investigating', 'concluded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const RIGHT_KINDS = ['patent', 'trademark', 'gi', 'copyright', 'trade_secret', 'other'] as const;
export type RightKind = (typeof RIGHT_KINDS)[number];

export const REWARD_STATUSES = ['none', 'proposed', 'approved', 'refused', 'claimed', 'paid'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

/** What an officer may do to a report in a state; anything else is refused with 409. */
export const REPORT_ACTIONS = ['accept', 'reject', 'assign', 'investigate', 'conclude'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const REPORT_TRANSITIONS: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus | null }> = {
  accept: { from: ['received'], to: 'accepted' },
  reject: { from: ['received'], to: 'rejected' },
  assign: { from: ['received', 'accepted', 'investigating'], to: null },
  investigate: { from: ['accepted'], to: 'investigating' },
  conclude: { from: ['investigating'], to: 'concluded' },
};

export const REWARD_ACTIONS = ['propose', 'approve', 'refuse', 'claim', 'pay'] as const;
export type RewardAction = (typeof REWARD_ACTIONS)[number];

export const REWARD_TRANSITIONS: Record<RewardAction, { from: readonly RewardStatus[]; to: RewardStatus }> = {
  propose: { from: ['none', 'refused'], to: 'proposed' },
  approve: { from: ['proposed'], to: 'approved' },
  refuse: { from: ['proposed'], to: 'refused' },
  claim: { from: ['approved'], to: 'claimed' },
  pay: { from: ['claimed'], to: 'paid' },
};

export interface RewardTier {
  level: 1 | 2 | 3;
  /** Share of the fines and confiscations, e.g. 0.05. */
  rate: number;
  /** The least reward at this level, in yuan. */
  minimum: number;
  /** What a report must give to reach the level. */
  criterion: string;
}

export interface RewardRule {
  tiers: RewardTier[];
  /** The most one report can earn, in yuan. */
  cap: number;
  basis: string;
}

/**
 * The default rule: 国市监稽规〔2021〕4号 (市场监管领域重大违法行为举报奖励暂行办法), three levels at
 * 5 %, 3 % and 1 % of fines and confiscations with minimums of 5,000, 3,000 and 1,000 yuan and a
 * cap of 1,000,000 yuan. The city office may change it; each reward keeps the rule it was decided by.
 */
export const DEFAULT_REWARD_RULE: RewardRule = {
  basis: '国市监稽规〔2021〕4号《市场监管领域重大违法行为举报奖励暂行办法》',
  cap: 1_000_000,
  tiers: [
    { level: 1, rate: 0.05, minimum: 5000, criterion: '提供被举报方的详细违法事实、线索及直接证据，举报内容与违法事实完全相符' },
    { level: 2, rate: 0.03, minimum: 3000, criterion: '提供被举报方的违法事实、线索及部分证据，举报内容与违法事实相符' },
    { level: 3, rate: 0.01, minimum: 1000, criterion: '提供被举报方的违法事实或者线索，举报内容与违法事实基本相符' },
  ],
};

/** The reward for a level and the fines and confiscations of the case, in yuan (whole fen). */
export function rewardAmount(rule: RewardRule, level: number, caseValue: number): number {
  const tier = rule.tiers.find((t) => t.level === level);
  if (!tier) throw new Error(`No reward level ${level}`);
  const share = Math.round(caseValue * tier.rate * 100) / 100;
  return Math.min(rule.cap, Math.max(tier.minimum, share));
}

/** Deadlines of each stage; working days skip Saturdays and Sundays. */
export interface ReportDeadlines {
  /** From receipt to the decision to accept or not. */
  acceptWorkingDays: number;
  /** From acceptance to the conclusion. */
  concludeDays: number;
  /** From the reward's approval to the reporter's claim. */
  claimDays: number;
}

export const DEFAULT_REPORT_DEADLINES: ReportDeadlines = { acceptWorkingDays: 15, concludeDays: 90, claimDays: 90 };

/** Tracking codes: 20 characters of Crockford base32 (100 bits), shown as five groups of four. */
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Reads a code as typed: any case, spaces or dashes, and the letters people confuse with digits. */
export function normaliseTrackingCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}
