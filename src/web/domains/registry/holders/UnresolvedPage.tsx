import { AimOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Table, Typography } from 'antd';
import { useState } from 'react';
import type { HolderView } from '../../../app/api-types';
import { holdersApi } from '../../../app/endpoints';
import { formatNumber } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { useCompact } from '../../../app/ui/responsive';
import { SearchInput } from '../../../app/ui/SearchInput';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { holderKindName } from '../common/labels';
import { AssignAreaModal } from './AssignAreaModal';
import { holderNameColumn } from './columns';

/** Holders no county could be worked out for (no usable credit code or address): an officer places them. */
export default function UnresolvedPage() {
  const t = useT();
  const compact = useCompact();
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(['q'] as const);
  const [assigning, setAssigning] = useState<HolderView | null>(null);
  const list = useQuery({
    queryKey: ['holders', 'unresolved', page, pageSize, filters.q],
    queryFn: () => holdersApi.list({ page, pageSize, q: filters.q, unresolved: 'true' }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('nav.unresolved')} subtitle={t('holder.unresolvedSubtitle')} />
      <Card>
        <FilterBar active={filters.q ? 1 : 0} onReset={clear}>
          <Form.Item label={t('common.search')} htmlFor="unresolved-q">
            <SearchInput key={filters.q ?? ''} id="unresolved-q" defaultValue={filters.q} placeholder={t('holder.searchPlaceholder')} allowClear onSearch={(q) => setFilters({ q: q.trim() })} style={{ width: 280 }} />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<HolderView>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 960 }}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            locale={{ emptyText: <EmptyState description={filters.q ? t('reg.emptyFiltered') : t('holder.unresolvedEmpty')} /> }}
            columns={[
              holderNameColumn(t, compact, { wide: 260, compact: 160 }),
              { title: t('holder.kind'), dataIndex: 'kind', width: 70, render: (k: string) => holderKindName(t, k) },
              {
                title: t('holder.address'),
                dataIndex: 'address',
                width: 280,
                render: (a: string | null) => (a ? a : <Typography.Text type="secondary">{t('holder.noAddress')}</Typography.Text>),
              },
              { title: t('holder.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => (v ? <span className="xz-mono">{v}</span> : '—') },
              {
                title: t('holder.rights'),
                key: 'rights',
                width: 110,
                align: 'right',
                render: (_: unknown, h) => <span className="xz-num">{formatNumber(h.patents + h.trademarks + h.giUses)}</span>,
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                fixed: compact ? undefined : 'right',
                render: (_: unknown, h) => (
                  <Button type="link" size="small" icon={<AimOutlined />} onClick={() => setAssigning(h)} aria-label={t('holder.assignFor', { name: h.name })}>
                    {t('holder.assign')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <AssignAreaModal holder={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}
