import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Pagination, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { patentsApi, type PatentQuery } from '../../../app/endpoints';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { serverPagination } from '../../../app/ui/pagination';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { NO_AREA_FACET, NO_AREA_FILTER, useAreaName } from '../common/areas';
import type { FacetGroup } from '../common/FacetPanel';
import { totalText } from '../common/filters';
import { ipcName, legalStatusName, patentTypeName } from '../common/labels';
import { SearchFrame, type SortOrder } from '../common/SearchFrame';
import { useFacetCounts } from '../common/useFacetCounts';
import { YearChart } from '../common/YearChart';
import { ExportButton } from './ExportButton';
import { PatentHit } from './PatentHit';

const FILTERS = ['q', 'sort', 'type', 'status', 'county', 'year', 'ipc', 'industry', 'holder'] as const;
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
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(FILTERS);
  const sort: SortOrder = filters.sort === 'date' || !filters.q ? 'date' : 'relevance';
  const query: PatentQuery = { page, pageSize, ...filters, sort };
  const result = useQuery({
    queryKey: ['patents', query],
    queryFn: ({ signal }) => patentsApi.search(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
  const facets = useFacetCounts('patents', query, FACETS, patentsApi.search, data, !!data && data.lookup === null);

  const groups = useMemo<FacetGroup[]>(
    () => [
      { key: 'type', title: t('patent.type'), values: facets.type ?? [], label: (v) => patentTypeName(t, v), text: (v) => patentTypeName(t, v) },
      { key: 'status', title: t('patent.status'), values: facets.status ?? [], label: (v) => legalStatusName(t, v), text: (v) => legalStatusName(t, v) },
      {
        key: 'county',
        title: t('reg.area'),
        values: facets.county ?? [],
        label: (v, l) => areaName(v || null, l),
        text: (v, l) => areaName(v || null, l),
        filterValue: (v) => (v === NO_AREA_FACET ? NO_AREA_FILTER : v),
        visible: 12,
      },
      { key: 'year', title: t('patent.appYear'), values: facets.year ?? [], label: (v) => v, text: (v) => v, visible: 8 },
      {
        key: 'ipc',
        title: t('patent.ipcSection'),
        values: (facets.section ?? []).filter((v) => v.value),
        label: (v) => (
          <>
            <span className="xz-mono">{v}</span> {ipcName(lang, v) ?? ''}
          </>
        ),
        text: (v) => (v.length === 1 ? `${v} ${ipcName(lang, v) ?? ''}` : v),
        single: true,
        visible: 8,
      },
      { key: 'industry', title: t('patent.industry'), values: facets.industry ?? [], label: (v, l) => l ?? v, text: (v, l) => l ?? v },
      { key: 'holder', title: t('patent.holder'), values: facets.holder ?? [], label: (v, l) => l ?? `#${v}`, text: (v, l) => l ?? `#${v}`, visible: 10, partial: true },
    ],
    [facets, t, lang, areaName],
  );

  const { page: _p, pageSize: _s, ...exportQuery } = query;
  // While a new search runs the previous results stay (dimmed), but the count waits for the new answer.
  const summary = !data || result.isPlaceholderData ? (
    <Typography.Text type="secondary">{t('reg.searching')}</Typography.Text>
  ) : data.lookup === 'number' ? (
    <Typography.Text>{data.total > 0 ? t('reg.numberFound') : t('reg.numberNotFound', { q: filters.q ?? '' })}</Typography.Text>
  ) : (
    <Typography.Text>
      {filters.q ? t('patent.foundFor', { q: filters.q, n: totalText(data.total, data.totalCapped) }) : t('patent.foundAll', { n: totalText(data.total, data.totalCapped) })}
    </Typography.Text>
  );
  const hasFilters = FACETS.some((f) => filters[f.filter]);

  return (
    <SearchFrame
      right="patents"
      title={t('nav.patents')}
      subtitle={t('patent.subtitle')}
      extra={
        can('registry.export') && (
          <ExportButton query={exportQuery} total={data?.total ?? 0} capped={data?.totalCapped ?? false} disabled={!data || data.total === 0 || data.lookup !== null} />
        )
      }
      q={filters.q}
      placeholder={t('patent.searchPlaceholder')}
      onSearch={(q) => setFilters({ q, sort: undefined })}
      sort={sort}
      onSort={(s) => setFilters({ sort: s === 'date' ? 'date' : undefined })}
      groups={data?.lookup === 'number' ? [] : groups}
      selected={filters}
      onFilter={(key, value) => setFilters({ [key]: value })}
      onClearFilters={() => setFilters(Object.fromEntries(FACETS.map((f) => [f.filter, undefined])))}
      facetsEstimated={data?.facetsEstimated}
      summary={summary}
      chart={
        data && data.lookup === null && (facets.year?.length ?? 0) > 1 ? (
          <Card size="small" className="xz-year-card" title={t('patent.byYear')}>
            <YearChart values={facets.year ?? []} label={t('patent.byYear')} onPick={(y) => setFilters({ year: y })} />
          </Card>
        ) : null
      }
    >
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : data.items.length === 0 ? (
        <Card>
          <EmptyState
            description={hasFilters ? t('reg.emptyFiltered') : filters.q ? t('reg.emptyQuery') : t('reg.emptyRegister')}
            action={hasFilters || filters.q ? <Button onClick={clear}>{t('reg.clearAll')}</Button> : undefined}
          />
        </Card>
      ) : (
        <Card className="xz-hits-card" aria-busy={result.isFetching}>
          <ol className={result.isFetching ? 'xz-hits xz-hits-busy' : 'xz-hits'} start={(page - 1) * pageSize + 1}>
            {data.items.map((p) => (
              <li key={p.id}>
                <PatentHit p={p} />
              </li>
            ))}
          </ol>
          <Pagination
            {...serverPagination(t, page, pageSize, data.total, (p, s) => {
              setPage(p, s);
              window.scrollTo({ top: 0 });
            })}
            showTotal={() => t('reg.totalShort', { n: totalText(data.total, data.totalCapped) })}
            pageSizeOptions={[10, 20, 50, 100]}
            className="xz-hits-pagination"
            align="end"
          />
        </Card>
      )}
    </SearchFrame>
  );
}
