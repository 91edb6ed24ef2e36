import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
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
import { rightKindName } from '../labels';
import { mediationApi, type CaseListItem, type CaseQuery } from './api';
import { DueCell } from './DueCell';
import { CaseStateTag, ConfirmationTag, MEDIATION_KINDS, MEDIATION_OUTCOMES, MEDIATION_SOURCES, MEDIATION_STATUSES, SourceTag, kindName, outcomeName, sourceName, statusName } from './labels';
import { MediationStats } from './MediationStats';
import { NewCaseModal } from './NewCaseModal';

const KEYS = ['status', 'outcome', 'source', 'kind', 'area', 'q', 'overdue'] as const;

const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

/** 维权援助与调解: the cases of one's area (the city office: all), overdue first, with the counts above. */
export default function MediationListPage() {
  const { t } = useI18n();
  const user = useUser();
  const cityWide = user.areaScope === CITY_CODE;
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const [creating, setCreating] = useState(false);
  const query: CaseQuery = {
    page,
    pageSize,
    status: pick(MEDIATION_STATUSES, filters.status),
    outcome: pick(MEDIATION_OUTCOMES, filters.outcome),
    source: pick(MEDIATION_SOURCES, filters.source),
    kind: pick(MEDIATION_KINDS, filters.kind),
    area: filters.area,
    q: filters.q,
    overdue: filters.overdue === '1' ? '1' : undefined,
  };
  const list = useQuery({ queryKey: ['mediation-cases', query], queryFn: ({ signal }) => mediationApi.list(query, signal), placeholderData: (prev) => prev });
  const stats = useQuery({ queryKey: ['mediation-stats'], queryFn: ({ signal }) => mediationApi.stats(signal) });
  const active = KEYS.filter((k) => filters[k]).length;

  return (
    <>
      <PageHeader
        title={t('nav.mediation')}
        subtitle={cityWide ? t('md.subtitleCity') : t('md.subtitleArea', { area: user.areaName })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('md.new')}
          </Button>
        }
      />
      {stats.isError ? <LoadError error={stats.error} onRetry={() => stats.refetch()} /> : <MediationStats stats={stats.data} onArea={(area) => setFilters({ area })} />}
      <Card size="small" className="xz-pr-list">
        <FilterBar active={active} onReset={clear}>
          <Form.Item label={t('common.search')}>
            <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('md.searchPlaceholder')} onSearch={(q) => setFilters({ q })} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('common.status')}>
            <Select allowClear style={{ width: 120 }} value={query.status} placeholder={t('common.all')} onChange={(v) => setFilters({ status: v })} options={MEDIATION_STATUSES.map((s) => ({ value: s, label: statusName(t, s) }))} />
          </Form.Item>
          <Form.Item label={t('md.outcome')}>
            <Select allowClear style={{ width: 120 }} value={query.outcome} placeholder={t('common.all')} onChange={(v) => setFilters({ outcome: v })} options={MEDIATION_OUTCOMES.map((s) => ({ value: s, label: outcomeName(t, s) }))} />
          </Form.Item>
          <Form.Item label={t('md.source')}>
            <Select allowClear style={{ width: 120 }} value={query.source} placeholder={t('common.all')} onChange={(v) => setFilters({ source: v })} options={MEDIATION_SOURCES.map((s) => ({ value: s, label: sourceName(t, s) }))} />
          </Form.Item>
          <Form.Item label={t('md.field.kind')}>
            <Select allowClear style={{ width: 120 }} value={query.kind} placeholder={t('common.all')} onChange={(v) => setFilters({ kind: v })} options={MEDIATION_KINDS.map((s) => ({ value: s, label: kindName(t, s) }))} />
          </Form.Item>
          {cityWide && (
            <Form.Item label={t('prl.area')}>
              <AreaSelect allowClear style={{ width: 170 }} value={filters.area} placeholder={t('common.all')} onChange={(v) => setFilters({ area: v ?? undefined })} />
            </Form.Item>
          )}
          <Form.Item label={t('prl.overdueOnly')}>
            <Switch checked={filters.overdue === '1'} onChange={(on) => setFilters({ overdue: on ? '1' : undefined })} aria-label={t('prl.overdueOnly')} />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <CaseTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            empty={active > 0 ? t('md.emptyFiltered') : t('md.empty')}
            detailPath={(id) => `/protection/mediation/${id}`}
          />
        )}
      </Card>
      {creating && <NewCaseModal onClose={() => setCreating(false)} />}
    </>
  );
}

