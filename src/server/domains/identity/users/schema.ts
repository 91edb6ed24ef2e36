import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';
import { ROLES } from '../../../../shared/roles';

export const role = z.enum(ROLES);

export const userStatus = z.enum(['active', 'pending', 'locked', 'disabled']).describe(
  'pending = created but not yet granted a role by the security administrator',
);

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable().describe('Masked for everyone but the system administrator'),
  org: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  roles: z.array(role),
  areaScope: z.string(),
  areaName: z.string(),
  status: userStatus,
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  mfaEnabled: z.boolean(),
  isDemo: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const userListQuery = z.strictObject({
  ...pageQuery,
  q: optionalText(60).describe('Part of the username or display name'),
  orgId: z.string().uuid().optional(),
  role: role.optional(),
  status: userStatus.optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;
export const userPage = pageOf(userView);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => /^[a-z][a-z0-9_.-]{1,31}$/.test(v), {
    message: '2–32 characters: letters, digits, _ . -, starting with a letter',
    params: { zh: '用户名为 2–32 位字母、数字或 _ . -，以字母开头' },
  });

export const userCreate = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(50),
  orgId: z.string().uuid(),
  email: z.string().trim().email().max(120).optional(),
});
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  orgId: z.string().uuid().optional(),
  email: z.string().trim().email().max(120).nullable().optional(),
});
export type UserUpdate = z.infer<typeof userUpdate>;

export const grantBody = z.strictObject({
  roles: z.array(role).max(4),
  areaScope: z.string().trim().min(1).max(20),
});
export type GrantBody = z.infer<typeof grantBody>;

export const userIdParams = z.strictObject({ id: z.string().uuid() });
export const disabledBody = z.strictObject({ disabled: z.boolean(), reason: z.string().trim().max(200).optional() });

export const createdUser = z.object({ user: userView, temporaryPassword: z.string().describe('Shown once; the user must change it at first sign-in') });
export const passwordReset = z.object({ user: userView, temporaryPassword: z.string() });
