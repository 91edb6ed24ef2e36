import { z } from 'zod';

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
