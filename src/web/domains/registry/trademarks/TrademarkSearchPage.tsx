import { useMemo } from 'react';
import { trademarksApi } from '../../../app/endpoints';
import { useI18n } from '../../../app/i18n';
import { useAreaName } from '../common/areas';
import type { FacetGroup } from '../common/FacetPanel';
import { countyGroup, holderGroup, yearGroup } from '../common/facetGroups';
import { markTypeName, niceClassName, niceHeading, niceLabel, niceShort, tmStatusName } from '../common/labels';
import { RegisterSearch } from '../common/RegisterSearch';
import { RULE_PARAMS, RuleNotice } from '../common/RuleNotice';
import { useRegisterSearch } from '../common/useRegisterSearch';
import { TrademarkHit } from './TrademarkHit';

const FILTERS = ['q', 'sort', 'class', 'status', 'county', 'year', 'mark', 'holder', ...RULE_PARAMS.trademarks] as const;
const FACETS = [
  { filter: 'class', facet: 'class' },
  { filter: 'status', facet: 'status' },
  { filter: 'mark', facet: 'mark' },
  { filter: 'county', facet: 'county' },
  { filter: 'year', facet: 'year' },
  { filter: 'holder', facet: 'holder' },
] as const;

export default function TrademarkSearchPage() {
  const { t, lang } = useI18n();
  const areaName = useAreaName();
  const search = useRegisterSearch('trademarks', FILTERS, FACETS, trademarksApi.search, RULE_PARAMS.trademarks);
  const { facets } = search;

  const groups = useMemo<FacetGroup[]>(
    () => [
      {
        key: 'class',
        title: t('tm.class'),
        values: facets.class ?? [],
        label: (v, l) => (
          <span title={niceHeading(lang, v) ?? l ?? undefined}>
            {niceClassName(t, v)}
            <span className="xz-muted"> {niceShort(lang, v) ?? ''}</span>
          </span>
        ),
        text: (v) => niceLabel(t, lang, v),
        visible: 8,
      },
      { key: 'status', title: t('tm.status'), values: facets.status ?? [], label: (v) => tmStatusName(t, v), text: (v) => tmStatusName(t, v) },
      { key: 'mark', title: t('tm.markType'), values: facets.mark ?? [], label: (v) => markTypeName(t, v), text: (v) => markTypeName(t, v) },
      countyGroup(t, areaName, facets.county),
      yearGroup(t('tm.appYear'), facets.year),
      holderGroup(t('tm.holder'), facets.holder),
    ],
    [facets, t, lang, areaName],
  );

  return (
    <RegisterSearch
      search={search}
      right="trademarks"
      title={t('nav.trademarks')}
      subtitle={t('tm.subtitle')}
      placeholder={t('tm.searchPlaceholder')}
      groups={groups}
      messages={{ foundFor: 'tm.foundFor', foundAll: 'tm.foundAll', byYear: 'tm.byYear' }}
      notice={<RuleNotice list="trademarks" filters={search.filters} onClear={search.clearRule} />}
      hit={(m) => <TrademarkHit m={m} />}
    />
  );
}
