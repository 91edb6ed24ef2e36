import type { FacetValue } from '../../../app/api-types';
import type { Translate } from '../../../app/i18n';
import { NO_AREA_FACET, NO_AREA_FILTER, type useAreaName } from './areas';
import type { FacetGroup } from './FacetPanel';

// The facet groups every register search has; each page adds its own (type, class, status…).

/** Counties by name; the "no county known" value selects the filter 'none'. */
export function countyGroup(t: Translate, areaName: ReturnType<typeof useAreaName>, values: readonly FacetValue[] | undefined): FacetGroup {
  return {
    key: 'county',
    title: t('reg.area'),
    values: values ?? [],
    label: (v, l) => areaName(v || null, l),
    text: (v, l) => areaName(v || null, l),
    filterValue: (v) => (v === NO_AREA_FACET ? NO_AREA_FILTER : v),
    visible: 12,
  };
}

/** Filing years, newest first. */
export function yearGroup(title: string, values: readonly FacetValue[] | undefined): FacetGroup {
  return { key: 'year', title, values: values ?? [], label: (v) => v, text: (v) => v, visible: 8 };
}

/** The top holders only (the server counts ten), by name. */
export function holderGroup(title: string, values: readonly FacetValue[] | undefined): FacetGroup {
  return { key: 'holder', title, values: values ?? [], label: (v, l) => l ?? `#${v}`, text: (v, l) => l ?? `#${v}`, visible: 10, partial: true };
}
