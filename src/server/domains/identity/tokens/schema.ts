import { z } from 'zod';

export const tokenView = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  prefix: z.string().describe('First characters of the token, to recognise it'),
  roles: z.array(z.string()),
  areaScope: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type TokenView = z.infer<typeof tokenView>;

export const tokenCreate = z.strictObject({
  name: z.string().trim().min(2).max(60).describe('What the token is for, e.g. 案件信息共享接口'),
  expiresInDays: z.number().int().min(1).max(730).default(365),
});
export type TokenCreate = z.infer<typeof tokenCreate>;

export const issuedToken = z.object({ token: z.string().describe('Shown once; only its hash is stored'), view: tokenView });
export const orgParams = z.strictObject({ id: z.string().uuid() });
export const tokenParams = z.strictObject({ tokenId: z.string().uuid() });
