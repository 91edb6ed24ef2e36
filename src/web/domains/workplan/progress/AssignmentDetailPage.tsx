import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Image, Input, Modal, Progress, Row, Skeleton, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { useFormErrorHandler } from '../../../app/errors';
import { formatDate, formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import type { ChainEntry } from '../../protection/api';
import { HistoryTimeline } from '../../protection/reports/HistoryTimeline';
import { DemoTag } from '../../registry/common/labels';
import { workplanApi, type AssignmentDetail, type IndicatorView, type ProgressView } from '../plans/api';
import { AssignmentDrawer } from '../plans/AssignmentDrawer';
import { AssignmentStatusTag, assignmentStatusName, dueText, RagTag, ReportStatusTag } from '../plans/labels';
import { taskNo } from '../plans/PlanDetailPage';
import { ReportModal } from './ReportModal';

const drillHref = (d: NonNullable<IndicatorView['drill']>) => `${d.path}?${new URLSearchParams(d.query).toString()}`;

/** One assignment: what is asked, how it is measured, how far it got, the reports and their review, its sealed history. */
export default function AssignmentDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const result = useQuery({ queryKey: ['workplan-assignment', id], queryFn: ({ signal }) => workplanApi.get(id, signal), enabled: valid });
  const [dialog, setDialog] = useState<'report' | 'edit' | 'cancel' | null>(null);
  const [review, setReview] = useState<{ report: ProgressView; decision: 'accept' | 'return' } | null>(null);

  if (!valid || isNotFound(result.error)) return <RecordNotFound backTo="/workplan/assignments" backLabel={t('wp.backToAssignments')} />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => result.refetch()} />;
  const a = result.data;
  if (!a) return <Skeleton active paragraph={{ rows: 10 }} />;
  const pending = a.reports.find((r) => r.status === 'submitted');
  const lastReturned = a.reports[0]?.status === 'returned' ? a.reports[0] : undefined;

  return (
    <>
      <PageHeader
        back="/workplan/assignments"
        title={a.title}
        tags={
          <Flex gap={4} wrap="wrap">
            <AssignmentStatusTag status={a.status} />
            <RagTag rag={a.rag} />
            {a.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={`${a.planYear} · ${taskNo(a.taskSeq)}${a.taskTitle} · ${a.orgName}`}
        extra={
          <Flex gap={8} wrap="wrap">
            {a.actions.includes('report') && (
              <Button type="primary" onClick={() => setDialog('report')}>
                {lastReturned ? t('wp.reportAgain') : t('wp.reportProgress')}
              </Button>
            )}
            {a.actions.includes('review') && pending && (
              <>
                <Button type="primary" onClick={() => setReview({ report: pending, decision: 'accept' })}>
                  {t('wp.accept')}
                </Button>
                <Button danger onClick={() => setReview({ report: pending, decision: 'return' })}>
                  {t('wp.return')}
                </Button>
              </>
            )}
            {a.actions.includes('edit') && <Button onClick={() => setDialog('edit')}>{t('wp.edit')}</Button>}
            {a.actions.includes('cancel') && (
              <Button danger type="text" onClick={() => setDialog('cancel')}>
                {t('wp.cancelAssignment')}
              </Button>
            )}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <StatusNote a={a} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('wp.requirements')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.requirements || t('wp.noRequirements')}</Typography.Paragraph>
                <Typography.Paragraph type="secondary" className="xz-small" ellipsis={{ rows: 2, expandable: true, symbol: t('wp.more') }} style={{ marginBottom: 0 }}>
                  {t('wp.taskText')}：{a.taskBody}
                </Typography.Paragraph>
              </Card>
              <Card size="small" title={t('wp.indicators')}>
                <Indicators a={a} />
              </Card>
              <Card size="small" title={t('wp.reportsN', { n: a.reports.length })}>
                {a.reports.length === 0 ? (
                  <Typography.Text type="secondary">{t('wp.noReports')}</Typography.Text>
                ) : (
                  <Flex vertical gap={12}>
                    {a.reports.map((r) => (
                      <ReportCard key={r.id} a={a} r={r} onReview={(decision) => setReview({ report: r, decision })} />
                    ))}
                  </Flex>
                )}
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('wp.facts')}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('wp.unit')}>{a.orgName}</Descriptions.Item>
                  <Descriptions.Item label={t('wp.area')}>{a.areaName}</Descriptions.Item>
                  <Descriptions.Item label={t('wp.plan')}>
                    <Link to={`/workplan/plans/${a.planId}`}>{a.planTitle}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('wp.startDate')}>{formatDate(a.startDate) || '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('wp.dueDate')}>
                    <Flex gap={6} wrap="wrap">
                      <span className="xz-num">{formatDate(a.dueDate)}</span>
                      <Typography.Text type={a.overdue ? 'danger' : 'secondary'}>{dueText(t, a)}</Typography.Text>
                    </Flex>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('wp.progress')}>
                    <Flex vertical style={{ width: '100%' }}>
                      <Progress percent={a.percent} status={a.rag === 'red' ? 'exception' : a.status === 'completed' ? 'success' : 'normal'} />
                      <Typography.Text type="secondary" className="xz-small">
                        {t('wp.expectedHint', { n: a.expectedPercent })}
                      </Typography.Text>
                    </Flex>
                  </Descriptions.Item>
                  {a.completedAt && <Descriptions.Item label={t('wp.completedAt')}>{formatDateTime(a.completedAt)}</Descriptions.Item>}
                  {a.cancelReason && <Descriptions.Item label={t('wp.cancelReason')}>{a.cancelReason}</Descriptions.Item>}
                </Descriptions>
              </Card>
              <Card size="small" title={t('wp.milestones')}>
                {a.milestones.length === 0 ? (
                  <Typography.Text type="secondary">{t('wp.noMilestones')}</Typography.Text>
                ) : (
                  <Steps
                    direction="vertical"
                    size="small"
                    items={a.milestones.map((m) => ({
                      title: m.title,
                      status: m.doneAt ? 'finish' : m.overdue ? 'error' : 'wait',
                      description: m.doneAt ? t('wp.milestoneDone', { date: formatDate(m.doneAt) }) : t('wp.milestoneDue', { date: formatDate(m.dueDate) }),
                    }))}
                  />
                )}
              </Card>
              <Card size="small" title={t('wp.history')} extra={<Typography.Text type="secondary" className="xz-small">{t('prd.historyHint')}</Typography.Text>}>
                <HistoryTimeline entries={a.history} statusName={(s) => assignmentStatusName(t, s)} describeEntry={(e) => describe(e, t)} submittedLabel={t('wp.hist.created')} />
              </Card>
            </Flex>
          </Col>
        </Row>
      </Flex>
      {dialog === 'report' && <ReportModal a={a} returned={lastReturned} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <AssignmentDrawer taskId={a.taskId} taskTitle={`${taskNo(a.taskSeq)}${a.taskTitle}`} editing={a} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CommentModal a={a} kind="cancel" onClose={() => setDialog(null)} />}
      {review && <CommentModal a={a} kind={review.decision} report={review.report} onClose={() => setReview(null)} />}
    </>
  );
}

