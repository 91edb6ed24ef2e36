import { Button, Card, Pagination, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { serverPagination } from '../../../app/ui/pagination';
import { EmptyState, LoadError } from '../../../app/ui/States';
import type { FacetGroup } from './FacetPanel';
import { totalText } from './filters';
import type { RightType } from './RightTypeTabs';
import { SearchFrame } from './SearchFrame';
import type { RegisterSearch as SearchState } from './useRegisterSearch';
import { YearChart } from './YearChart';

interface Props<T extends { id: number }> {
  search: SearchState<T>;
  right: RightType;
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
  placeholder: string;
  groups: FacetGroup[];
  /** "{n} found for {q}", "{n} in the register" and the year chart's title. */
  messages: { foundFor: MessageKey; foundAll: MessageKey; byYear: MessageKey };
  hit: (item: T) => ReactNode;
  /** Above the count and the hits: the statistical rule the list was opened with. */
  notice?: ReactNode;
}

/** A register search page: the frame with search box and facets, the count, the year chart, the numbered hits. */
export function RegisterSearch<T extends { id: number }>({ search: s, messages, hit, ...frame }: Props<T>) {
  const { t } = useI18n();
  const { result, filters, page, pageSize } = s;
  const data = result.data;
  // While a new search runs the previous results stay (dimmed), but the count waits for the new answer.
  const summary = !data || result.isPlaceholderData ? (
    <Typography.Text type="secondary">{t('reg.searching')}</Typography.Text>
  ) : data.lookup === 'number' ? (
    <Typography.Text>{data.total > 0 ? t('reg.numberFound') : t('reg.numberNotFound', { q: filters.q ?? '' })}</Typography.Text>
  ) : (
    <Typography.Text>
      {filters.q ? t(messages.foundFor, { q: filters.q, n: totalText(data.total, data.totalCapped) }) : t(messages.foundAll, { n: totalText(data.total, data.totalCapped) })}
    </Typography.Text>
  );

  return (
    <SearchFrame
      {...frame}
      q={filters.q}
      onSearch={(q) => s.setFilters({ q, sort: undefined })}
      sort={s.sort}
      onSort={(sort) => s.setFilters({ sort: sort === 'date' ? 'date' : undefined })}
      groups={data?.lookup === 'number' ? [] : frame.groups}
      selected={filters}
      onFilter={(key, value) => s.setFilters({ [key]: value })}
      onClearFilters={s.clearFilters}
      facetsEstimated={data?.facetsEstimated}
      summary={summary}
      chart={
        data && data.lookup === null && (s.facets.year?.length ?? 0) > 1 ? (
          <Card size="small" className="xz-year-card" title={t(messages.byYear)}>
            <YearChart values={s.facets.year ?? []} label={t(messages.byYear)} onPick={(y) => s.setFilters({ year: y })} />
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
            description={s.hasFilters ? t('reg.emptyFiltered') : filters.q ? t('reg.emptyQuery') : t('reg.emptyRegister')}
            action={s.hasFilters || filters.q ? <Button onClick={s.clear}>{t('reg.clearAll')}</Button> : undefined}
          />
        </Card>
      ) : (
        <Card className="xz-hits-card" aria-busy={result.isFetching}>
          <ol className={result.isFetching ? 'xz-hits xz-hits-busy' : 'xz-hits'} start={(page - 1) * pageSize + 1}>
            {data.items.map((item) => (
              <li key={item.id}>{hit(item)}</li>
            ))}
          </ol>
          <Pagination
            {...serverPagination(t, page, pageSize, data.total, (p, size) => {
              s.setPage(p, size);
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
