import { z } from 'zod';
import { INDICATORS } from '../../../../shared/insight/indicators';
import { optionalText } from '../../../../shared/api';
import { drillLink, indicatorDefinition, indicatorValue } from '../indicators/schema';

export const dashboardQuery = z.strictObject({
  area: optionalText(20).describe('An area code; default: the city (a county desk always sees its own area)'),
  from: z.coerce.number().int().min(1985).max(2100).optional().describe('First year; default: ten years back'),
  to: z.coerce.number().int().min(1985).max(2100).optional().describe('Last year; default: the current year'),
  type: optionalText(40).describe('Patent types: invention, utility, design (comma-separated)'),
  industry: optionalText(20).describe('A strategic emerging industry code'),
  indicator: z.enum(INDICATORS).default('high_value_per_10k').describe('The indicator the county map and ranking are coloured by'),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const figure = z.object({ value: z.number(), drill: drillLink });

export const dashboard = z.object({
  area: z.object({ code: z.string(), name: z.string(), nameEn: z.string(), isCity: z.boolean() }),
  filter: z.object({ from: z.number().int(), to: z.number().int(), types: z.array(z.string()), industry: z.string().nullable(), industryName: z.string().nullable() }),
  year: z.number().int().describe('The year of stock figures and indicators (the last year of the range)'),
  totals: z.object({
    applications: figure,
    grants: figure,
    validPatents: figure,
    validInventions: figure,
    highValueInventions: figure,
    trademarkApplications: figure,
    trademarkRegistrations: figure,
    validTrademarks: figure,
    gis: figure,
    giUsers: figure,
    unresolvedPatents: figure.describe('Patents not yet placed in an area (city view)'),
  }),
  patentSeries: z.array(z.object({ year: z.number().int(), type: z.string(), applications: z.number().int(), grants: z.number().int() })),
  trademarkSeries: z.array(z.object({ year: z.number().int(), applications: z.number().int(), registrations: z.number().int() })),
  indicators: z.record(z.enum(INDICATORS), indicatorValue).describe('Every indicator of the area for the year'),
  definitions: z.array(indicatorDefinition),
  ranking: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      applications: z.number().int(),
      grants: z.number().int(),
      validInventions: z.number().int(),
      trademarks: z.number().int(),
      indicator: indicatorValue,
    }),
  ).describe('Areas in scope, with the chosen indicator (the map colours by it)'),
  topHolders: z.array(z.object({ id: z.number().int(), name: z.string(), areaCode: z.string(), areaName: z.string(), patents: z.number().int(), validInventions: z.number().int(), drill: drillLink })),
  sections: z.array(z.object({ section: z.string(), label: z.string(), count: z.number().int(), drill: drillLink })),
  industries: z.array(z.object({ code: z.string(), name: z.string(), applications: z.number().int(), valid: z.number().int(), drill: drillLink })),
  industryMapIsDemo: z.boolean(),
});
export type Dashboard = z.infer<typeof dashboard>;