type T = ReturnType<typeof useI18n>['t'];

/** The history's own words: reports, reviews and edits carry an event rather than a status change. */
function describe(e: ChainEntry, t: T): { title: string; lines: string[] } | undefined {
  const p = e.payload as Record<string, unknown>;
  const lines: string[] = [];
  if (typeof p.comment === 'string') lines.push(t('wp.hist.comment', { text: p.comment }));
  if (typeof p.to === 'string' && typeof p.from === 'string' && p.event) lines.push(`${assignmentStatusName(t, p.from)} → ${assignmentStatusName(t, p.to)}`);
  switch (p.event) {
    case 'report':
      if (typeof p.percent === 'number') lines.unshift(t('wp.hist.percent', { n: p.percent }));
      if (typeof p.files === 'number' && p.files > 0) lines.push(t('wp.hist.files', { n: p.files }));
      return { title: p.final ? t('wp.hist.finalReport', { n: Number(p.report) }) : t('wp.hist.report', { n: Number(p.report) }), lines };
    case 'accept':
      if (typeof p.percent === 'number') lines.unshift(t('wp.hist.percent', { n: p.percent }));
      return { title: t('wp.hist.accept', { n: Number(p.report) }), lines };
    case 'return':
      return { title: t('wp.hist.return', { n: Number(p.report) }), lines };
    case 'edit':
      if (typeof p.dueDate === 'string') lines.push(t('wp.hist.due', { date: p.dueDate }));
      return { title: t('wp.hist.edit'), lines };
    default:
      if (p.from === null || p.from === undefined) {
        if (typeof p.unit === 'string') lines.push(t('wp.hist.unit', { unit: p.unit }));
        if (typeof p.dueDate === 'string') lines.push(t('wp.hist.due', { date: p.dueDate }));
        if (typeof p.copiedFrom === 'number') lines.push(t('wp.hist.copied'));
        return { title: t('wp.hist.created'), lines };
      }
      if (p.to === 'cancelled') return { title: t('wp.hist.cancelled'), lines: typeof p.reason === 'string' ? [t('wp.hist.comment', { text: p.reason })] : [] };
      return undefined;
  }
}

