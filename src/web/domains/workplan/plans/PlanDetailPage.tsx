import { CopyOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Card, Checkbox, Descriptions, Flex, Form, Input, InputNumber, Modal, Popconfirm, Progress, Skeleton, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { useFormErrorHandler, useReportError } from '../../../app/errors';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { workplanApi, type AssignmentSummary, type PlanTask, type PlanView } from './api';
import { AssignmentDrawer } from './AssignmentDrawer';
import { AssignmentStatusTag, dueText, OfficialTag, PlanStatusTag, RagTag } from './labels';

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** （一）…（十二）, as the plan's text numbers its tasks. */
export const taskNo = (seq: number) => `（${CN_NUM[seq - 1] ?? seq}）`;

/** One plan: its document, goals and key tasks, each opening onto the units' assignments. */
export default function PlanDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const plan = useQuery({ queryKey: ['workplan-plan', id], queryFn: ({ signal }) => workplanApi.plan(id, signal), enabled: valid });
  const assignments = useQuery({ queryKey: ['workplan-assignments', { plan: id, all: true }], queryFn: ({ signal }) => workplanApi.list({ plan: id, page: 1, pageSize: 200 }, signal), enabled: valid });
  const [assignTo, setAssignTo] = useState<PlanTask | null>(null);
  const [copying, setCopying] = useState(false);
  const [addingTask, setAddingTask] = useState(false);
  const qc = useQueryClient();
  const report = useReportError();
  const { message } = AntdApp.useApp();
  const setStatus = useMutation({
    mutationFn: (status: 'issued' | 'closed') => workplanApi.updatePlan(id, { status }),
    onSuccess: (p) => qc.setQueryData(['workplan-plan', id], p),
    onError: report,
  });
  const upload = useMutation({
    mutationFn: (file: File) => workplanApi.uploadDocument(id, file),
    onSuccess: (p) => {
      qc.setQueryData(['workplan-plan', id], p);
      message.success(t('wp.documentSaved'));
    },
    onError: report,
  });

  if (!valid || isNotFound(plan.error)) return <RecordNotFound backTo="/workplan/plans" backLabel={t('wp.backToPlans')} />;
  if (plan.isError) return <LoadError error={plan.error} onRetry={() => plan.refetch()} />;
  const p = plan.data;
  if (!p) return <Skeleton active paragraph={{ rows: 10 }} />;
  const items = assignments.data?.items ?? [];

  return (
    <>
      <PageHeader
        back="/workplan/plans"
        title={p.title}
        tags={
          <Flex gap={4} wrap="wrap">
            <PlanStatusTag status={p.status} />
            {p.isOfficialText && <OfficialTag />}
            {p.isDemo && <DemoTag />}
          </Flex>
        }
        subtitle={[p.docNo, p.issuer, p.issueDate ? t('wp.issuedOn', { date: formatDate(p.issueDate) }) : null].filter(Boolean).join('　')}
        extra={
          <Flex gap={8} wrap="wrap">
            {p.actions.includes('issue') && (
              <Popconfirm title={t('wp.issueConfirm')} onConfirm={() => setStatus.mutate('issued')}>
                <Button type="primary">{t('wp.issue')}</Button>
              </Popconfirm>
            )}
            {p.actions.includes('close') && (
              <Popconfirm title={t('wp.closeConfirm')} onConfirm={() => setStatus.mutate('closed')}>
                <Button>{t('wp.close')}</Button>
              </Popconfirm>
            )}
            {p.actions.includes('copy') && (
              <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
                {t('wp.copyPlan')}
              </Button>
            )}
            <Link to={`/workplan/dashboard?plan=${p.id}`}>
              <Button>{t('nav.wpDashboard')}</Button>
            </Link>
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t('wp.planFacts')}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('wp.docNo')}>{p.docNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('wp.year')}>{p.year}</Descriptions.Item>
            <Descriptions.Item label={t('wp.issuer')}>{p.issuer}</Descriptions.Item>
            <Descriptions.Item label={t('wp.issueDate')}>{formatDate(p.issueDate) || '—'}</Descriptions.Item>
            {p.sourceNote && (
              <Descriptions.Item label={t('wp.source')} span={2}>
                <Flex gap={8} align="flex-start">
                  <OfficialTag />
                  <span className="xz-break">{p.sourceNote}</span>
                </Flex>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('wp.document')} span={2}>
              <Flex gap={8} align="center" wrap="wrap">
                {p.document ? (
                  <a href={workplanApi.documentUrl(p.id)}>
                    <DownloadOutlined /> {p.document.name}
                  </a>
                ) : (
                  <span className="xz-muted">{t('wp.noDocument')}</span>
                )}
                {p.document && <code className="xz-mono xz-small">SHA-256 {p.document.sha256.slice(0, 16)}…</code>}
                {p.actions.includes('document') && (
                  <Upload accept=".pdf,.docx,.jpg,.png" showUploadList={false} beforeUpload={(f) => (upload.mutate(f), false)}>
                    <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                      {p.document ? t('wp.replaceDocument') : t('wp.uploadDocument')}
                    </Button>
                  </Upload>
                )}
              </Flex>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {p.goals && (
          <Card size="small" title={t('wp.goals')}>
            <Typography.Paragraph className="xz-prewrap" style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
              {p.goals}
            </Typography.Paragraph>
          </Card>
        )}
        <Card
          size="small"
          title={t('wp.taskListN', { n: p.taskList.length })}
          extra={
            p.actions.includes('tasks') && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingTask(true)}>
                {t('wp.addTask')}
              </Button>
            )
          }
        >
          <Table<PlanTask>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={p.taskList}
            expandable={{
              expandRowByClick: false,
              expandedRowRender: (task) => <TaskAssignments plan={p} task={task} items={items.filter((a) => a.taskId === task.id)} onAssign={() => setAssignTo(task)} />,
            }}
            columns={[
              { title: t('wp.taskNo'), dataIndex: 'seq', width: 80, render: (v: number) => taskNo(v) },
              {
                title: t('wp.task'),
                key: 'title',
                render: (_v, task) => (
                  <Flex vertical gap={2}>
                    <Typography.Text strong>{task.title}</Typography.Text>
                    <Typography.Paragraph type="secondary" className="xz-small" ellipsis={{ rows: 2, tooltip: task.body }} style={{ marginBottom: 0 }}>
                      {task.body}
                    </Typography.Paragraph>
                  </Flex>
                ),
              },
              {
                title: t('wp.assignmentsCol'),
                key: 'assigned',
                width: 140,
                render: (_v, task) => (task.assigned ? <Link to={`/workplan/assignments?plan=${p.id}&task=${task.id}`}>{t('wp.nUnits', { n: task.assigned })}</Link> : <span className="xz-muted">{t('wp.notBrokenDown')}</span>),
              },
              {
                title: t('wp.completion'),
                key: 'completion',
                width: 180,
                render: (_v, task) => (task.assigned ? <Progress size="small" percent={Math.round((task.completed / task.assigned) * 100)} format={() => `${task.completed}/${task.assigned}`} /> : null),
              },
              {
                title: t('wp.overdue'),
                key: 'overdue',
                width: 80,
                render: (_v, task) => (task.overdue ? <Link to={`/workplan/assignments?plan=${p.id}&task=${task.id}&overdue=1`}><Typography.Text type="danger">{task.overdue}</Typography.Text></Link> : <span className="xz-muted">0</span>),
              },
            ]}
          />
        </Card>
      </Flex>
      {assignTo && <AssignmentDrawer taskId={assignTo.id} taskTitle={`${taskNo(assignTo.seq)}${assignTo.title}`} onClose={() => setAssignTo(null)} />}
      {copying && <CopyModal plan={p} onClose={() => setCopying(false)} />}
      {addingTask && <TaskModal planId={p.id} onClose={() => setAddingTask(false)} />}
    </>
  );
}

