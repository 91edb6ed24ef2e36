import { z } from 'zod';

/**
 * Security policy the security administrator may tighten but never loosen below 等保 level-3
 * minimums: the bounds below are those minimums.
 */
export const securityPolicy = z.strictObject({
  minLength: z.number().int().min(10).max(64),
  maxFailures: z.number().int().min(3).max(5),
  lockMinutes: z.number().int().min(15).max(1440),
  idleMinutes: z.number().int().min(5).max(30),
  absoluteHours: z.number().int().min(1).max(12),
  /** Require TOTP for every account, not only the three administrator roles. */
  mfaForAll: z.boolean(),
});
export type SecurityPolicy = z.infer<typeof securityPolicy>;

export const DEFAULT_POLICY: SecurityPolicy = Object.freeze({
  minLength: 10,
  maxFailures: 5,
  lockMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
  mfaForAll: false,
});
