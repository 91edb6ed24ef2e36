import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Table, Tooltip, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError } from '../../../app/ui/States';
import { workplanApi, type AssignmentSummary, type DashboardView } from '../plans/api';
import { dueText, RAG_COLOR, RagTag, ragName } from '../plans/labels';
import { taskNo } from '../plans/PlanDetailPage';

type Unit = DashboardView['byUnit'][number];

/** 工作看板: completion by task and by unit, the red/amber/green board, and what is overdue or at risk. Every number opens its list. */
export default function WorkplanDashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const planParam = Number(params.get('plan')) || undefined;
  const view = useQuery({ queryKey: ['workplan-dashboard', planParam], queryFn: ({ signal }) => workplanApi.dashboard(planParam, signal) });

  if (view.isError) return <LoadError error={view.error} onRetry={() => view.refetch()} />;
  const d = view.data;
  if (!d) return <Skeleton active paragraph={{ rows: 12 }} />;
  const plan = d.plan;
  const list = (q: Record<string, string | number>) => `/workplan/assignments?${new URLSearchParams(Object.entries({ ...(plan ? { plan: plan.id } : {}), ...q }).map(([k, v]) => [k, String(v)])).toString()}`;
  const tasks = d.byTask.filter((x) => x.assigned > 0);
  const cell = new Map(d.board.map((c) => [`${c.orgId}|${c.taskId}`, c]));

  return (
    <>
      <PageHeader
        title={t('nav.wpDashboard')}
        subtitle={plan ? t('wp.dashSubtitle', { title: plan.title, today: formatDate(d.today) }) : t('wp.noPlans')}
        extra={
          <Select
            style={{ width: 320 }}
            value={plan?.id}
            aria-label={t('wp.plan')}
            onChange={(v) => setParams({ plan: String(v) })}
            options={d.plans.map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))}
          />
        }
      />
      {!plan ? (
        <Card>
          <Empty description={t('wp.noPlans')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {(
              [
                ['wp.kpi.assigned', d.totals.assigned, {}, undefined],
                ['wp.kpi.rate', d.totals.rate === null ? '—' : `${d.totals.rate}%`, { status: 'completed' }, undefined],
                ['wp.kpi.overdue', d.totals.overdue, { overdue: '1' }, RAG_COLOR.red],
                ['wp.kpi.atRisk', d.totals.atRisk, { rag: 'amber' }, RAG_COLOR.amber],
                ['wp.kpi.pending', d.totals.pendingReview, { pending: '1' }, undefined],
              ] as const
            ).map(([key, value, q, color]) => (
              <Col key={key} xs={12} md={8} xl={4} flex="auto">
                <Card size="small" hoverable onClick={() => navigate(list(q))}>
                  <Link to={list(q)} aria-label={t(key)}>
                    <Statistic title={t(key)} value={value} valueStyle={color ? { color } : undefined} />
                  </Link>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('wp.byTask')}>
                {tasks.length === 0 ? (
                  <Empty description={t('wp.notBrokenDown')} />
                ) : (
                  <EChart
                    height={Math.max(220, tasks.length * 34 + 60)}
                    label={t('wp.byTask')}
                    onClick={(item) => {
                      const task = tasks[item.dataIndex];
                      if (task) navigate(list({ task: task.taskId }));
                    }}
                    option={{
                      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                      legend: { top: 0 },
                      grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
                      xAxis: { type: 'value', minInterval: 1 },
                      yAxis: { type: 'category', inverse: true, data: tasks.map((x) => `${taskNo(x.seq)}${x.title}`), axisLabel: { width: 170, overflow: 'truncate' } },
                      series: [
                        { name: t('wp.status.completed'), type: 'bar', stack: 'a', color: RAG_COLOR.green, data: tasks.map((x) => x.completed) },
                        { name: t('wp.onTrackOpen'), type: 'bar', stack: 'a', color: '#1677ff', data: tasks.map((x) => x.assigned - x.completed - x.overdue - x.atRisk) },
                        { name: t('wp.rag.amber'), type: 'bar', stack: 'a', color: RAG_COLOR.amber, data: tasks.map((x) => x.atRisk) },
                        { name: t('wp.kpi.overdue'), type: 'bar', stack: 'a', color: RAG_COLOR.red, data: tasks.map((x) => x.overdue) },
                      ],
                    }}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('wp.byUnit')}>
                {d.byUnit.length === 0 ? (
                  <Empty description={t('wp.notBrokenDown')} />
                ) : (
                  <EChart
                    height={Math.max(220, d.byUnit.length * 30 + 60)}
                    label={t('wp.byUnit')}
                    onClick={(item) => {
                      const u = d.byUnit[item.dataIndex];
                      if (u) navigate(list({ org: u.orgId }));
                    }}
                    option={{
                      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${String(v)}%` },
                      grid: { left: 8, right: 40, top: 10, bottom: 8, containLabel: true },
                      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                      yAxis: { type: 'category', inverse: true, data: d.byUnit.map((u) => u.orgName), axisLabel: { width: 170, overflow: 'truncate' } },
                      series: [
                        {
                          name: t('wp.kpi.rate'),
                          type: 'bar',
                          data: d.byUnit.map((u) => ({ value: u.rate ?? 0, itemStyle: { color: u.overdue > 0 ? RAG_COLOR.red : u.atRisk > 0 ? RAG_COLOR.amber : RAG_COLOR.green } })),
                          label: { show: true, position: 'right', formatter: '{c}%' },
                        },
                      ],
                    }}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('wp.board')} extra={<Legend />}>
            <Table<Unit>
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={d.byUnit}
              scroll={{ x: 220 + tasks.length * 76 }}
              locale={{ emptyText: t('wp.notBrokenDown') }}
              columns={[
                {
                  title: t('wp.unit'),
                  key: 'unit',
                  fixed: 'left',
                  width: 220,
                  render: (_v, u) => (
                    <Flex vertical gap={0}>
                      <Link to={list({ org: u.orgId })}>{u.orgName}</Link>
                      <Typography.Text type="secondary" className="xz-small">
                        {t('wp.completedOf', { done: u.completed, total: u.assigned })}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                ...tasks.map((x) => ({
                  title: (
                    <Tooltip title={x.title}>
                      <span>{taskNo(x.seq)}</span>
                    </Tooltip>
                  ),
                  key: `t${x.taskId}`,
                  width: 76,
                  align: 'center' as const,
                  render: (_v: unknown, u: Unit) => {
                    const c = cell.get(`${u.orgId}|${x.taskId}`);
                    if (!c) return <span className="xz-muted" aria-label={t('wp.cellNone')}>·</span>;
                    return (
                      <Tooltip title={`${u.orgName} · ${taskNo(x.seq)}${x.title}：${ragName(t, c.rag)}（${c.count}）`}>
                        <Link
                          to={list({ org: u.orgId, task: x.taskId })}
                          aria-label={`${u.orgName} ${taskNo(x.seq)} ${ragName(t, c.rag)} ${c.count}`}
                          style={{ display: 'inline-block', minWidth: 40, padding: '2px 6px', borderRadius: 4, background: RAG_COLOR[c.rag], color: '#fff', fontWeight: 600 }}
                        >
                          {c.count}
                        </Link>
                      </Tooltip>
                    );
                  },
                })),
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('wp.overdueList', { n: d.overdue.length })} extra={d.overdue.length > 0 && <Link to={list({ overdue: '1' })}>{t('wp.seeAll')}</Link>}>
                <ItemList items={d.overdue} empty={t('wp.noneOverdue')} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('wp.atRiskList', { n: d.atRisk.length })} extra={d.atRisk.length > 0 && <Link to={list({ rag: 'amber' })}>{t('wp.seeAll')}</Link>}>
                <ItemList items={d.atRisk} empty={t('wp.noneAtRisk')} />
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap="wrap">
      {(['red', 'amber', 'green'] as const).map((r) => (
        <RagTag key={r} rag={r} />
      ))}
      <Typography.Text type="secondary" className="xz-small">
        {t('wp.boardHint')}
      </Typography.Text>
    </Flex>
  );
}

function ItemList({ items, empty }: { items: AssignmentSummary[]; empty: string }) {
  const { t } = useI18n();
  return (
    <Table<AssignmentSummary>
      rowKey="id"
      size="small"
      pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
      dataSource={items}
      locale={{ emptyText: empty }}
      columns={[
        { title: t('wp.assignmentTitle'), key: 'title', render: (_v, a) => <Link to={`/workplan/assignments/${a.id}`}>{a.title}</Link> },
        { title: t('wp.unit'), dataIndex: 'orgName', width: 170 },
        { title: t('wp.dueDate'), key: 'due', width: 150, render: (_v, a) => <Flex vertical gap={0}><span className="xz-num">{formatDate(a.dueDate)}</span><Typography.Text type={a.overdue ? 'danger' : 'warning'} className="xz-small">{dueText(t, a)}</Typography.Text></Flex> },
        { title: t('wp.progress'), key: 'p', width: 80, render: (_v, a) => <span className="xz-num">{a.percent}%</span> },
      ]}
    />
  );
}
