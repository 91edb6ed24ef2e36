import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n, type Translate } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { KpiTiles } from '../../../app/ui/KpiTiles';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { DemoTag } from '../../registry/common/labels';
import { supervisionApi, type CircularItem, type InterviewItem, type NoticeItem, type OverdueAssignment, type RectificationItem } from './api';
import { CircularModal, InterviewModal, IssueNoticeModal } from './forms';
import { CircularKindTag, InterviewStatusTag, NoticeStatusTag, RectStatusTag, noticeStatusName, rectStatusName, sourceName } from './labels';

const TABS = ['notices', 'circulars', 'interviews', 'rectifications'] as const;
type TabKey = (typeof TABS)[number];
const KEYS = ['tab', 'status', 'overdue', 'kind'] as const;

/** 督办与通报约谈: the city office issues and follows up; a unit sees its own, what awaits its reply first. */
export default function SupervisionPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const supervisor = can('workplan.supervise');
  const unitView = !supervisor && can('workplan.report');
  const { page, pageSize, filters, setFilters, setPage } = useListParams(KEYS);
  const tab: TabKey = (TABS as readonly string[]).includes(filters.tab ?? '') ? (filters.tab as TabKey) : 'notices';
  const summary = useQuery({ queryKey: ['supervision', 'summary'], queryFn: ({ signal }) => supervisionApi.summary(signal) });
  const s = summary.data;
  const [modal, setModal] = useState<null | 'notice' | 'circular' | 'interview'>(null);
  const [preset, setPreset] = useState<{ orgId: string; assignmentIds: number[] } | undefined>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const done = (path: string) => (r: { id: number }) => {
    setModal(null);
    void qc.invalidateQueries({ queryKey: ['supervision'] });
    navigate(`/workplan/supervision/${path}/${r.id}`);
  };

  return (
    <>
      <PageHeader
        title={t('nav.supervision')}
        subtitle={unitView ? t('sup.subtitleUnit') : t('sup.subtitle')}
        extra={
          supervisor && (
            <Space wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => { setPreset(undefined); setModal('notice'); }}>
                {t('sup.issueNotice')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setModal('circular')}>
                {t('sup.newCircular')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setModal('interview')}>
                {t('sup.newInterview')}
              </Button>
            </Space>
          )
        }
      />
      {summary.isError && <LoadError error={summary.error} onRetry={() => summary.refetch()} />}
      {s?.mine && (s.mine.notices > 0 || s.mine.rectifications > 0) && (
        <Alert style={{ marginBottom: 16 }} type="warning" showIcon message={t('sup.mineAlert', { notices: s.mine.notices, items: s.mine.rectifications })} />
      )}
      {s && (
        <KpiTiles
          kpis={[
            { key: 'open', label: t('sup.kpi.noticesOpen'), value: s.notices.open, note: supervisor ? t('sup.kpi.awaitingReview', { n: s.notices.awaitingReview }) : undefined, to: '?tab=notices' },
            { key: 'overdue', label: t('sup.kpi.noticesOverdue'), value: s.notices.overdue, tone: s.notices.overdue > 0 ? 'danger' : undefined, to: '?tab=notices&overdue=1' },
            { key: 'closed', label: t('sup.kpi.noticesClosed'), value: s.notices.closed, to: '?tab=notices&status=accepted' },
            { key: 'rectOpen', label: t('sup.kpi.rectOpen'), value: s.rectifications.open, note: t('sup.kpi.rectOverdue', { n: s.rectifications.overdue, closed: s.rectifications.closed }), tone: s.rectifications.overdue > 0 ? 'warn' : undefined, to: '?tab=rectifications' },
            { key: 'interviews', label: t('sup.kpi.interviewsOpen'), value: s.interviews.open, note: t('sup.kpi.interviewsClosed', { n: s.interviews.closed }), to: '?tab=interviews' },
            { key: 'circulars', label: t('sup.kpi.circulars'), value: s.circulars.praise + s.circulars.criticism, note: t('sup.kpi.circularsSplit', { praise: s.circulars.praise, criticism: s.circulars.criticism }), to: '?tab=circulars' },
          ]}
        />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setFilters({ tab: k, status: undefined, overdue: undefined, kind: undefined })}
          items={TABS.map((k) => ({ key: k, label: t(`sup.tab.${k}`) }))}
        />
        {tab === 'notices' && (
          <>
            {supervisor && <OverdueAssignments onIssue={(p) => { setPreset(p); setModal('notice'); }} />}
            <NoticeTable page={page} pageSize={pageSize} filters={filters} setFilters={setFilters} setPage={setPage} />
          </>
        )}
        {tab === 'circulars' && <CircularTable page={page} pageSize={pageSize} kind={filters.kind} setFilters={setFilters} setPage={setPage} />}
        {tab === 'interviews' && <InterviewTable page={page} pageSize={pageSize} setPage={setPage} />}
        {tab === 'rectifications' && (
          <>
            <RectBoard />
            <RectTable page={page} pageSize={pageSize} filters={filters} setFilters={setFilters} setPage={setPage} />
          </>
        )}
      </Card>
      <IssueNoticeModal key={preset ? `${preset.orgId}:${preset.assignmentIds.join(',')}` : 'blank'} open={modal === 'notice'} preset={preset} onClose={() => setModal(null)} onDone={done('notices')} />
      <CircularModal open={modal === 'circular'} onClose={() => setModal(null)} onDone={done('circulars')} />
      <InterviewModal open={modal === 'interview'} onClose={() => setModal(null)} onDone={done('interviews')} />
    </>
  );
}

