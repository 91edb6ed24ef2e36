import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { OrgView } from '../../../app/api-types';
import { orgsApi } from '../../../app/endpoints';
import { formatNumber } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { orgKindName } from '../../../app/labels';
import { useSession } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { SearchInput } from '../../../app/ui/SearchInput';
import { serverPagination } from '../../../app/ui/pagination';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useCompact } from '../../../app/ui/responsive';
import { useListParams } from '../../../app/useListParams';
import { AreaSelect } from './AreaSelect';
import { orgKindOptions } from './kinds';
import { OrgFormDrawer } from './OrgFormDrawer';
import { OrgStatusButton } from './OrgStatusButton';

const FILTERS = ['q', 'kind', 'area', 'status'] as const;

export default function OrgListPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(FILTERS);
  const [drawer, setDrawer] = useState<{ org: OrgView | null } | null>(null);
  const manage = can('org.manage');
  const compact = useCompact();

  const list = useQuery({
    queryKey: ['orgs', page, pageSize, filters],
    queryFn: () => orgsApi.list({ page, pageSize, ...filters, status: filters.status as 'active' | 'disabled' | undefined }),
    placeholderData: keepPreviousData,
  });
  const hasFilters = FILTERS.some((k) => filters[k]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['orgs'] });

  return (
    <>
      <PageHeader
        title={manage ? t('nav.orgs') : t('nav.orgsDirectory')}
        subtitle={manage ? t('orgs.subtitleManage') : t('orgs.subtitle')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ org: null })}>
              {t('orgs.create')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar active={FILTERS.filter((k) => filters[k]).length} onReset={clear}>
          <Form.Item label={t('common.search')} htmlFor="org-q">
            <SearchInput
              key={filters.q ?? ''}
              id="org-q"
              defaultValue={filters.q}
              placeholder={t('orgs.searchPlaceholder')}
              allowClear
              onSearch={(q) => setFilters({ q: q.trim() })}
              style={{ width: 260 }}
              aria-label={t('orgs.searchPlaceholder')}
            />
          </Form.Item>
          <Form.Item label={t('orgs.kind')} htmlFor="org-kind">
            <Select id="org-kind" allowClear placeholder={t('common.all')} value={filters.kind} onChange={(v?: string) => setFilters({ kind: v })} options={orgKindOptions(t)} style={{ width: 210 }} />
          </Form.Item>
          <Form.Item label={t('orgs.area')} htmlFor="org-area">
            <AreaSelect id="org-area" allowClear placeholder={t('common.all')} value={filters.area} onChange={(v?: string) => setFilters({ area: v })} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label={t('common.status')} htmlFor="org-status">
            <Select
              id="org-status"
              allowClear
              placeholder={t('common.all')}
              value={filters.status}
              onChange={(v?: string) => setFilters({ status: v })}
              options={[
                { value: 'active', label: t('orgs.active') },
                { value: 'disabled', label: t('orgs.disabled') },
              ]}
              style={{ width: 120 }}
            />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<OrgView>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1060 }}
            rowClassName={(o) => (o.disabled ? 'xz-row-disabled' : '')}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            locale={{
              emptyText: (
                <EmptyState
                  description={hasFilters ? t('orgs.emptyFiltered') : manage ? t('orgs.emptyManage') : t('orgs.empty')}
                  action={hasFilters ? <Button onClick={clear}>{t('common.reset')}</Button> : undefined}
                />
              ),
            }}
            columns={[
              {
                title: t('orgs.name'),
                dataIndex: 'name',
                fixed: compact ? undefined : 'left',
                width: 250,
                render: (name: string, o) => (
                  <Space size={4} wrap>
                    <Link to={`/orgs/${o.id}`}>{name}</Link>
                    {o.disabled && <Tag>{t('orgs.disabled')}</Tag>}
                  </Space>
                ),
              },
              { title: t('orgs.kind'), dataIndex: 'kind', width: 200, render: (k: string) => <span className="xz-nowrap">{orgKindName(t, k)}</span> },
              { title: t('orgs.area'), dataIndex: 'areaName', width: 140 },
              { title: t('orgs.uscc'), dataIndex: 'uscc', width: 180, render: (u: string | null) => (u ? <span className="xz-mono">{u}</span> : '—') },
              { title: t('orgs.userCount'), dataIndex: 'userCount', width: 80, align: 'right', render: (n: number) => formatNumber(n) },
              { title: t('orgs.tokenCount'), dataIndex: 'activeTokenCount', width: 90, align: 'right', render: (n: number) => formatNumber(n) },
              ...(manage
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 120,
                      fixed: compact ? undefined : ('right' as const),
                      render: (_: unknown, o: OrgView) => (
                        <Space size={0}>
                          <Button type="link" size="small" onClick={() => setDrawer({ org: o })}>
                            {t('common.edit')}
                          </Button>
                          <OrgStatusButton org={o} onChanged={refresh} />
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <OrgFormDrawer
        open={drawer !== null}
        org={drawer?.org ?? null}
        onClose={() => setDrawer(null)}
        onSaved={(o) => {
          const created = !drawer?.org;
          setDrawer(null);
          void refresh();
          if (created) navigate(`/orgs/${o.id}`);
        }}
      />
    </>
  );
}
