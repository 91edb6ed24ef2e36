/**
 * One error type for the whole server. Services throw AppError with a code; the HTTP layer maps it
 * to the contract's `{"error":{"code","message","details"}}` and status. Services never speak HTTP.
 */
export const ERROR_CODES = {
  /** A request failed schema validation; details list each field or row. */
  validation: 400,
  /** The body was not parseable JSON. */
  bad_json: 400,
  /** No valid session or token. */
  unauthenticated: 401,
  /** The session expired (idle or absolute limit); the client should sign in again. */
  session_expired: 401,
  /** Username or password wrong (same answer for unknown users). */
  bad_credentials: 401,
  /** A second factor is needed or was wrong. */
  mfa_required: 401,
  mfa_invalid: 401,
  /** The account is locked after too many failed sign-ins. */
  account_locked: 423,
  /** The account was disabled by an administrator. */
  account_disabled: 403,
  /** The account exists but the security administrator has not granted it a role yet. */
  account_pending: 403,
  /** Signed in, but the role lacks the permission. */
  forbidden: 403,
  /** A state-changing request with a session cookie lacked a valid CSRF token. */
  csrf: 403,
  /** The session must finish a step (second factor, enrolment, password change) first. */
  step_required: 403,
  /** No such record, or one outside the caller's area scope. */
  not_found: 404,
  /** Unique key taken or a concurrent change. */
  conflict: 409,
  /** Request body over the size limit. */
  too_large: 413,
  /** Unsupported media type. */
  unsupported_media: 415,
  /** Well-formed but breaks a business rule (password policy, state machine…). */
  rule: 422,
  /** Rate limit reached. */
  rate_limited: 429,
  /** The service cannot serve now (database not ready, shutting down). */
  unavailable: 503,
  /** A bug or an unexpected failure; details are logged, not sent. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A message in both UI languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly text: Bilingual,
    readonly details?: unknown,
  ) {
    super(`${text.zh} / ${text.en}`);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

export const notFound = (what: Bilingual = { zh: '记录不存在或无权访问', en: 'Record not found' }) =>
  new AppError('not_found', what);

export const forbidden = () =>
  new AppError('forbidden', { zh: '当前角色无权执行此操作', en: 'Your role is not allowed to do this' });

export const conflict = (text: Bilingual, details?: unknown) => new AppError('conflict', text, details);

export const ruleViolated = (text: Bilingual, details?: unknown) => new AppError('rule', text, details);

export const invalid = (text: Bilingual, details?: unknown) => new AppError('validation', text, details);
