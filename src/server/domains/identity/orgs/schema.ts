import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';
import { ORG_KINDS } from '../../../../shared/roles';

export const orgKind = z.enum(ORG_KINDS);

export const orgView = z.object({
  id: z.string(),
  name: z.string(),
  kind: orgKind,
  areaCode: z.string(),
  areaName: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  isDemo: z.boolean(),
  disabled: z.boolean(),
  userCount: z.number().int(),
  activeTokenCount: z.number().int(),
  createdAt: z.string(),
});
export type OrgView = z.infer<typeof orgView>;

export const orgListQuery = z.strictObject({
  ...pageQuery,
  q: optionalText(60).describe('Part of the name or the USCC'),
  kind: orgKind.optional(),
  area: optionalText(20),
  status: z.enum(['active', 'disabled']).optional(),
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

export const orgPage = pageOf(orgView);

const name = z.string().trim().min(2).max(100);
const text = (max: number) => z.string().trim().max(max);

export const orgCreate = z.strictObject({
  name,
  kind: orgKind,
  areaCode: z.string().trim().min(1).max(20).optional().describe('Defaults to the area of the USCC region code'),
  uscc: text(30).optional(),
  address: text(200).optional(),
  phone: text(30).optional(),
});
export type OrgCreate = z.infer<typeof orgCreate>;

export const orgUpdate = z.strictObject({
  name: name.optional(),
  areaCode: z.string().trim().min(1).max(20).optional(),
  uscc: text(30).nullable().optional(),
  address: text(200).nullable().optional(),
  phone: text(30).nullable().optional(),
});
export type OrgUpdate = z.infer<typeof orgUpdate>;

export const orgIdParams = z.strictObject({ id: z.string().uuid() });
export const disableBody = z.strictObject({ disabled: z.boolean() });
