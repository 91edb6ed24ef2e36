import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';

export const holderView = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['org', 'person']),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  areaSource: z.enum(['uscc', 'address', 'manual', 'outside', 'unresolved']),
  patents: z.number().int(),
  trademarks: z.number().int(),
  giUses: z.number().int(),
  isDemo: z.boolean(),
});
export type HolderView = z.infer<typeof holderView>;

export const holderQuery = z.strictObject({
  ...pageQuery,
  q: optionalText(100).describe('Part of the name, or the credit code'),
  county: optionalText(20),
  kind: z.enum(['org', 'person']).optional(),
  unresolved: z.enum(['true', 'false']).optional().describe('Only holders whose area is not known yet'),
});
export type HolderQuery = z.infer<typeof holderQuery>;

export const holderPage = pageOf(holderView);

export const holderDetail = holderView.extend({
  byYear: z.array(z.object({ year: z.number().int(), patents: z.number().int(), trademarks: z.number().int() })),
  byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
});

export const holderParams = z.strictObject({ id: z.coerce.number().int().positive() });
export const assignBody = z.strictObject({ areaCode: z.string().trim().min(1).max(20) });
