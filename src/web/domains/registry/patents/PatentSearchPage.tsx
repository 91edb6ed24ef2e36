import { useMemo } from 'react';
import { patentsApi } from '../../../app/endpoints';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { useAreaName } from '../common/areas';
import type { FacetGroup } from '../common/FacetPanel';
import { countyGroup, holderGroup, yearGroup } from '../common/facetGroups';
import { ipcName, legalStatusName, patentTypeName } from '../common/labels';
import { RegisterSearch } from '../common/RegisterSearch';
import { RULE_PARAMS, RuleNotice } from '../common/RuleNotice';
import { useRegisterSearch } from '../common/useRegisterSearch';
import { ExportButton } from './ExportButton';
import { PatentHit } from './PatentHit';

const FILTERS = ['q', 'sort', 'type', 'status', 'county', 'year', 'ipc', 'industry', 'holder', ...RULE_PARAMS.patents] as const;
/** Filter in the address bar → facet of the answer. */
const FACETS = [
  { filter: 'type', facet: 'type' },
  { filter: 'status', facet: 'status' },
  { filter: 'county', facet: 'county' },
  { filter: 'year', facet: 'year' },
  { filter: 'ipc', facet: 'section' },
  { filter: 'industry', facet: 'industry' },
  { filter: 'holder', facet: 'holder' },
] as const;

export default function PatentSearchPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const areaName = useAreaName();
  const search = useRegisterSearch('patents', FILTERS, FACETS, patentsApi.search, RULE_PARAMS.patents);
  const { facets, data, query } = search;

  const groups = useMemo<FacetGroup[]>(
    () => [
      { key: 'type', title: t('patent.type'), values: facets.type ?? [], label: (v) => patentTypeName(t, v), text: (v) => patentTypeName(t, v) },
      { key: 'status', title: t('patent.status'), values: facets.status ?? [], label: (v) => legalStatusName(t, v), text: (v) => legalStatusName(t, v) },
      countyGroup(t, areaName, facets.county),
      yearGroup(t('patent.appYear'), facets.year),
      {
        key: 'ipc',
        // A figure's link may narrow to a class or group (ipc=C04B 14/18), not only a section.
        title: (search.filters.ipc?.length ?? 0) > 1 ? t('patent.ipcArea') : t('patent.ipcSection'),
        values: (facets.section ?? []).filter((v) => v.value),
        label: (v) => (
          <>
            <span className="xz-mono">{v}</span> {ipcName(lang, v) ?? ''}
          </>
        ),
        text: (v) => (v.length === 1 ? `${v} ${ipcName(lang, v) ?? ''}` : v),
        single: true,
        visible: 8,
        // The counts are by section; a class or group from a figure's link (ipc=C04B 14/18) has no count here.
        partial: true,
      },
      { key: 'industry', title: t('patent.industry'), values: facets.industry ?? [], label: (v, l) => l ?? v, text: (v, l) => l ?? v },
      holderGroup(t('patent.holder'), facets.holder),
    ],
    [facets, t, lang, areaName, search.filters.ipc],
  );

  const { page: _p, pageSize: _s, ...exportQuery } = query;

  return (
    <RegisterSearch
      search={search}
      right="patents"
      title={t('nav.patents')}
      subtitle={t('patent.subtitle')}
      extra={
        can('registry.export') && (
          <ExportButton query={exportQuery} disabled={!data || data.total === 0 || data.lookup !== null} />
        )
      }
      placeholder={t('patent.searchPlaceholder')}
      groups={groups}
      messages={{ foundFor: 'patent.foundFor', foundAll: 'patent.foundAll', byYear: 'patent.byYear' }}
      notice={<RuleNotice list="patents" filters={search.filters} onClear={search.clearRule} />}
      hit={(p) => <PatentHit p={p} />}
    />
  );
}