function TaskAssignments({ plan, task, items, onAssign }: { plan: PlanView; task: PlanTask; items: AssignmentSummary[]; onAssign: () => void }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph className="xz-break" style={{ marginBottom: 0 }}>
        {task.body}
      </Typography.Paragraph>
      <Table<AssignmentSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('wp.notBrokenDown') }}
        columns={[
          { title: t('wp.unit'), key: 'unit', width: 200, render: (_v, a) => a.orgName },
          { title: t('wp.assignmentTitle'), key: 'title', render: (_v, a) => <Link to={`/workplan/assignments/${a.id}`}>{a.title}</Link> },
          { title: t('wp.dueDate'), key: 'due', width: 150, render: (_v, a) => <span className="xz-num">{formatDate(a.dueDate)}</span> },
          { title: t('wp.progress'), key: 'percent', width: 140, render: (_v, a) => <Progress size="small" percent={a.percent} /> },
          { title: t('common.status'), key: 'status', width: 170, render: (_v, a) => <Flex gap={4} wrap="wrap"><AssignmentStatusTag status={a.status} /><RagTag rag={a.rag} /><span className="xz-small xz-muted">{dueText(t, a)}</span></Flex> },
        ]}
      />
      {plan.actions.includes('assign') && (
        <div>
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={onAssign}>
            {t('wp.assignTask')}
          </Button>
        </div>
      )}
    </Flex>
  );
}

function CopyModal({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const copy = useMutation({
    mutationFn: (v: { year: number; title?: string; withAssignments: boolean }) => workplanApi.copyPlan(plan.id, { year: v.year, ...(v.title ? { title: v.title } : {}), withAssignments: v.withAssignments }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['workplan-plans'] });
      navigate(`/workplan/plans/${p.id}`);
    },
    onError,
  });
  const year = new Date().getFullYear() + 1;
  return (
    <Modal open title={t('wp.copyPlan')} okText={t('wp.copy')} onOk={() => form.submit()} confirmLoading={copy.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('wp.copyHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year, withAssignments: true, title: plan.title.replace(String(plan.year), String(year)) }} onFinish={(v) => copy.mutate(v)}>
        <Form.Item name="year" label={t('wp.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={t('wp.planTitle')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="withAssignments" valuePropName="checked">
          <Checkbox>{t('wp.copyAssignments')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TaskModal({ planId, onClose }: { planId: number; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: (v: { title: string; body?: string; leadUnits?: string }) => workplanApi.addTask(planId, { title: v.title, body: v.body ?? '', ...(v.leadUnits ? { leadUnits: v.leadUnits } : {}) }),
    onSuccess: (p) => {
      qc.setQueryData(['workplan-plan', planId], p);
      onClose();
    },
    onError,
  });
  return (
    <Modal open title={t('wp.addTask')} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="title" label={t('wp.task')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('wp.taskBody')}>
          <Input.TextArea rows={5} maxLength={8000} />
        </Form.Item>
        <Form.Item name="leadUnits" label={t('wp.leadUnits')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
