import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { FacetValue } from '../../../app/api-types';
import { useListParams } from '../../../app/useListParams';
import type { SortOrder } from './SearchFrame';
import { useFacetCounts } from './useFacetCounts';

/** What a register search answers: a page of hits, the totals, the facet counts. */
export interface SearchAnswer<T> {
  items: T[];
  total: number;
  totalCapped: boolean;
  facetsEstimated: boolean;
  /** 'number' when the query was recognised as a number and looked up exactly. */
  lookup: 'number' | null;
  facets: Record<string, FacetValue[]>;
}

/** A filter in the address bar and the facet of the answer that counts its values. */
export interface FacetFilter {
  filter: string;
  facet: string;
}

export interface RegisterSearch<T> {
  page: number;
  pageSize: number;
  filters: Record<string, string | undefined>;
  setFilters: (patch: Record<string, string | undefined | null>) => void;
  setPage: (page: number, size: number) => void;
  /** Clears the query and every filter. */
  clear: () => void;
  /** Clears the facet filters, keeping the query and the statistical rule. */
  clearFilters: () => void;
  /** Clears the statistical rule (the parameters a figure's link set), keeping the rest. */
  clearRule: () => void;
  /** A facet filter or a statistical rule narrows the list. */
  hasFilters: boolean;
  /** A statistical rule narrows the list. */
  hasRule: boolean;
  sort: SortOrder;
  result: UseQueryResult<SearchAnswer<T>>;
  facets: Record<string, FacetValue[]>;
}

/**
 * The state of a register search page: the query and filters live in the address bar, the results
 * stay on screen (dimmed) while the next page loads, and ticked facets keep their siblings' counts.
 * `rule` names the parameters of a statistical rule (also in `keys`): they narrow the list and every
 * count beside it like the filters, but have no facet of their own.
 */
export function useRegisterSearch<Q extends { page: number; pageSize: number; sort?: SortOrder }, R extends SearchAnswer<unknown>>(
  name: string,
  keys: readonly (keyof Q & string)[],
  facetFilters: ReadonlyArray<FacetFilter & { filter: keyof Q & string }>,
  load: (q: Q, signal?: AbortSignal) => Promise<R>,
  rule: readonly (keyof Q & string)[] = [],
): RegisterSearch<R['items'][number]> & { query: Q; data: R | undefined } {
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams<string>(keys);
  const hasRule = rule.some((k) => filters[k]);
  const sort: SortOrder = filters.sort === 'date' || !filters.q ? 'date' : 'relevance';
  const query = { page, pageSize, ...filters, sort } as Q;
  const result = useQuery({ queryKey: [name, query], queryFn: ({ signal }) => load(query, signal), placeholderData: keepPreviousData });
  const data = result.data;
  const facets = useFacetCounts(name, query, facetFilters, load, data, !!data && data.lookup === null);
  return {
    page,
    pageSize,
    filters,
    setFilters,
    setPage,
    clear,
    clearFilters: () => setFilters(Object.fromEntries(facetFilters.map((f) => [f.filter, undefined]))),
    clearRule: () => setFilters(Object.fromEntries(rule.map((k) => [k, undefined]))),
    hasFilters: hasRule || facetFilters.some((f) => filters[f.filter]),
    hasRule,
    sort,
    result,
    facets,
    query,
    data,
  };
}