type Filters = Record<(typeof KEYS)[number], string | undefined>;
interface ListProps {
  page: number;
  pageSize: number;
  filters: Filters;
  setFilters: (patch: Partial<Filters>) => void;
  setPage: (p: number, size: number) => void;
}

const DocLink = ({ kind, id }: { kind: 'notices' | 'circulars' | 'interviews'; id: number }) => {
  const { t } = useI18n();
  return (
    <Typography.Link href={supervisionApi.documentUrl(kind, id)} download aria-label={t('sup.downloadDocx')}>
      <FileWordOutlined /> {t('sup.docx')}
    </Typography.Link>
  );
};

/** Overdue assignments, by unit: one click issues a 督办 for a unit's overdue items. */
function OverdueAssignments({ onIssue }: { onIssue: (p: { orgId: string; assignmentIds: number[] }) => void }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['supervision', 'overdue'], queryFn: ({ signal }) => supervisionApi.overdue(signal) });
  const items = q.data?.items ?? [];
  if (q.isError) return <LoadError error={q.error} onRetry={() => q.refetch()} />;
  if (items.length === 0) return null;
  return (
    <Card size="small" type="inner" style={{ marginBottom: 16 }} title={t('sup.overdueTitle', { n: items.length })}>
      <Table<OverdueAssignment>
        rowKey="id"
        size="small"
        pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
        dataSource={items}
        scroll={{ x: 860 }}
        columns={[
          { title: t('sup.col.unit'), key: 'unit', width: 190, render: (_v, a) => a.unit.name },
          { title: t('sup.col.assignment'), key: 'title', render: (_v, a) => (<Flex vertical gap={0}><span>{a.title}</span><Typography.Text type="secondary" className="xz-small">{a.planYear} · {a.taskTitle}</Typography.Text></Flex>) },
          { title: t('sup.col.due'), dataIndex: 'dueDate', width: 110, render: (v: string) => <span className="xz-num">{v}</span> },
          { title: t('sup.col.daysOverdue'), dataIndex: 'daysOverdue', width: 96, align: 'right', render: (n: number) => <Typography.Text type="danger">{t('sup.days', { n })}</Typography.Text> },
          { title: t('sup.col.openNotices'), dataIndex: 'openNotices', width: 96, align: 'right', render: (n: number) => (n > 0 ? t('sup.openNoticesN', { n }) : '—') },
          {
            title: t('common.actions'),
            key: 'act',
            width: 110,
            render: (_v, a) => (
              <Button size="small" onClick={() => onIssue({ orgId: a.unit.id, assignmentIds: items.filter((x) => x.unit.id === a.unit.id).map((x) => x.id) })}>
                {t('sup.issueForUnit')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The status and 只看逾期 filters that notices and rectification items share. */
function StatusOverdueFilters({ filters, setFilters, statuses, statusName }: Pick<ListProps, 'filters' | 'setFilters'> & { statuses: string[]; statusName: (t: Translate, v: string) => string }) {
  const { t } = useI18n();
  return (
      <FilterBar active={(filters.status ? 1 : 0) + (filters.overdue ? 1 : 0)} onReset={() => setFilters({ status: undefined, overdue: undefined })}>
        <Form.Item label={t('common.status')}>
          <Select allowClear style={{ width: 130 }} value={filters.status} placeholder={t('common.all')} onChange={(v) => setFilters({ status: v })} options={statuses.map((v) => ({ value: v, label: statusName(t, v) }))} />
        </Form.Item>
        <Form.Item label={t('sup.overdueOnly')}>
          <Switch checked={filters.overdue === '1'} onChange={(on) => setFilters({ overdue: on ? '1' : undefined })} aria-label={t('sup.overdueOnly')} />
        </Form.Item>
      </FilterBar>
  );
}

const statusOverdueQuery = (page: number, pageSize: number, filters: ListProps['filters']) => ({ page, pageSize, status: filters.status, overdue: filters.overdue === '1' ? '1' : undefined });

function NoticeTable({ page, pageSize, filters, setFilters, setPage }: ListProps) {
  const { t } = useI18n();
  const query = statusOverdueQuery(page, pageSize, filters);
  const list = useQuery({ queryKey: ['supervision', 'notices', query], queryFn: ({ signal }) => supervisionApi.notices(query, signal), placeholderData: (p) => p });
  return (
    <>
      <StatusOverdueFilters filters={filters} setFilters={setFilters} statuses={['issued', 'replied', 'returned', 'accepted']} statusName={noticeStatusName} />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<NoticeItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
          rowClassName={(r) => (r.overdue ? 'xz-row-overdue' : '')}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <EmptyState description={t('sup.emptyNotices')} /> }}
          columns={[
            { title: t('sup.col.ref'), dataIndex: 'ref', width: 150, render: (ref: string, r) => (<Flex vertical gap={2} align="flex-start"><Link to={`/workplan/supervision/notices/${r.id}`}>{ref}</Link>{r.isDemo && <DemoTag inList />}</Flex>) },
            { title: t('common.status'), key: 'status', width: 130, render: (_v, r) => <NoticeStatusTag status={r.status} overdue={r.overdue} /> },
            { title: t('sup.col.unit'), key: 'unit', width: 180, render: (_v, r) => r.unit.name },
            { title: t('sup.col.issues'), dataIndex: 'issues', render: (v: string, r) => (<Flex vertical gap={0}><Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph>{r.assignments.length > 0 && <Typography.Text type="secondary" className="xz-small">{t('sup.assignmentsN', { n: r.assignments.length })}</Typography.Text>}</Flex>) },
            { title: t('sup.col.issueDate'), dataIndex: 'issueDate', width: 106, render: (v: string) => <span className="xz-num">{v}</span> },
            { title: t('sup.col.replyDue'), dataIndex: 'replyDue', width: 106, render: (v: string, r) => <Typography.Text type={r.overdue ? 'danger' : undefined} className="xz-num">{v}</Typography.Text> },
            { title: t('sup.col.document'), key: 'doc', width: 90, render: (_v, r) => <DocLink kind="notices" id={r.id} /> },
          ]}
        />
      )}
    </>
  );
}

function CircularTable({ page, pageSize, kind, setFilters, setPage }: { page: number; pageSize: number; kind?: string; setFilters: ListProps['setFilters']; setPage: ListProps['setPage'] }) {
  const { t } = useI18n();
  const query = { page, pageSize, kind };
  const list = useQuery({ queryKey: ['supervision', 'circulars', query], queryFn: ({ signal }) => supervisionApi.circulars(query, signal), placeholderData: (p) => p });
  return (
    <>
      <FilterBar active={kind ? 1 : 0} onReset={() => setFilters({ kind: undefined })}>
        <Form.Item label={t('sup.f.kind')}>
          <Select allowClear style={{ width: 120 }} value={kind} placeholder={t('common.all')} onChange={(v) => setFilters({ kind: v })} options={[{ value: 'praise', label: t('sup.circularKind.praise') }, { value: 'criticism', label: t('sup.circularKind.criticism') }]} />
        </Form.Item>
      </FilterBar>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<CircularItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState description={t('sup.emptyCirculars')} /> }}
          columns={[
            { title: t('sup.col.ref'), dataIndex: 'ref', width: 150, render: (ref: string, r) => <Link to={`/workplan/supervision/circulars/${r.id}`}>{ref}</Link> },
            { title: t('sup.f.kind'), dataIndex: 'kind', width: 80, render: (k: CircularItem['kind']) => <CircularKindTag kind={k} /> },
            { title: t('sup.f.title'), dataIndex: 'title' },
            { title: t('sup.col.namedUnits'), key: 'units', width: 240, render: (_v, r) => r.units.map((u) => u.name).join('、') },
            { title: t('sup.col.date'), dataIndex: 'circularDate', width: 106, render: (v: string) => <span className="xz-num">{v}</span> },
            { title: t('sup.col.document'), key: 'doc', width: 90, render: (_v, r) => <DocLink kind="circulars" id={r.id} /> },
          ]}
        />
      )}
    </>
  );
}

