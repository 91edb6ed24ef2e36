import { z } from 'zod';

export const populationFigure = z.object({
  year: z.number().int(),
  population: z.number().int(),
  source: z.string(),
  isEstimate: z.boolean().describe('An estimate (demo data or an officer’s own), never to be shown as official'),
  note: z.string().nullable(),
  updatedAt: z.string(),
});

export const areaView = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  nameEn: z.string(),
  kind: z.enum(['city', 'district', 'county', 'zone']),
  parentCode: z.string().nullable(),
  statCode: z.string().nullable(),
  latest: populationFigure.nullable().describe('The most recent population figure'),
  inScope: z.boolean().describe('Whether the caller may edit this area’s figures'),
});
export type AreaView = z.infer<typeof areaView>;

export const entityFigure = populationFigure.omit({ population: true }).extend({ entities: z.number().int().describe('Registered market entities (市场主体) at the end of the year') });

export const areaDetail = areaView.extend({ population: z.array(populationFigure), marketEntities: z.array(entityFigure) });

export const areaParams = z.strictObject({ code: z.string().trim().min(1).max(20) });
export const figureParams = z.strictObject({ code: z.string().trim().min(1).max(20), year: z.coerce.number().int().min(1949).max(2100) });
export const figureBody = z.strictObject({
  population: z.number().int().min(1).max(20_000_000),
  source: z.string().trim().min(2).max(200).describe('Where the figure comes from, e.g. 第七次全国人口普查公报'),
  isEstimate: z.boolean().default(false),
  note: z.string().trim().max(300).optional(),
});
export type FigureBody = z.infer<typeof figureBody>;

export const entityBody = figureBody.omit({ population: true }).extend({ entities: z.number().int().min(1).max(10_000_000) });
export type EntityBody = z.infer<typeof entityBody>;
