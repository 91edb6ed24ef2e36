import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';
import { flagParam, yearParam } from '../search/schema';
import { GI_KINDS } from '../../../../shared/registry/types';

export const giView = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(GI_KINDS),
  regNo: z.string().nullable(),
  niceClass: z.number().int().nullable(),
  holderId: z.number().int().nullable(),
  holderName: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  areaText: z.string().nullable(),
  approvedOn: z.string().nullable(),
  authority: z.string().nullable(),
  standard: z.string().nullable(),
  productCategory: z.string().nullable(),
  activeUsers: z.number().int(),
  isDemo: z.boolean(),
});

export const giQuery = z.strictObject({
  q: optionalText(100),
  kind: z.enum(GI_KINDS).optional(),
  county: optionalText(20).describe('Area code, or unresolved'),
  approvedBy: yearParam.describe('Approved by 31 December of this year (an unknown date counts)'),
  local: flagParam.describe('Accepted for links from the city figures; every GI in the register is local'),
});
export const giParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const giUsersQuery = z.strictObject({ ...pageQuery });

export const giUser = z.object({
  id: z.number().int(),
  holderId: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  announcementNo: z.string().nullable(),
  announcedOn: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'unknown']),
  isDemo: z.boolean(),
});
export const giDetail = giView.extend({ users: pageOf(giUser) });
