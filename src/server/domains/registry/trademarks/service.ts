import { niceClass } from '../../../../shared/reference/nice';
import { parseTrademarkNumber } from '../../../../shared/registry/normalise';
import type { MarkType, TrademarkStatus } from '../../../../shared/registry/types';
import { highlight } from '../../../../shared/search/tokenize';
import { areaByCode } from '../../../../shared/validators';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { notFound } from '../../../errors';
import { searchPage } from '../search/facets';
import { buildTsQuery, many, yearBounds, years } from '../search/query';
import { holdersAndHistory } from '../search/record';
import * as sql from './queries';
import type { TrademarkQuery } from './schema';

const FACETS = ['class', 'status', 'county', 'year', 'mark', 'holder'] as const;

function summary(r: sql.TrademarkRow, q: string | undefined) {
  return {
    id: r.id,
    regNo: r.reg_no,
    niceClass: r.nice_class,
    name: r.name,
    nameHighlight: highlight(r.name, q ?? ''),
    appDate: r.app_date,
    regDate: r.reg_date,
    termEnd: r.term_end,
    applicants: r.applicants,
    markType: r.mark_type as MarkType,
    status: r.status as TrademarkStatus,
    areaCode: r.area_code,
    areaName: r.area_code ? (areaByCode(r.area_code)?.name ?? null) : null,
    visibility: r.visibility as 'public' | 'internal',
    isDemo: r.is_demo,
  };
}

export async function searchTrademarks(ctx: AppContext, actor: Actor, query: TrademarkQuery) {
  const page = { page: query.page, pageSize: query.pageSize };
  const visibility = buildTsQuery(undefined, {}, actor);
  const number = query.q && /^\s*[Gg]?\d{5,10}\s*$/.test(query.q) ? parseTrademarkNumber(query.q) : null;
  if (number?.ok) {
    const rows = await sql.findByNumber(ctx.db, number.value, visibility);
    const empty = Object.fromEntries(FACETS.map((f) => [f, []]));
    return { ...page, items: rows.map((r) => summary(r, undefined)), total: rows.length, totalCapped: false, facetsEstimated: false, lookup: 'number' as const, facets: empty as never };
  }
  const tsquery = buildTsQuery(
    query.q,
    { class: many(query.class), status: many(query.status), county: many(query.county), year: years(query.year), mark: many(query.mark), holder: many(query.holder) },
    actor,
  );
  const registered = yearBounds(query.registered);
  const applied = yearBounds(query.applied);
  const rule: sql.TrademarkRule = {
    ...(applied ? { appliedFrom: applied.from, appliedTo: applied.to } : {}),
    ...(registered ? { registeredFrom: registered.from, registeredTo: registered.to } : {}),
    ...(query.inForce ? { inForceAt: query.inForce } : {}),
    ...(query.local ? { local: true } : {}),
  };
  const match = { tsquery, rule: Object.keys(rule).length ? rule : null };
  const { rows, facets, total, capped } = await searchPage(ctx.db, sql, match, query, FACETS);
  for (const f of facets.class ?? []) f.label = niceClass(Number(f.value))?.zh ?? null;
  return { ...page, items: rows.map((r) => summary(r, query.q)), total, totalCapped: capped, facetsEstimated: capped, lookup: null, facets: facets as never };
}

export async function getTrademark(ctx: AppContext, actor: Actor, number: string, cls?: number) {
  const parsed = parseTrademarkNumber(number);
  const rows = parsed.ok ? await sql.findByNumber(ctx.db, parsed.value, buildTsQuery(undefined, {}, actor)) : [];
  const row = cls ? rows.find((r) => r.nice_class === cls) : rows[0];
  if (!row) throw notFound({ zh: `没有找到商标 ${number}，或无权查看`, en: `Trademark ${number} not found` });
  const { holders, history } = await holdersAndHistory(ctx.db, 'trademark', row.id);
  return {
    ...summary(row, undefined),
    niceTitle: niceClass(row.nice_class)?.zh ?? null,
    termStart: row.term_start,
    address: row.address,
    goods: row.goods,
    agency: row.agency,
    statusRaw: row.status_raw,
    areaSource: row.area_source,
    holders,
    history,
    otherClasses: rows.filter((r) => r.id !== row.id).map((r) => r.nice_class),
  };
}
