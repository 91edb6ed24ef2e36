import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';
import { LEGAL_STATUSES, PATENT_TYPES, VALUE_CRITERIA } from '../../../../shared/registry/types';
import { facetValue, flagParam, searchMeta, segment, sortParam, yearParam, yearRangeParam } from '../search/schema';

export const patentSummary = z.object({
  id: z.number().int(),
  appNo: z.string().describe('Canonical application number, e.g. 202110123456.7'),
  appNoDisplay: z.string().describe('As printed: CN202110123456.7'),
  appDate: z.string(),
  type: z.enum(PATENT_TYPES),
  pct: z.boolean(),
  pubNo: z.string().nullable(),
  pubDate: z.string().nullable(),
  grantNo: z.string().nullable(),
  grantDate: z.string().nullable(),
  title: z.string(),
  titleHighlight: z.array(segment),
  snippet: z.array(segment).describe('The part of the abstract around the first hit'),
  applicants: z.array(z.string()),
  inventors: z.array(z.string()),
  status: z.enum(LEGAL_STATUSES),
  statusRaw: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  ipcMain: z.string().nullable(),
  industries: z.array(z.string()),
  visibility: z.enum(['public', 'internal']),
  isDemo: z.boolean(),
  valueCriteria: z.array(z.enum(VALUE_CRITERIA)).nullable().describe('High-value criteria met, when the list asks for high-value patents'),
});
export type PatentSummary = z.infer<typeof patentSummary>;

export const patentFacets = z.object({
  type: z.array(facetValue),
  status: z.array(facetValue),
  county: z.array(facetValue),
  year: z.array(facetValue),
  section: z.array(facetValue),
  industry: z.array(facetValue),
  holder: z.array(facetValue),
});

export const patentSearchResult = pageOf(patentSummary).extend({ ...searchMeta, facets: patentFacets });
export type PatentSearchResult = z.infer<typeof patentSearchResult>;

export const patentQuery = z.strictObject({
  ...pageQuery,
  q: optionalText(200).describe('Words in title, abstract, holders, inventors; or an application / publication number'),
  type: optionalText(40).describe('invention, utility, design (comma-separated for several)'),
  status: optionalText(80).describe('valid, pending, lapsed, … (comma-separated)'),
  county: optionalText(200).describe('Area codes, e.g. 411525 or shangtianti (comma-separated)'),
  year: optionalText(60).describe('Application year: 2021, 2018-2021 or 2019,2020'),
  ipc: optionalText(20).describe('IPC section (A), class (A01), subclass (A01B), main group (A01B 1) or subgroup (A01B 1/02)'),
  industry: optionalText(40).describe('Strategic emerging industry code(s)'),
  holder: optionalText(80).describe('Holder id(s)'),
  granted: yearRangeParam.describe('Grant year or range: 2021 or 2018-2021'),
  inForce: yearParam.describe('Granted and in force on 31 December of this year (today, for the current year)'),
  highValue: yearParam.describe('High-value invention patents at the end of this year (any criterion, or the one in criterion)'),
  criterion: z.enum(VALUE_CRITERIA).optional(),
  pct: flagParam.describe('PCT filings only'),
  noIpc: flagParam.describe('Patents without an IPC code (mostly designs)'),
  local: flagParam.describe('Rights held in Xinyang only (not those known to be outside)'),
  landscape: z.coerce.number().int().positive().optional().describe('The patents of a patent-navigation run (run id)'),
  sort: sortParam,
});
export type PatentQuery = z.infer<typeof patentQuery>;

export const holderLink = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['org', 'person']),
  uscc: z.string().nullable(),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  areaSource: z.string(),
});

export const patentDetail = patentSummary.extend({
  abstract: z.string().nullable(),
  patentees: z.array(z.string()),
  address: z.string().nullable(),
  ipc: z.array(z.object({ code: z.string(), title: z.string().nullable() })),
  ipcSection: z.string().nullable(),
  industryNames: z.array(z.object({ code: z.string(), name: z.string() })),
  industryMapIsDemo: z.boolean(),
  statusDate: z.string().nullable(),
  agency: z.string().nullable(),
  agents: z.array(z.string()),
  priority: z.string().nullable(),
  family: z.array(z.string()),
  claimsCount: z.number().int().nullable(),
  provinceCode: z.string().nullable(),
  areaSource: z.string(),
  holders: z.array(holderLink),
  history: z.array(z.object({ status: z.string(), statusRaw: z.string().nullable(), eventDate: z.string().nullable(), recordedAt: z.string() })),
  highValue: z.object({ year: z.number().int(), counted: z.boolean(), criteria: z.array(z.enum(VALUE_CRITERIA)) }).describe('High-value criteria met today; counted only for an invention patent in force'),
  updatedAt: z.string(),
});
export type PatentDetail = z.infer<typeof patentDetail>;

export const numberParams = z.strictObject({ number: z.string().trim().min(3).max(40) });
