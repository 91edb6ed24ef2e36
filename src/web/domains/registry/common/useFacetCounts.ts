import { useQueries } from '@tanstack/react-query';
import type { FacetValue } from '../../../app/api-types';
import { splitList } from './filters';

interface Faceted {
  facets: Record<string, FacetValue[]>;
}

/**
 * Counts for a group that has a value ticked come from the same search without that group's filter,
 * so the other values of the group stay visible with the number each would add ("any of").
 * One small extra request per group in use; every other group's counts come with the results.
 */
export function useFacetCounts<Q extends { page: number; pageSize: number }, R extends Faceted>(
  name: string,
  query: Q,
  groups: ReadonlyArray<{ filter: keyof Q & string; facet: string }>,
  load: (q: Q, signal?: AbortSignal) => Promise<R>,
  main: R | undefined,
  enabled = true,
): Record<string, FacetValue[]> {
  const used = groups.filter((g) => splitList(query[g.filter] as string | undefined).length > 0);
  const extra = useQueries({
    queries: used.map((g) => {
      const q = { ...query, [g.filter]: undefined, page: 1, pageSize: 1 } as Q;
      return { queryKey: [name, 'facets', q], queryFn: ({ signal }: { signal: AbortSignal }) => load(q, signal), enabled, staleTime: 60_000 };
    }),
  });
  const out: Record<string, FacetValue[]> = { ...(main?.facets ?? {}) };
  used.forEach((g, i) => {
    const r = extra[i]?.data;
    if (r) out[g.facet] = r.facets[g.facet] ?? [];
  });
  return out;
}
