import { z } from 'zod';
import { optionalText, pageOf, pageQuery } from '../../../../shared/api';
import { MARK_TYPES, TRADEMARK_STATUSES } from '../../../../shared/registry/types';
import { holderLink } from '../patents/schema';
import { facetValue, flagParam, searchMeta, segment, sortParam, yearParam, yearRangeParam } from '../search/schema';

export const trademarkSummary = z.object({
  id: z.number().int(),
  regNo: z.string(),
  niceClass: z.number().int(),
  name: z.string(),
  nameHighlight: z.array(segment),
  appDate: z.string().nullable(),
  regDate: z.string().nullable(),
  termEnd: z.string().nullable(),
  applicants: z.array(z.string()),
  markType: z.enum(MARK_TYPES),
  status: z.enum(TRADEMARK_STATUSES),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
  isDemo: z.boolean(),
});

export const trademarkSearchResult = pageOf(trademarkSummary).extend({
  ...searchMeta,
  facets: z.object({ class: z.array(facetValue), status: z.array(facetValue), county: z.array(facetValue), year: z.array(facetValue), mark: z.array(facetValue), holder: z.array(facetValue) }),
});

export const trademarkQuery = z.strictObject({
  ...pageQuery,
  q: optionalText(200).describe('Words of the mark, holders, goods; or a registration number'),
  class: optionalText(120).describe('Nice classes 1–45 (comma-separated)'),
  status: optionalText(80),
  county: optionalText(200),
  year: optionalText(60),
  mark: optionalText(60).describe('ordinary, collective, certification, special'),
  holder: optionalText(80),
  applied: yearRangeParam.describe('Filing year or range: 2021 or 2018-2021'),
  registered: yearRangeParam.describe('Registration year or range: 2021 or 2018-2021'),
  inForce: yearParam.describe('Registered and in force on 31 December of this year'),
  local: flagParam.describe('Rights held in Xinyang only'),
  sort: sortParam,
});
export type TrademarkQuery = z.infer<typeof trademarkQuery>;

export const trademarkDetail = trademarkSummary.extend({
  niceTitle: z.string().nullable(),
  termStart: z.string().nullable(),
  address: z.string().nullable(),
  goods: z.string().nullable(),
  agency: z.string().nullable(),
  statusRaw: z.string().nullable(),
  areaSource: z.string(),
  holders: z.array(holderLink),
  history: z.array(z.object({ status: z.string(), statusRaw: z.string().nullable(), eventDate: z.string().nullable(), recordedAt: z.string() })),
  otherClasses: z.array(z.number().int()).describe('Other Nice classes registered under the same number'),
});

export const trademarkParams = z.strictObject({ number: z.string().trim().min(1).max(20) });
export const trademarkDetailQuery = z.strictObject({ class: z.coerce.number().int().min(1).max(45).optional() });
