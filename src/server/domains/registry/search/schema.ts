import { z } from 'zod';

export const segment = z.object({ text: z.string(), hit: z.boolean() });
export const facetValue = z.object({ value: z.string(), label: z.string().nullable(), count: z.number().int() });

export const searchMeta = {
  totalCapped: z.boolean().describe('More matches than counted exactly: show the total as "10,000+"'),
  facetsEstimated: z.boolean().describe('Facet counts come from the first 10,000 matches only'),
  lookup: z.enum(['number']).nullable().describe('The query was recognised as a number and looked up exactly'),
};

export const sortParam = z.enum(['relevance', 'date']).default('relevance');
