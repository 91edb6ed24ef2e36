import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';
import { LEGAL_STATUSES, PATENT_TYPES } from '../../../../shared/registry/types';
import { facetValue, searchMeta, segment, sortParam } from '../search/schema';

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
  ipc: optionalText(20).describe('IPC section (A), class (A01) or subclass (A01B)'),
  industry: optionalText(40).describe('Strategic emerging industry code(s)'),
  holder: optionalText(80).describe('Holder id(s)'),
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
  updatedAt: z.string(),
});
export type PatentDetail = z.infer<typeof patentDetail>;

export const numberParams = z.strictObject({ number: z.string().trim().min(3).max(40) });
