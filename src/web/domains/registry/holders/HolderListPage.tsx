import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Space, Table } from 'antd';
import type { AreaView, HolderView } from '../../../app/api-types';
import { holdersApi } from '../../../app/endpoints';
import { formatNumber } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { LinkButton } from '../../../app/ui/LinkButton';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { useCompact } from '../../../app/ui/responsive';
import { SearchInput } from '../../../app/ui/SearchInput';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { useAreaName } from '../common/areas';
import { AreaSourceTag, holderKindName } from '../common/labels';
import { holderNameColumn } from './columns';

const FILTERS = ['q', 'county', 'kind'] as const;
const notCity = (a: AreaView) => a.kind !== 'city';

export default function HolderListPage() {
  const t = useT();
  const { can } = useSession();
  const compact = useCompact();
  const areaName = useAreaName();
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(FILTERS);
  const kind = filters.kind === 'org' || filters.kind === 'person' ? filters.kind : undefined;
  const list = useQuery({
    queryKey: ['holders', page, pageSize, filters],
    queryFn: () => holdersApi.list({ page, pageSize, q: filters.q, county: filters.county, kind }),
    placeholderData: keepPreviousData,
  });
  const curate = can('registry.curate');
  const unresolved = useQuery({ queryKey: ['holders', 'unresolved-count'], queryFn: () => holdersApi.list({ page: 1, pageSize: 1, unresolved: 'true' }), enabled: curate });
  const hasFilters = FILTERS.some((k) => filters[k]);
  const waiting = unresolved.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t('nav.holders')} subtitle={t('holder.subtitle')} />
      {curate && waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('holder.unresolvedAlert', { n: formatNumber(waiting) })}
          action={
            <LinkButton size="small" to="/registry/holders/unresolved">
              {t('holder.goUnresolved')}
            </LinkButton>
          }
        />
      )}
      <Card>
        <FilterBar active={FILTERS.filter((k) => filters[k]).length} onReset={clear}>
          <Form.Item label={t('common.search')} htmlFor="holder-q">
            <SearchInput
              key={filters.q ?? ''}
              id="holder-q"
              defaultValue={filters.q}
              placeholder={t('holder.searchPlaceholder')}
              allowClear
              onSearch={(q) => setFilters({ q: q.trim() })}
              style={{ width: 280 }}
            />
          </Form.Item>
          <Form.Item label={t('reg.area')} htmlFor="holder-county">
            <AreaSelect id="holder-county" filter={notCity} allowClear placeholder={t('common.all')} value={filters.county} onChange={(v?: string) => setFilters({ county: v })} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label={t('holder.kind')} htmlFor="holder-kind">
            <Select
              id="holder-kind"
              allowClear
              placeholder={t('common.all')}
              value={kind}
              onChange={(v?: string) => setFilters({ kind: v })}
              options={(['org', 'person'] as const).map((k) => ({ value: k, label: holderKindName(t, k) }))}
              style={{ width: 120 }}
            />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<HolderView>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            locale={{
              emptyText: (
                <EmptyState
                  description={hasFilters ? t('reg.emptyFiltered') : t('holder.empty')}
                  action={hasFilters ? <Button onClick={clear}>{t('common.reset')}</Button> : undefined}
                />
              ),
            }}
            columns={[
              holderNameColumn(t, compact, { wide: 280, compact: 180 }),
              { title: t('holder.kind'), dataIndex: 'kind', width: 70, render: (k: string) => holderKindName(t, k) },
              { title: t('holder.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => (v ? <span className="xz-mono">{v}</span> : '—') },
              {
                title: t('reg.area'),
                key: 'area',
                width: 190,
                render: (_: unknown, h) => (
                  <Space size={4} wrap>
                    {h.areaCode ? areaName(h.areaCode, h.areaName) : null}
                    <AreaSourceTag source={h.areaSource} />
                  </Space>
                ),
              },
              { title: t('holder.patents'), dataIndex: 'patents', width: 80, align: 'right', render: (n: number) => <span className="xz-num">{formatNumber(n)}</span> },
              { title: t('holder.trademarks'), dataIndex: 'trademarks', width: 80, align: 'right', render: (n: number) => <span className="xz-num">{formatNumber(n)}</span> },
              { title: t('holder.giUses'), dataIndex: 'giUses', width: 120, align: 'right', render: (n: number) => <span className="xz-num">{formatNumber(n)}</span> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
