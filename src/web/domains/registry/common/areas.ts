import { useCallback, useMemo } from 'react';
import { useI18n } from '../../../app/i18n';
import { areaLabel } from '../../regions/areaText';
import { useAreas } from '../../regions/queries';

/** Facet value of "no county known" in the server's facets, and the filter value that selects it. */
export const NO_AREA_FACET = '';
export const NO_AREA_FILTER = 'none';

/**
 * A county, district or zone code as a name in the UI language (the areas list is already cached
 * for the whole app); the server's Chinese name or the code itself when the list is not loaded.
 */
export function useAreaName(): (code: string | null | undefined, fallback?: string | null) => string {
  const { t, lang } = useI18n();
  const areas = useAreas();
  const byCode = useMemo(() => new Map((areas.data ?? []).map((a) => [a.code, a])), [areas.data]);
  return useCallback(
    (code, fallback) => {
      if (!code || code === NO_AREA_FILTER) return t('reg.noArea');
      const a = byCode.get(code);
      return a ? areaLabel(a, lang) : (fallback ?? code);
    },
    [byCode, lang, t],
  );
}