function InterviewTable({ page, pageSize, setPage }: { page: number; pageSize: number; setPage: ListProps['setPage'] }) {
  const { t } = useI18n();
  const query = { page, pageSize };
  const list = useQuery({ queryKey: ['supervision', 'interviews', query], queryFn: ({ signal }) => supervisionApi.interviews(query, signal), placeholderData: (p) => p });
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Table<InterviewItem>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
      rowClassName={(r) => (r.overdue ? 'xz-row-overdue' : '')}
      scroll={{ x: 960 }}
      locale={{ emptyText: <EmptyState description={t('sup.emptyInterviews')} /> }}
      columns={[
        { title: t('sup.col.ref'), dataIndex: 'ref', width: 150, render: (ref: string, r) => <Link to={`/workplan/supervision/interviews/${r.id}`}>{ref}</Link> },
        { title: t('common.status'), key: 'status', width: 150, render: (_v, r) => <InterviewStatusTag status={r.status} overdue={r.overdue} /> },
        { title: t('sup.f.interviewedUnit'), key: 'unit', width: 180, render: (_v, r) => r.unit.name },
        { title: t('sup.f.interviewees'), dataIndex: 'interviewees', ellipsis: true },
        { title: t('sup.f.heldAt'), dataIndex: 'heldAt', width: 110, render: (v: string) => <span className="xz-num">{formatDate(v)}</span> },
        { title: t('sup.f.followUpDue'), dataIndex: 'followUpDue', width: 110, render: (v: string) => <span className="xz-num">{v}</span> },
        { title: t('sup.col.document'), key: 'doc', width: 90, render: (_v, r) => <DocLink kind="interviews" id={r.id} /> },
      ]}
    />
  );
}

