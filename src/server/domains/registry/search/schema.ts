import { z } from 'zod';
import { optionalText } from '../../../../shared/api';

export const segment = z.object({ text: z.string(), hit: z.boolean() });
export const facetValue = z.object({ value: z.string(), label: z.string().nullable(), count: z.number().int() });

export const searchMeta = {
  totalCapped: z.boolean().describe('More matches than counted exactly: show the total as "10,000+"'),
  facetsEstimated: z.boolean().describe('Facet counts come from the first 10,000 matches only'),
  lookup: z.enum(['number']).nullable().describe('The query was recognised as a number and looked up exactly'),
};

export const sortParam = z.enum(['relevance', 'date']).default('relevance');

/** A year in a query string: statistical rules (in force at the end of a year, …). */
export const yearParam = z.coerce.number().int().min(1985).max(2100).optional();

/** A yes-only flag in a query string: 1 or true. */
export const flagParam = z.enum(['1', 'true']).optional().transform((v) => (v ? true : undefined));

/** A year or a range of years in a query string: 2021 or 2018-2021, within 1985–2100. */
export const yearRangeParam = optionalText(20).refine(
  (v) => {
    if (v === undefined) return true;
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(v);
    return !!m && [m[1], m[2] ?? m[1]].every((y) => Number(y) >= 1985 && Number(y) <= 2100);
  },
  { message: '年份应写成 2021 或 2018-2021（1985–2100 年）/ Give a year as 2021 or a range as 2018-2021 (1985–2100)' },
);
