import { z } from 'zod';
import { EVALUATION_SOURCES, NORMALISATIONS } from '../../../../shared/workplan/evaluation';
import { METRICS } from '../../../../shared/workplan/metrics';
import { areaCode, optionalText, text } from '../../protection/fields';

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, '编码由小写字母、数字和下划线组成，以字母开头 / Keys are lower-case letters, digits and _, starting with a letter');
const weight = z.number().min(0, '权重不能为负数 / A weight cannot be negative').max(100, '权重不超过 100 / A weight is at most 100');

export const indicatorBody = z.object({
  key,
  name: text(60),
  weight,
  source: z.enum(EVALUATION_SOURCES),
  metric: z.enum(METRICS).nullable().default(null),
  better: z.enum(['higher', 'lower']).default('higher'),
  method: z.enum(NORMALISATIONS).default('minmax'),
  benchmark: z.number().positive().max(1e9).nullable().default(null),
  unit: z.string().trim().max(10).default(''),
});

export const dimensionBody = z.object({ key, name: text(40), weight, indicators: z.array(indicatorBody).min(1).max(20) });

export const systemBody = z.object({ title: text(80), dimensions: z.array(dimensionBody).min(1).max(10) });
export type SystemBody = z.infer<typeof systemBody>;

export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const runParams = yearParams.extend({ id: z.coerce.number().int().positive() });
export const viewQuery = z.object({ run: z.coerce.number().int().positive().optional().describe('An earlier run instead of the latest') });

export const manualBody = z.object({
  values: z
    .array(z.object({ indicatorKey: key, areaCode, value: z.number().min(-1e9).max(1e9).nullable().describe('null clears the figure'), note: optionalText(200) }))
    .min(1)
    .max(500),
});

const drill = z.object({ path: z.string(), query: z.record(z.string(), z.string()) }).nullable();
const indicatorView = indicatorBody.extend({ metric: z.string().nullable(), unit: z.string() });
const systemView = z.object({
  year: z.number().int(),
  title: z.string(),
  dimensions: z.array(dimensionBody.extend({ indicators: z.array(indicatorView) })),
  isDemo: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});

const areaResult = z.object({
  area: z.string(),
  areaName: z.string(),
  overall: z.number().nullable(),
  rank: z.number().int().nullable(),
  coverage: z.number(),
  dimensions: z.array(z.object({ key: z.string(), score: z.number().nullable() })),
  /** Only for the caller's own area (or every area for the city office). */
  indicators: z
    .array(
      z.object({
        key: z.string(),
        raw: z.number().nullable(),
        score: z.number().nullable(),
        effectiveWeight: z.number(),
        contribution: z.number(),
        count: z.number().nullable(),
        drill,
        note: z.string().nullable(),
      }),
    )
    .nullable(),
});

export const runView = z.object({
  id: z.number().int(),
  computedAt: z.string(),
  computedBy: z.string().nullable(),
  inputsHash: z.string(),
  isDemo: z.boolean(),
  /** The system or manual figures changed after this run. */
  stale: z.boolean(),
  system: z.object({ title: z.string(), dimensions: systemView.shape.dimensions }),
  areas: z.array(areaResult),
  cityAverage: z.object({ overall: z.number().nullable(), dimensions: z.array(z.object({ key: z.string(), score: z.number().nullable() })) }),
});

export const evaluationView = z.object({
  year: z.number().int(),
  system: systemView.nullable(),
  manual: z.array(z.object({ indicatorKey: z.string(), areaCode: z.string(), value: z.number(), note: z.string().nullable(), enteredBy: z.string().nullable(), enteredAt: z.string() })),
  run: runView.nullable(),
  runs: z.array(z.object({ id: z.number().int(), inputsHash: z.string(), computedBy: z.string().nullable(), computedAt: z.string(), isDemo: z.boolean() })),
  canManage: z.boolean(),
  /** The areas whose indicator details the caller may see (null: all). */
  scope: z.string().nullable(),
});

export const verifyView = z.object({ id: z.number().int(), inputsHash: z.string(), recomputedHash: z.string(), hashMatches: z.boolean(), resultsMatch: z.boolean() });
