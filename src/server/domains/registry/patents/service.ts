import { ipcTitle } from '../../../../shared/reference/ipc';
import { parsePublicationNumber, yearInChina } from '../../../../shared/registry/normalise';
import type { LegalStatus, PatentType, ValueCriterion } from '../../../../shared/registry/types';
import { highlight } from '../../../../shared/search/tokenize';
import { areaByCode, formatApplicationNumber, parseApplicationNumber } from '../../../../shared/validators';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { notFound } from '../../../errors';
import { industryNames, searchPage } from '../search/facets';
import { buildTsQuery, ipcArea, many, yearBounds, years } from '../search/query';
import { holdersAndHistory } from '../search/record';
import * as sql from './queries';
import type { PatentDetail, PatentQuery, PatentSearchResult, PatentSummary } from './schema';

const KIND_CODES = ['A', 'B', 'C', 'U', 'Y', 'S', 'D'];

/** The numbers a query may mean: an application number, or a publication / grant number with any kind code. */
export function numberCandidates(text: string): { appNo: string | null; pubNos: string[] } | null {
  const app = parseApplicationNumber(text);
  if (app.ok) return { appNo: app.canonical, pubNos: [] };
  const pub = parsePublicationNumber(text);
  if (pub.ok) {
    const base = pub.kind ? pub.canonical.slice(0, -pub.kind.length) : pub.canonical;
    return { appNo: null, pubNos: pub.kind ? [pub.canonical] : KIND_CODES.map((k) => `${base}${k}`) };
  }
  return null;
}

function summary(r: sql.PatentRow & { criteria?: string[] | null }, q: string | undefined): PatentSummary {
  return {
    id: r.id,
    appNo: r.app_no,
    appNoDisplay: formatApplicationNumber(r.app_no),
    appDate: r.app_date,
    type: r.type as PatentType,
    pct: r.pct,
    pubNo: r.pub_no,
    pubDate: r.pub_date,
    grantNo: r.grant_no,
    grantDate: r.grant_date,
    title: r.title,
    titleHighlight: highlight(r.title, q ?? ''),
    snippet: highlight(r.abstract ?? '', q ?? '', 160),
    applicants: r.applicants,
    inventors: r.inventors,
    status: r.status as LegalStatus,
    statusRaw: r.status_raw,
    areaCode: r.area_code,
    areaName: r.area_code ? (areaByCode(r.area_code)?.name ?? null) : null,
    ipcMain: r.ipc_main,
    industries: r.industries,
    visibility: r.visibility as 'public' | 'internal',
    isDemo: r.is_demo,
    valueCriteria: (r.criteria as ValueCriterion[] | null | undefined) ?? null,
  };
}

/** The tsquery of a patent search: its words, filters and the actor's area rule (search and export alike). */
export function patentTsQuery(query: Omit<PatentQuery, 'page' | 'pageSize' | 'sort'>, actor: Actor): string | null {
  const ipc = query.ipc?.trim().toUpperCase();
  // A class or group is found by its words in the index (exactly checked by the rule, see patentRule).
  return buildTsQuery(
    [query.q, ipc && ipc.length > 1 ? (ipc.length >= 3 ? ipcArea(ipc) : ipc) : undefined].filter(Boolean).join(' ') || undefined,
    {
      type: many(query.type),
      status: many(query.status),
      county: many(query.county),
      year: years(query.year),
      section: ipc && ipc.length === 1 ? [ipc] : undefined,
      industry: many(query.industry),
      holder: many(query.holder),
    },
    actor,
  );
}