function StatusNote({ a }: { a: AssignmentDetail }) {
  const { t } = useI18n();
  const pending = a.reports.find((r) => r.status === 'submitted');
  const returned = a.reports[0]?.status === 'returned' ? a.reports[0] : undefined;
  if (a.status === 'completed') return <Alert type="success" showIcon message={t('wp.note.completed', { date: formatDate(a.completedAt) })} />;
  if (a.status === 'cancelled') return <Alert type="info" showIcon message={t('wp.note.cancelled')} />;
  if (pending) return <Alert type="info" showIcon message={a.actions.includes('review') ? t('wp.note.reviewNow', { n: pending.seq }) : t('wp.note.waiting', { n: pending.seq })} />;
  if (returned) return <Alert type="warning" showIcon message={t('wp.note.returned', { n: returned.seq })} description={returned.reviewComment} />;
  if (a.planClosed) return <Alert type="warning" showIcon message={t('wp.note.unfinishedAtClose')} />;
  if (a.overdue) return <Alert type="error" showIcon message={t('wp.note.overdue', { n: -a.daysLeft })} />;
  if (a.rag === 'amber') return <Alert type="warning" showIcon message={t('wp.note.atRisk', { n: a.expectedPercent })} />;
  return null;
}

function Indicators({ a }: { a: AssignmentDetail }) {
  const { t } = useI18n();
  if (a.indicators.length === 0) return <Typography.Text type="secondary">{t('wp.noIndicators')}</Typography.Text>;
  return (
    <Table<IndicatorView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={a.indicators}
      columns={[
        { title: t('wp.indicatorName'), dataIndex: 'name' },
        { title: t('wp.target'), key: 'target', width: 110, render: (_v, i) => <span className="xz-num">{formatNumber(i.target)} {i.unit}</span> },
        {
          title: t('wp.actual'),
          key: 'actual',
          width: 190,
          render: (_v, i) => (
            <Flex vertical gap={0}>
              <span className="xz-num">{i.actual === null ? '—' : `${formatNumber(i.actual)} ${i.unit}`}</span>
              {i.source === 'metric' && (
                <Typography.Text type="secondary" className="xz-small">
                  {t('wp.fromPlatform', { name: i.metricName ?? '' })}
                  {i.drill && (
                    <>
                      {' · '}
                      <Link to={drillHref(i.drill)}>{t('wp.drill')}</Link>
                    </>
                  )}
                </Typography.Text>
              )}
              {i.source === 'report' && <Typography.Text type="secondary" className="xz-small">{t('wp.fromReport')}</Typography.Text>}
            </Flex>
          ),
        },
        { title: t('wp.progress'), key: 'percent', width: 150, render: (_v, i) => (i.percent === null ? <span className="xz-muted">—</span> : <Progress size="small" percent={i.percent} />) },
      ]}
    />
  );
}

