import { filterToken, queryTokens } from '../../../../shared/search/tokenize';
import { normaliseIpcArea } from '../../../../shared/registry/ipc';
import { CITY_CODE } from '../../../../shared/validators';
import { invalid } from '../../../errors';
import { hasPermission } from '../../../../shared/roles';
import { scopeFilter, type Actor } from '../../../actor';

/** How many matches are counted exactly; beyond it the total says "10,000+" and facets are estimates. */
export const COUNT_CAP = 10_000;

type FilterKind = Parameters<typeof filterToken>[0];

/** A filter given as one value, or several (any of them), e.g. year=2019,2020. */
export type FilterValues = Partial<Record<FilterKind, string[]>>;

/**
 * The tsquery for a search: the words of `q` (bigram phrases) ANDed with filter tokens, plus the
 * visibility rule: unpublished applications are known to the IP offices only (the city office
 * everywhere, a county desk in its own area); everyone else sees public records.
 * Everything is one GIN lookup; no SQL is built from the user's words.
 */
export function buildTsQuery(q: string | undefined, filters: FilterValues, actor: Actor): string | null {
  const parts: string[] = [];
  const text = q ? queryTokens(q).tsquery : null;
  if (text) parts.push(`(${text})`);
  for (const [kind, values] of Object.entries(filters) as Array<[FilterKind, string[] | undefined]>) {
    if (!values || values.length === 0) continue;
    const tokens = values.map((v) => filterToken(kind, v));
    parts.push(tokens.length === 1 ? (tokens[0] ?? '') : `(${tokens.join(' | ')})`);
  }
  const seesInternal = actor.kind === 'operator' || actor.kind === 'system' || hasPermission(actor.roles, 'registry.curate');
  const scope = scopeFilter(actor);
  if (!seesInternal) parts.push(filterToken('visibility', 'public'));
  else if (scope) parts.push(`(${filterToken('visibility', 'public')} | ${scope.map((s) => filterToken('county', s)).join(' | ')})`);
  return parts.length ? parts.join(' & ') : null;
}

/** Splits a comma-separated query-string value into trimmed, non-empty values. */
export function many(v: string | undefined): string[] | undefined {
  if (!v) return undefined;
  const out = v.split(',').map((s) => s.trim()).filter(Boolean);
  return out.length ? out : undefined;
}

/** Year filter values: '2020', '2018-2021' or '2018,2020'. */
export function years(v: string | undefined): string[] | undefined {
  const list = many(v);
  if (!list) return undefined;
  const out: string[] = [];
  for (const item of list) {
    const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(item);
    if (range) for (let y = Number(range[1]); y <= Number(range[2]) && out.length < 60; y++) out.push(String(y));
    else if (/^\d{4}$/.test(item)) out.push(item);
  }
  return out.length ? out : undefined;
}

export const isCityWide = (actor: Actor) => actor.scope === CITY_CODE;

/** A year or a year range ('2021', '2018-2021') as bounds; anything else is no bound. */
export function yearBounds(v: string | undefined): { from: number; to: number } | undefined {
  const m = v ? /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(v) : null;
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** An IPC area (see normaliseIpcArea), or a 400 naming what is wrong with it. */
export function ipcArea(text: string): string {
  const r = normaliseIpcArea(text);
  if (!r.ok) throw invalid(r.reason);
  return r.code;
}
