/**
 * Rights-protection assistance and mediation (维权援助 / 纠纷调解, 诉调对接): the states, outcomes and
 * deadlines of a case, shared by the server (which enforces them) and the web app (which shows them).
 */
import type { BilingualMessage } from '../validators/types';
import { caseKey, partnerSourceOf } from './cases';

export const MEDIATION_STATUSES = ['received', 'assigned', 'in_mediation', 'closed'] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

/** How a case ends: an agreement, no agreement, sent to court, or withdrawn by the applicant. */
export const MEDIATION_OUTCOMES = ['settled', 'not_settled', 'litigation', 'withdrawn'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

/** Where a case came from: a firm or person online, an officer's entry, or a court's pre-litigation referral (诉前委派). */
export const MEDIATION_SOURCES = ['online', 'officer', 'court'] as const;
export type MediationSource = (typeof MEDIATION_SOURCES)[number];

export const MEDIATION_KINDS = ['assistance', 'mediation'] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];

export const BODY_KINDS = ['mediation', 'arbitration', 'notary'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const SPECIALITIES = ['patent', 'trademark', 'copyright', 'gi', 'trade_secret', 'other'] as const;
export type Speciality = (typeof SPECIALITIES)[number];

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** 司法确认 of a settlement: asked of a court, then confirmed or refused by its ruling. */
export const CONFIRMATION_STATUSES = ['none', 'requested', 'confirmed', 'refused'] as const;
export type ConfirmationStatus = (typeof CONFIRMATION_STATUSES)[number];

export const PARTY_KINDS = ['person', 'org'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** The steps an officer takes on a case; anything else in the state is refused with 409. */
export const MEDIATION_ACTIONS = ['assign', 'transfer', 'schedule', 'record', 'cancel', 'extend', 'close', 'withdraw', 'attach', 'confirm-request', 'confirm-result'] as const;
export type MediationAction = (typeof MEDIATION_ACTIONS)[number];

export const MEDIATION_TRANSITIONS: Record<MediationAction, readonly MediationStatus[]> = {
  assign: ['received', 'assigned', 'in_mediation'],
  transfer: ['received', 'assigned', 'in_mediation'],
  schedule: ['assigned', 'in_mediation'],
  record: ['assigned', 'in_mediation'],
  cancel: ['assigned', 'in_mediation'],
  extend: ['assigned', 'in_mediation'],
  close: ['assigned', 'in_mediation'],
  withdraw: ['received', 'assigned', 'in_mediation'],
  attach: ['received', 'assigned', 'in_mediation', 'closed'],
  'confirm-request': ['closed'],
  'confirm-result': ['closed'],
};

/** Outcomes an officer records, and the states each may be recorded from: an agreement needs a session held. */
export const OUTCOME_FROM: Record<Exclude<MediationOutcome, 'withdrawn'>, readonly MediationStatus[]> = {
  settled: ['in_mediation'],
  not_settled: ['assigned', 'in_mediation'],
  litigation: ['assigned', 'in_mediation'],
};

/** Deadlines of each stage. */
export interface MediationDeadlines {
  /** From receipt to assignment to a handler or a mediation body (working days). */
  assignWorkingDays: number;
  /** From assignment to the end of mediation (calendar days). */
  mediationDays: number;
  /** The same for a court's pre-litigation referral, counted from the referral (诉前调解, usually 30 days). */
  courtMediationDays: number;
  /** Longest extension agreed by the parties, in days. */
  maxExtensionDays: number;
  /** From the agreement to the last day a judicial confirmation may be asked (民事诉讼法 art. 205: 30 days). */
  confirmRequestDays: number;
}

export const DEFAULT_MEDIATION_DEADLINES: MediationDeadlines = { assignWorkingDays: 3, mediationDays: 30, courtMediationDays: 30, maxExtensionDays: 30, confirmRequestDays: 30 };

/** Days before a deadline when it counts as nearly due (reminders, the list's mark). */
export const NEARLY_DUE_DAYS = 3;

const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔贵云滇藏陕甘青宁新兵';
const CASE_NO = new RegExp(`^\\((\\d{4})\\)(最高法|[${PROVINCES}])(\\d{0,4})([\\u4e00-\\u9fff]{1,8}?)(\\d{1,7})号$`);

export type CourtCaseNoResult = { ok: true; canonical: string } | { ok: false; message: BilingualMessage };

/**
 * Reads a court case number (案号) as people type it: （2026）豫15民初123号, with half- or full-width
 * brackets or 〔〕, and spaces. The canonical form uses full-width brackets, as judgments print it.
 */
export function parseCourtCaseNo(input: string): CourtCaseNoResult {
  const s = caseKey(input);
  if (s === '') return { ok: false, message: { zh: '案号为空', en: 'The case number is empty' } };
  const m = CASE_NO.exec(s);
  const year = Number(m?.[1]);
  if (!m || year < 1990 || year > 2100) {
    return {
      ok: false,
      message: {
        zh: '案号格式不正确，应如（2026）豫15民初123号：括号内为年份，其后为省份简称、法院代字、案件类型和序号',
        en: 'The case number is not in the court format, e.g. （2026）豫15民初123号: the year in brackets, then the province, court code, case type and number',
      },
    };
  }
  return { ok: true, canonical: `（${m[1]}）${m[2]}${m[3]}${m[4]}${m[5]}号` };
}

/** Whether an organisation is a people's court, by its name: only a court refers cases or confirms agreements. */
export const isCourtName = (name: string) => partnerSourceOf(name.trim()) === 'court';