/** The statistical rule of a list opened from a figure, or null for a plain search. */
export function patentRule(query: Pick<PatentQuery, 'granted' | 'inForce' | 'highValue' | 'criterion' | 'pct' | 'noIpc' | 'local' | 'ipc' | 'landscape'>): sql.PatentRule | null {
  const granted = yearBounds(query.granted);
  const ipc = query.ipc?.trim();
  const rule: sql.PatentRule = {
    ...(granted ? { grantedFrom: granted.from, grantedTo: granted.to } : {}),
    ...(query.inForce ? { inForceAt: query.inForce } : {}),
    ...(query.highValue ? { highValueAt: query.highValue, ...(query.criterion ? { criterion: query.criterion } : {}) } : {}),
    ...(query.pct ? { pct: true } : {}),
    ...(query.noIpc ? { noIpc: true } : {}),
    ...(query.local ? { local: true } : {}),
    // The index finds a class or group by its words; the rule keeps exactly those under it.
    ...(ipc && ipc.length >= 3 ? { ipcArea: ipcArea(ipc) } : {}),
    ...(query.landscape ? { landscape: query.landscape } : {}),
  };
  return Object.keys(rule).length ? rule : null;
}

/** What a search, its export and its count match: words, filters, the area rule and a statistical rule. */
export function patentMatch(query: Omit<PatentQuery, 'page' | 'pageSize' | 'sort'>, actor: Actor): sql.PatentMatch {
  return { tsquery: patentTsQuery(query, actor), rule: patentRule(query) };
}

const FACETS = ['type', 'status', 'county', 'year', 'section', 'industry', 'holder'] as const;

/** Full-text search with filters and facets; county desks see public records and their own. */
export async function searchPatents(ctx: AppContext, actor: Actor, query: PatentQuery): Promise<PatentSearchResult> {
  const page = { page: query.page, pageSize: query.pageSize };
  const number = query.q ? numberCandidates(query.q) : null;
  if (number) {
    const row = await sql.findByNumbers(ctx.db, number.appNo, number.pubNos, buildTsQuery(undefined, {}, actor));
    const empty = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as PatentSearchResult['facets'];
    return { ...page, items: row ? [summary(row, undefined)] : [], total: row ? 1 : 0, totalCapped: false, facetsEstimated: false, lookup: 'number', facets: empty };
  }
  const { rows, facets, total, capped } = await searchPage(ctx.db, sql, patentMatch(query, actor), query, FACETS);
  const industries = await industryNames(ctx.db);
  for (const f of facets.industry ?? []) f.label = industries.names.get(f.value) ?? null;
  return {
    ...page,
    items: rows.map((r) => summary(r, query.q)),
    total,
    totalCapped: capped,
    facetsEstimated: capped,
    lookup: null,
    facets: facets as PatentSearchResult['facets'],
  };
}

/** A patent by any spelling of its application, publication or grant number. */
export async function getPatent(ctx: AppContext, actor: Actor, number: string): Promise<PatentDetail> {
  const candidates = numberCandidates(number);
  const row = candidates ? await sql.findByNumbers(ctx.db, candidates.appNo, candidates.pubNos, buildTsQuery(undefined, {}, actor)) : undefined;
  if (!row) throw notFound({ zh: `没有找到专利 ${number}，或无权查看`, en: `Patent ${number} not found` });
  const year = yearInChina(ctx.clock.now().getTime());
  const [{ holders, history }, industries, value] = await Promise.all([holdersAndHistory(ctx.db, 'patent', row.id), industryNames(ctx.db), sql.valueCriteria(ctx.db, row.id, year)]);
  return {
    ...summary(row, undefined),
    abstract: row.abstract,
    patentees: row.patentees,
    address: row.address,
    ipc: row.ipc.map((code) => ({ code, title: ipcTitle(code, 'zh') })),
    ipcSection: row.ipc_section,
    industryNames: row.industries.map((code) => ({ code, name: industries.names.get(code) ?? code })),
    industryMapIsDemo: industries.isDemo,
    statusDate: row.status_date,
    agency: row.agency,
    agents: row.agents,
    priority: row.priority,
    family: row.family,
    claimsCount: row.claims_count,
    provinceCode: row.province_code,
    areaSource: row.area_source,
    holders,
    history,
    highValue: { year, counted: value.counted, criteria: value.criteria as ValueCriterion[] },
    updatedAt: row.updated_at.toISOString(),
  };
}
