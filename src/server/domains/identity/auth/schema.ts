import { z } from 'zod';

export const stage = z.enum(['mfa', 'enrol', 'password', 'active']).describe(
  'What the session still has to do: mfa = enter a TOTP code, enrol = set up TOTP, password = choose a new password, active = signed in',
);

export const me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  areaScope: z.string(),
  areaName: z.string(),
  areaNameEn: z.string(),
  org: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  isDemo: z.boolean(),
  mfaEnabled: z.boolean(),
  mfaRequired: z.boolean(),
  /** Demo accounts in demo mode skip TOTP; the UI says so. */
  mfaExempt: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  lastLoginIp: z.string().nullable(),
  passwordChangedAt: z.string(),
});
export type Me = z.infer<typeof me>;

export const sessionView = z.object({ user: me, csrfToken: z.string(), stage, demo: z.boolean() });
export type SessionView = z.infer<typeof sessionView>;

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const mfaBody = z.union([
  z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, '6 digits') }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(20) }),
]);

export const mfaSetup = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator app'),
  uri: z.string().describe('otpauth:// URI'),
  qrDataUrl: z.string().describe('The URI as a QR code (PNG data URL)'),
});

export const mfaConfirmBody = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, '6 digits') });
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()), view: sessionView });

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const mfaDisableBody = z.strictObject({ password: z.string().min(1).max(256) });