/** The case table of the office's list and the court's page. */
export function CaseTable({
  items,
  loading,
  pagination,
  empty,
  detailPath,
  forCourt = false,
}: {
  items: CaseListItem[];
  loading: boolean;
  pagination: ReturnType<typeof serverPagination> | false;
  empty: string;
  detailPath: (id: number) => string;
  forCourt?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table<CaseListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 1100 }}
      rowClassName={(r) => (r.due.overdue ? 'xz-row-overdue' : '')}
      locale={{ emptyText: <EmptyState description={empty} /> }}
      columns={[
        {
          title: t('md.ref'),
          dataIndex: 'ref',
          width: 128,
          fixed: 'left',
          render: (ref: string, r) => (
            <Flex vertical gap={2} align="flex-start">
              <Link to={detailPath(r.id)} className="xz-mono">
                {ref}
              </Link>
              {r.isDemo && <DemoTag inList />}
            </Flex>
          ),
        },
        {
          title: t('common.status'),
          key: 'state',
          width: 104,
          render: (_v, r) => (
            <Flex vertical gap={2} align="flex-start">
              <CaseStateTag c={r} />
              <ConfirmationTag status={r.confirmation} />
            </Flex>
          ),
        },
        ...(forCourt
          ? [{ title: t('md.courtCaseNo'), dataIndex: 'courtCaseNo', width: 190, render: (v: string | null, r: CaseListItem) => (v ? <span className="xz-nowrap">{v}</span> : <Tag>{sourceName(t, r.source)}</Tag>) }]
          : [{ title: t('md.source'), key: 'source', width: 136, render: (_v: unknown, r: CaseListItem) => (
              <Flex vertical gap={2} align="flex-start">
                <span>
                  <SourceTag source={r.source} />
                  <Tag>{kindName(t, r.kind)}</Tag>
                </span>
                {r.courtCaseNo && <Typography.Text type="secondary" className="xz-small">{r.courtCaseNo}</Typography.Text>}
              </Flex>
            ) }]),
        {
          title: t('md.parties'),
          key: 'parties',
          render: (_v, r) => (
            <Flex vertical gap={2}>
              <span>
                <Typography.Text type="secondary" className="xz-small">{t('md.applicantShort')}</Typography.Text> {r.applicants || '—'}
              </span>
              <span>
                <Typography.Text type="secondary" className="xz-small">{t('md.respondentShort')}</Typography.Text> {r.respondents || '—'}
              </span>
            </Flex>
          ),
        },
        { title: t('pr.rightKind'), dataIndex: 'rightKind', width: 88, render: (k: string) => <Tag>{rightKindName(t, k)}</Tag> },
        { title: t('prl.area'), dataIndex: 'areaName', width: 90 },
        {
          title: t('md.mediatedBy'),
          key: 'body',
          width: 170,
          render: (_v, r) =>
            r.body ? (
              <Flex vertical gap={0}>
                <span>{r.body.name}</span>
                {r.mediator && <Typography.Text type="secondary" className="xz-small">{t('md.mediatorIs', { name: r.mediator })}</Typography.Text>}
              </Flex>
            ) : r.handler ? (
              <Typography.Text type="secondary">{t('md.handledBy', { name: r.handler })}</Typography.Text>
            ) : (
              <span className="xz-muted">—</span>
            ),
        },
        { title: t('md.receivedAt'), dataIndex: 'receivedAt', width: 104, render: (v: string) => <Tooltip title={formatDateTime(v)}><span className="xz-num">{formatDate(v)}</span></Tooltip> },
        { title: t('md.due'), key: 'due', width: 138, render: (_v, r) => <DueCell c={r} /> },
      ]}
    />
  );
}
