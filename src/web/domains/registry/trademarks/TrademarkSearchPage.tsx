import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Pagination, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { trademarksApi, type TrademarkQuery } from '../../../app/endpoints';
import { useI18n } from '../../../app/i18n';
import { serverPagination } from '../../../app/ui/pagination';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { NO_AREA_FACET, NO_AREA_FILTER, useAreaName } from '../common/areas';
import type { FacetGroup } from '../common/FacetPanel';
import { totalText } from '../common/filters';
import { markTypeName, niceClassName, niceHeading, niceLabel, niceShort, tmStatusName } from '../common/labels';
import { SearchFrame, type SortOrder } from '../common/SearchFrame';
import { useFacetCounts } from '../common/useFacetCounts';
import { YearChart } from '../common/YearChart';
import { TrademarkHit } from './TrademarkHit';

const FILTERS = ['q', 'sort', 'class', 'status', 'county', 'year', 'mark', 'holder'] as const;
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
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(FILTERS);
  const sort: SortOrder = filters.sort === 'date' || !filters.q ? 'date' : 'relevance';
  const query: TrademarkQuery = { page, pageSize, ...filters, sort };
  const result = useQuery({ queryKey: ['trademarks', query], queryFn: ({ signal }) => trademarksApi.search(query, signal), placeholderData: keepPreviousData });
  const data = result.data;
  const facets = useFacetCounts('trademarks', query, FACETS, trademarksApi.search, data, !!data && data.lookup === null);

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
      {
        key: 'county',
        title: t('reg.area'),
        values: facets.county ?? [],
        label: (v, l) => areaName(v || null, l),
        text: (v, l) => areaName(v || null, l),
        filterValue: (v) => (v === NO_AREA_FACET ? NO_AREA_FILTER : v),
        visible: 12,
      },
      { key: 'year', title: t('tm.appYear'), values: facets.year ?? [], label: (v) => v, text: (v) => v, visible: 8 },
      { key: 'holder', title: t('tm.holder'), values: facets.holder ?? [], label: (v, l) => l ?? `#${v}`, text: (v, l) => l ?? `#${v}`, visible: 10, partial: true },
    ],
    [facets, t, lang, areaName],
  );

  // While a new search runs the previous results stay (dimmed), but the count waits for the new answer.
  const summary = !data || result.isPlaceholderData ? (
    <Typography.Text type="secondary">{t('reg.searching')}</Typography.Text>
  ) : data.lookup === 'number' ? (
    <Typography.Text>{data.total > 0 ? t('reg.numberFound') : t('reg.numberNotFound', { q: filters.q ?? '' })}</Typography.Text>
  ) : (
    <Typography.Text>
      {filters.q ? t('tm.foundFor', { q: filters.q, n: totalText(data.total, data.totalCapped) }) : t('tm.foundAll', { n: totalText(data.total, data.totalCapped) })}
    </Typography.Text>
  );
  const hasFilters = FACETS.some((f) => filters[f.filter]);

  return (
    <SearchFrame
      right="trademarks"
      title={t('nav.trademarks')}
      subtitle={t('tm.subtitle')}
      q={filters.q}
      placeholder={t('tm.searchPlaceholder')}
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
          <Card size="small" className="xz-year-card" title={t('tm.byYear')}>
            <YearChart values={facets.year ?? []} label={t('tm.byYear')} onPick={(y) => setFilters({ year: y })} />
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
            {data.items.map((m) => (
              <li key={m.id}>
                <TrademarkHit m={m} />
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
