import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Page, page size and filters of a list page live in the address bar, so a filtered list can be
 * bookmarked or shared and the back button restores it.
 */
export function useListParams<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || defaultPageSize));
  const keyList = keys.join(',');

  const filters = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keyList.split(',') as K[]) out[k] = params.get(k) ?? undefined;
    return out;
  }, [params, keyList]);

  const setFilters = useCallback(
    (patch: Partial<Record<K, string | undefined | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | undefined | null][]) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (p: number, size: number) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const sizeChanged = size !== pageSize;
          if (sizeChanged || p <= 1) next.delete('page');
          else next.set('page', String(p));
          if (size === defaultPageSize) next.delete('pageSize');
          else next.set('pageSize', String(size));
          return next;
        },
        { replace: false },
      );
    },
    [setParams, pageSize, defaultPageSize],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { page, pageSize, filters, setFilters, setPage, clear };
}