function ReportCard({ a, r, onReview }: { a: AssignmentDetail; r: ProgressView; onReview: (d: 'accept' | 'return') => void }) {
  const { t } = useI18n();
  const images = r.files.filter((f) => f.mime.startsWith('image/'));
  const others = r.files.filter((f) => !f.mime.startsWith('image/'));
  const figures = a.indicators.filter((i) => r.figures[String(i.id)] !== undefined);
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Flex gap={8} align="center" wrap="wrap">
          <span>{r.final ? t('wp.finalReportN', { n: r.seq }) : t('wp.reportN', { n: r.seq })}</span>
          <ReportStatusTag status={r.status} />
          <Tag>{t('wp.percentTag', { n: r.percent })}</Tag>
        </Flex>
      }
      extra={
        <Typography.Text type="secondary" className="xz-small">
          {r.submittedBy ?? '—'} · {formatDateTime(r.submittedAt)}
        </Typography.Text>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>
      {figures.length > 0 && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          {figures.map((i) => (
            <Descriptions.Item key={i.id} label={i.name}>
              <span className="xz-num">
                {formatNumber(r.figures[String(i.id)])} {i.unit}
              </span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap="wrap" style={{ marginBottom: 8 }}>
            {images.map((f) => (
              <Image key={f.id} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} src={workplanApi.fileUrl(a.id, r.id, f.id)} alt={f.name} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {r.files.length > 0 && (
        <Flex vertical gap={2}>
          {[...images, ...others].map((f) => (
            <a key={f.id} href={workplanApi.fileUrl(a.id, r.id, f.id)} className="xz-small">
              📎 {f.name}
            </a>
          ))}
        </Flex>
      )}
      {r.reviewedAt && (
        <Alert
          style={{ marginTop: 8 }}
          type={r.status === 'accepted' ? 'success' : 'warning'}
          message={r.status === 'accepted' ? t('wp.acceptedBy', { who: r.reviewedBy ?? '—', at: formatDateTime(r.reviewedAt) }) : t('wp.returnedBy', { who: r.reviewedBy ?? '—', at: formatDateTime(r.reviewedAt) })}
          description={r.reviewComment ?? undefined}
        />
      )}
      {r.status === 'submitted' && a.actions.includes('review') && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Button type="primary" size="small" onClick={() => onReview('accept')}>
            {t('wp.accept')}
          </Button>
          <Button danger size="small" onClick={() => onReview('return')}>
            {t('wp.return')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/** Accept (optional comment), return (comment required) or cancel (reason required). */
function CommentModal({ a, kind, report, onClose }: { a: AssignmentDetail; kind: 'accept' | 'return' | 'cancel'; report?: ProgressView; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment?: string }>();
  const onError = useFormErrorHandler(form);
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: (comment: string | undefined) =>
      kind === 'cancel' ? workplanApi.cancel(a.id, comment ?? '') : kind === 'return' ? workplanApi.returnReport(a.id, report?.id ?? 0, comment ?? '') : workplanApi.accept(a.id, report?.id ?? 0, comment),
    onSuccess: (v) => {
      qc.setQueryData(['workplan-assignment', a.id], v);
      void qc.invalidateQueries({ queryKey: ['workplan-assignments'] });
      onClose();
    },
    onError,
  });
  const required = kind !== 'accept';
  const title = kind === 'cancel' ? t('wp.cancelAssignment') : kind === 'return' ? t('wp.returnTitle', { n: report?.seq ?? 0 }) : t('wp.acceptTitle', { n: report?.seq ?? 0 });
  return (
    <Modal open title={title} okText={kind === 'accept' ? t('wp.accept') : kind === 'return' ? t('wp.return') : t('wp.cancelAssignment')} okButtonProps={{ danger: kind !== 'accept' }} onOk={() => form.submit()} confirmLoading={run.isPending} onCancel={onClose} destroyOnHidden>
      {kind === 'accept' && report?.final && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('wp.acceptFinalHint')} />}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v.comment?.trim() || undefined)}>
        <Form.Item name="comment" label={kind === 'cancel' ? t('wp.cancelReason') : t('wp.reviewComment')} rules={required ? [{ required: true, whitespace: true, message: kind === 'cancel' ? t('wp.cancelReasonRequired') : t('wp.commentRequired') }] : []}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={kind === 'return' ? t('wp.returnPlaceholder') : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
