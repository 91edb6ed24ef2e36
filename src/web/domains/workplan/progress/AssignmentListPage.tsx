import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Form, Progress, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { SearchInput } from '../../../app/ui/SearchInput';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { DemoTag } from '../../registry/common/labels';
import { workplanApi, type AssignmentQuery, type AssignmentStatus, type AssignmentSummary, type Rag } from '../plans/api';
import { ASSIGNMENT_STATUSES, AssignmentStatusTag, assignmentStatusName, dueText, RAG_LIST, RagTag, ragName } from '../plans/labels';
import { taskNo } from '../plans/PlanDetailPage';

const KEYS = ['plan', 'task', 'org', 'status', 'rag', 'overdue', 'dueSoon', 'pending', 'q'] as const;

/** 任务分解与进展: a unit's own assignments (what needs it first), or all of them for the city office. */
export default function AssignmentListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const manager = can('workplan.manage');
  const unit = !manager && can('workplan.report');
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  const query: AssignmentQuery = {
    page,
    pageSize,
    plan: num(filters.plan),
    task: num(filters.task),
    org: filters.org,
    status: (ASSIGNMENT_STATUSES as readonly string[]).includes(filters.status ?? '') ? (filters.status as AssignmentStatus) : undefined,
    rag: (RAG_LIST as readonly string[]).includes(filters.rag ?? '') ? (filters.rag as Rag) : undefined,
    overdue: filters.overdue === '1' ? '1' : undefined,
    dueSoon: filters.dueSoon === '1' ? '1' : undefined,
    pending: filters.pending === '1' ? '1' : undefined,
    q: filters.q,
  };
  const list = useQuery({ queryKey: ['workplan-assignments', query], queryFn: ({ signal }) => workplanApi.list(query, signal), placeholderData: (prev) => prev });
  const plans = useQuery({ queryKey: ['workplan-plans'], queryFn: ({ signal }) => workplanApi.plans(signal) });
  const active = KEYS.filter((k) => filters[k]).length;
  const r = list.data?.reminders;

  return (
    <>
      <PageHeader title={unit ? t('wp.myAssignments') : t('nav.wpAssignments')} subtitle={unit ? t('wp.mySubtitle') : t('wp.assignmentsSubtitle')} />
      <Flex vertical gap={16}>
        {r && (r.overdue > 0 || r.dueSoon > 0 || r.returned > 0 || (manager && r.pendingReview > 0)) && (
          <Alert
            type={r.overdue > 0 || r.returned > 0 ? 'error' : 'warning'}
            showIcon
            message={t('wp.remindTitle')}
            description={
              <Flex gap={16} wrap="wrap">
                {r.returned > 0 && <a onClick={() => clear()}>{t('wp.remindReturned', { n: r.returned })}</a>}
                {r.overdue > 0 && <Link to="/workplan/assignments?overdue=1">{t('wp.remindOverdue', { n: r.overdue })}</Link>}
                {r.dueSoon > 0 && <Link to="/workplan/assignments?dueSoon=1">{t('wp.remindDueSoon', { n: r.dueSoon })}</Link>}
                {manager && r.pendingReview > 0 && <Link to="/workplan/assignments?pending=1">{t('wp.remindPending', { n: r.pendingReview })}</Link>}
              </Flex>
            }
          />
        )}
        <Card size="small">
          <FilterBar active={active} onReset={clear}>
            <Form.Item label={t('common.search')}>
              <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('wp.searchPlaceholder')} onSearch={(q) => setFilters({ q })} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('wp.plan')}>
              <Select
                allowClear
                style={{ width: 240 }}
                value={query.plan}
                placeholder={t('common.all')}
                onChange={(v) => setFilters({ plan: v ? String(v) : undefined, task: undefined })}
                options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))}
              />
            </Form.Item>
            <Form.Item label={t('common.status')}>
              <Select allowClear style={{ width: 120 }} value={query.status} placeholder={t('common.all')} onChange={(v) => setFilters({ status: v })} options={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: assignmentStatusName(t, s) }))} />
            </Form.Item>
            <Form.Item label={t('wp.ragLabel')}>
              <Select allowClear style={{ width: 110 }} value={query.rag} placeholder={t('common.all')} onChange={(v) => setFilters({ rag: v })} options={RAG_LIST.map((s) => ({ value: s, label: ragName(t, s) }))} />
            </Form.Item>
            <Form.Item label={t('wp.overdueOnly')}>
              <Switch checked={filters.overdue === '1'} onChange={(on) => setFilters({ overdue: on ? '1' : undefined })} aria-label={t('wp.overdueOnly')} />
            </Form.Item>
            {manager && (
              <Form.Item label={t('wp.pendingOnly')}>
                <Switch checked={filters.pending === '1'} onChange={(on) => setFilters({ pending: on ? '1' : undefined })} aria-label={t('wp.pendingOnly')} />
              </Form.Item>
            )}
          </FilterBar>
          {(query.task || query.org || query.dueSoon) && (
            <Flex gap={4} style={{ marginBottom: 8 }}>
              {query.task && <Tag closable onClose={() => setFilters({ task: undefined })}>{t('wp.filterTask')}</Tag>}
              {query.org && <Tag closable onClose={() => setFilters({ org: undefined })}>{t('wp.filterUnit', { name: list.data?.items[0]?.orgName ?? '' })}</Tag>}
              {query.dueSoon && <Tag closable onClose={() => setFilters({ dueSoon: undefined })}>{t('wp.filterDueSoon')}</Tag>}
            </Flex>
          )}
          {list.isError ? (
            <LoadError error={list.error} onRetry={() => list.refetch()} />
          ) : (
            <Table<AssignmentSummary>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
              scroll={{ x: 1100 }}
              rowClassName={(a) => (a.overdue ? 'xz-row-overdue' : '')}
              locale={{ emptyText: <EmptyState description={active > 0 ? t('wp.emptyFiltered') : unit ? t('wp.emptyMine') : t('wp.empty')} /> }}
              columns={[
                {
                  title: t('wp.assignmentTitle'),
                  key: 'title',
                  fixed: 'left',
                  width: 300,
                  render: (_v, a) => (
                    <Flex vertical gap={2} align="flex-start">
                      <Link to={`/workplan/assignments/${a.id}`}>{a.title}</Link>
                      <Typography.Text type="secondary" className="xz-small">
                        {a.planYear} · {taskNo(a.taskSeq)}
                        {a.taskTitle}
                      </Typography.Text>
                      {a.isDemo && <DemoTag inList />}
                    </Flex>
                  ),
                },
                ...(unit ? [] : [{ title: t('wp.unit'), key: 'unit', width: 190, render: (_v: unknown, a: AssignmentSummary) => a.orgName }]),
                {
                  title: t('wp.dueDate'),
                  key: 'due',
                  width: 140,
                  render: (_v, a) => (
                    <Flex vertical gap={0}>
                      <span className="xz-num">{formatDate(a.dueDate)}</span>
                      <Typography.Text type={a.overdue ? 'danger' : a.dueSoon ? 'warning' : 'secondary'} className="xz-small">
                        {dueText(t, a)}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  title: t('wp.progress'),
                  key: 'percent',
                  width: 170,
                  render: (_v, a) => (
                    <Tooltip title={t('wp.expectedHint', { n: a.expectedPercent })}>
                      <Progress size="small" percent={a.percent} status={a.rag === 'red' ? 'exception' : a.status === 'completed' ? 'success' : 'normal'} />
                    </Tooltip>
                  ),
                },
                { title: t('wp.ragLabel'), key: 'rag', width: 90, render: (_v, a) => <RagTag rag={a.rag} /> },
                {
                  title: t('common.status'),
                  key: 'status',
                  width: 170,
                  render: (_v, a) => (
                    <Flex gap={4} wrap="wrap">
                      <AssignmentStatusTag status={a.status} />
                      {a.pendingReview && <Tag color="processing">{manager ? t('wp.todoReview') : t('wp.awaitingReview')}</Tag>}
                      {a.returned && <Tag color="warning">{t('wp.returnedTag')}</Tag>}
                    </Flex>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
