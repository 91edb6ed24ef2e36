/** States and document numbers of 督办 / 通报 / 约谈 / 整改, shared by the server and the web app. */

export const NOTICE_STATUSES = ['issued', 'replied', 'returned', 'accepted'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const CIRCULAR_KINDS = ['praise', 'criticism'] as const;
export type CircularKind = (typeof CIRCULAR_KINDS)[number];

export const INTERVIEW_STATUSES = ['open', 'closed'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const RECTIFICATION_STATUSES = ['open', 'submitted', 'returned', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_SOURCES = ['notice', 'circular', 'interview'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** Issuing office of the documents, shown as their red header. */
export const SUPERVISION_ISSUER = '信阳市知识产权战略实施工作联席会议办公室';

/** Official document numbers: 信知督〔2026〕3号 (督办), 信知通〔2026〕1号 (通报), 信知约〔2026〕2号 (约谈). */
const PREFIX = { notice: '信知督', circular: '信知通', interview: '信知约' } as const;
export const docRef = (kind: keyof typeof PREFIX, year: number, seq: number) => `${PREFIX[kind]}〔${year}〕${seq}号`;

/** Rectification items are numbered ZG2026-0001: they are records, not documents. */
export const rectificationRef = (year: number, seq: number) => `ZG${year}-${String(seq).padStart(4, '0')}`;

/** Notices waiting for the unit's reply; past the deadline they are overdue. */
export const awaitsReply = (s: NoticeStatus) => s === 'issued' || s === 'returned';
/** Rectification items the unit still has to report on. */
export const awaitsRectification = (s: RectificationStatus) => s === 'open' || s === 'returned';
