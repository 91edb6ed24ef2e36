import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Form, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { CITY_CODE } from '../../../../shared/validators/region';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { SearchInput } from '../../../app/ui/SearchInput';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { DemoTag } from '../../registry/common/labels';
import { keyListApi, type ApplicationListItem, type KeyListQuery, type KeyListStatus } from './api';
import { areaText, KEY_LIST_STATUSES, reviewSoon, KeyListStatusTag, keyListStatusName, ReviewDue, RightsCount } from './labels';

const KEYS = ['status', 'area', 'q', 'overdue'] as const;

/** The step an officer can take on a row now, as a short label (待您初审, 待您审核, 待年度复核). */
const TODO: Record<string, 'kl.todo.countyPass' | 'kl.todo.approve' | 'kl.todo.review'> = {
  'county-pass': 'kl.todo.countyPass',
  approve: 'kl.todo.approve',
  review: 'kl.todo.review',
};

/** 重点关注名录: applications and listed firms of one's area (the city office: all), with the steps due. */
export default function KeyListPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const cityWide = user.areaScope === CITY_CODE;
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const query: KeyListQuery = {
    page,
    pageSize,
    status: (KEY_LIST_STATUSES as readonly string[]).includes(filters.status ?? '') ? (filters.status as KeyListStatus) : undefined,
    area: filters.area,
    q: filters.q,
    overdue: filters.overdue === '1' ? '1' : undefined,
  };
  const list = useQuery({ queryKey: ['key-list-applications', query], queryFn: ({ signal }) => keyListApi.list(query, signal), placeholderData: (prev) => prev });
  const active = KEYS.filter((k) => filters[k]).length;

  return (
    <>
      <PageHeader title={t('nav.keyList')} subtitle={cityWide ? t('kl.subtitleCity') : t('kl.subtitleArea', { area: user.areaName })} />
      <Card size="small">
        <FilterBar active={active} onReset={clear}>
          <Form.Item label={t('common.search')}>
            <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('kl.searchPlaceholder')} onSearch={(q) => setFilters({ q })} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('common.status')}>
            <Select
              allowClear
              style={{ width: 150 }}
              value={query.status}
              placeholder={t('common.all')}
              onChange={(v) => setFilters({ status: v })}
              options={KEY_LIST_STATUSES.map((s) => ({ value: s, label: keyListStatusName(t, s) }))}
            />
          </Form.Item>
          <Form.Item label={t('kl.overdueOnly')}>
            <Switch checked={filters.overdue === '1'} onChange={(on) => setFilters({ overdue: on ? '1' : undefined })} aria-label={t('kl.overdueOnly')} />
          </Form.Item>
          {cityWide && (
            <Form.Item label={t('kl.area')}>
              <AreaSelect allowClear style={{ width: 170 }} value={filters.area} placeholder={t('common.all')} onChange={(area) => setFilters({ area: area ?? undefined })} filter={(a) => a.kind !== 'city'} />
            </Form.Item>
          )}
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<ApplicationListItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            scroll={{ x: 1080 }}
            rowClassName={(r) => (r.reviewOverdue ? 'xz-row-overdue' : '')}
            locale={{ emptyText: <EmptyState description={active > 0 ? t('kl.emptyFiltered') : t('kl.empty')} /> }}
            columns={[
              {
                title: t('kl.orgName'),
                key: 'org',
                fixed: 'left',
                render: (_v, r) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Link to={`/protection/key-list/${r.id}`}>{r.orgName}</Link>
                    <Typography.Text type="secondary" className="xz-small xz-mono">
                      {r.ref}
                    </Typography.Text>
                    {r.isDemo && <DemoTag inList />}
                  </Flex>
                ),
              },
              {
                title: t('common.status'),
                key: 'status',
                width: 150,
                render: (_v, r) => {
                  const todo = r.actions.filter((a) => a !== 'review' || reviewSoon(r)).map((a) => TODO[a]).find(Boolean);
                  return (
                    <Flex vertical gap={4} align="flex-start">
                      <KeyListStatusTag status={r.status} />
                      {todo && (
                        <Tag color="processing" bordered={false} className="xz-small">
                          {t(todo)}
                        </Tag>
                      )}
                    </Flex>
                  );
                },
              },
              { title: t('kl.area'), key: 'area', width: 110, render: (_v, r) => areaText(lang, r.areaCode, r.areaName) },
              { title: t('kl.industry'), dataIndex: 'industry', width: 140, render: (v: string) => <span className="xz-break">{v}</span> },
              { title: t('kl.rights'), key: 'rights', width: 150, render: (_v, r) => <RightsCount rights={r.rights} /> },
              {
                title: t('kl.submittedAt'),
                dataIndex: 'submittedAt',
                width: 110,
                render: (v: string) => (
                  <Tooltip title={formatDateTime(v)}>
                    <span className="xz-num">{formatDate(v)}</span>
                  </Tooltip>
                ),
              },
              { title: t('kl.listedOn'), dataIndex: 'listedOn', width: 110, render: (v: string | null) => <span className="xz-num">{formatDate(v)}</span> },
              { title: t('kl.reviewDue'), key: 'due', width: 170, render: (_v, r) => (r.status === 'listed' ? <ReviewDue date={r.reviewDue} overdue={r.reviewOverdue} /> : <span className="xz-muted">—</span>) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
