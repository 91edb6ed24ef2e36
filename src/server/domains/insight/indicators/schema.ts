import { z } from 'zod';
import { INDICATORS } from '../../../../shared/insight/indicators';

const text = z.object({ zh: z.string(), en: z.string() });

export const indicatorDefinition = z.object({
  code: z.enum(INDICATORS),
  name: text,
  unit: text,
  formula: text,
  rule: text,
  per: z.enum(['population', 'entities']).nullable(),
  digits: z.number().int(),
});

export const drillLink = z.object({ path: z.string(), query: z.record(z.string(), z.string()) }).describe('The data-centre list of the records counted');

export const indicatorValue = z.object({
  value: z.number().nullable().describe('Null when the denominator is missing'),
  count: z.number().int().describe('The records counted (the numerator)'),
  denominator: z
    .object({ value: z.number().int(), year: z.number().int(), isEstimate: z.boolean(), source: z.string(), summed: z.boolean().describe('The city figure is the sum of its counties’') })
    .nullable(),
  target: z.number().nullable(),
  progress: z.number().nullable().describe('value ÷ target'),
  drill: drillLink,
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const areaIndicators = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['city', 'district', 'county', 'zone', 'unresolved']),
  values: z.record(z.enum(INDICATORS), indicatorValue),
});
export type AreaIndicators = z.infer<typeof areaIndicators>;

export const indicatorTable = z.object({
  year: z.number().int(),
  definitions: z.array(indicatorDefinition),
  areas: z.array(areaIndicators).describe('The city first (for city-wide users), then each area in the caller’s scope'),
});
export type IndicatorTable = z.infer<typeof indicatorTable>;

export const indicatorQuery = z.strictObject({
  year: z.coerce.number().int().min(1985).max(2100).optional().describe('Default: the current year'),
  area: z.string().trim().max(20).optional().describe('One area code; default: the city and every area in scope'),
});

export const targetParams = z.strictObject({
  indicator: z.enum(INDICATORS),
  area: z.string().trim().min(1).max(20),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const targetBody = z.strictObject({
  target: z.number().min(0).max(1e9),
  note: z.string().trim().max(300).optional(),
});
export type TargetBody = z.infer<typeof targetBody>;
export const targetView = z.object({ indicator: z.enum(INDICATORS), area: z.string(), year: z.number().int(), target: z.number(), note: z.string().nullable(), updatedAt: z.string() });