/** Open, waiting, overdue and closed items per unit. */
function RectBoard() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['supervision', 'board'], queryFn: ({ signal }) => supervisionApi.board(signal) });
  const units = q.data?.units ?? [];
  if (units.length === 0) return null;
  return (
    <Card size="small" type="inner" style={{ marginBottom: 16 }} title={t('sup.boardTitle')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={units}
        scroll={{ x: 700 }}
        columns={[
          { title: t('sup.col.unit'), dataIndex: 'name' },
          { title: t('sup.board.open'), dataIndex: 'open', width: 90, align: 'right' },
          { title: t('sup.board.submitted'), dataIndex: 'submitted', width: 90, align: 'right' },
          { title: t('sup.board.overdue'), dataIndex: 'overdue', width: 90, align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
          { title: t('sup.board.closed'), dataIndex: 'closed', width: 90, align: 'right' },
          { title: t('sup.board.next'), dataIndex: 'nextDeadline', width: 120, render: (v: string | null) => <span className="xz-num">{v ?? '—'}</span> },
        ]}
      />
    </Card>
  );
}

function RectTable({ page, pageSize, filters, setFilters, setPage }: ListProps) {
  const { t } = useI18n();
  const query = statusOverdueQuery(page, pageSize, filters);
  const list = useQuery({ queryKey: ['supervision', 'rectifications', query], queryFn: ({ signal }) => supervisionApi.rectifications(query, signal), placeholderData: (p) => p });
  return (
    <>
      <StatusOverdueFilters filters={filters} setFilters={setFilters} statuses={['open', 'submitted', 'returned', 'closed']} statusName={rectStatusName} />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<RectificationItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
          rowClassName={(r) => (r.overdue ? 'xz-row-overdue' : '')}
          scroll={{ x: 960 }}
          locale={{ emptyText: <EmptyState description={t('sup.emptyRect')} /> }}
          columns={[
            { title: t('sup.col.ref'), dataIndex: 'ref', width: 120, render: (ref: string, r) => <Link to={`/workplan/supervision/rectifications/${r.id}`}>{ref}</Link> },
            { title: t('common.status'), key: 'status', width: 130, render: (_v, r) => <RectStatusTag status={r.status} overdue={r.overdue} /> },
            { title: t('sup.col.unit'), key: 'unit', width: 180, render: (_v, r) => r.unit.name },
            { title: t('sup.f.rectDescription'), dataIndex: 'description', ellipsis: true },
            { title: t('sup.col.source'), key: 'source', width: 190, render: (_v, r) => `${sourceName(t, r.source.kind)} ${r.source.ref}` },
            { title: t('sup.f.deadline'), dataIndex: 'deadline', width: 106, render: (v: string, r) => <Typography.Text type={r.overdue ? 'danger' : undefined} className="xz-num">{v}</Typography.Text> },
          ]}
        />
      )}
    </>
  );
}
