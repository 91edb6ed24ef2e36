import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Progress, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFormErrorHandler } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { workplanApi, type PlanSummary } from './api';
import { OfficialTag, PlanStatusTag } from './labels';

/** 工作方案: the yearly plans, newest first, with how far their assignments have got. */
export default function PlanListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useQuery({ queryKey: ['workplan-plans'], queryFn: ({ signal }) => workplanApi.plans(signal) });
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('nav.wpPlans')}
        subtitle={t('wp.plansSubtitle')}
        extra={
          can('workplan.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('wp.newPlan')}
            </Button>
          )
        }
      />
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<PlanSummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <EmptyState description={t('wp.noPlans')} /> }}
            columns={[
              { title: t('wp.year'), dataIndex: 'year', width: 80, render: (v: number) => <span className="xz-num">{v}</span> },
              {
                title: t('wp.planTitle'),
                key: 'title',
                render: (_v, p) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Link to={`/workplan/plans/${p.id}`}>{p.title}</Link>
                    <Flex gap={4} wrap="wrap">
                      {p.docNo && <Typography.Text type="secondary" className="xz-small">{p.docNo}</Typography.Text>}
                      {p.isOfficialText && <OfficialTag />}
                      {p.isDemo && <DemoTag inList />}
                    </Flex>
                  </Flex>
                ),
              },
              { title: t('common.status'), dataIndex: 'status', width: 100, render: (_v, p) => <PlanStatusTag status={p.status} /> },
              { title: t('wp.tasks'), dataIndex: 'tasks', width: 90, render: (v: number) => <span className="xz-num">{v}</span> },
              {
                title: t('wp.completion'),
                key: 'completion',
                width: 220,
                render: (_v, p) =>
                  p.assigned ? (
                    <Flex vertical gap={0}>
                      <Progress percent={Math.round((p.completed / p.assigned) * 100)} size="small" />
                      <Typography.Text type="secondary" className="xz-small">
                        {t('wp.completedOf', { done: p.completed, total: p.assigned })}
                      </Typography.Text>
                    </Flex>
                  ) : (
                    <span className="xz-muted">{t('wp.noAssignments')}</span>
                  ),
              },
              {
                title: t('wp.overdue'),
                dataIndex: 'overdue',
                width: 90,
                render: (v: number, p) => (v ? <Link to={`/workplan/assignments?plan=${p.id}&overdue=1`}><Typography.Text type="danger">{v}</Typography.Text></Link> : <span className="xz-muted">0</span>),
              },
            ]}
          />
        )}
      </Card>
      {creating && <NewPlanModal onClose={() => setCreating(false)} />}
    </>
  );
}

function NewPlanModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: { year: number; title: string; docNo?: string; issueDate?: Dayjs; goals?: string }) =>
      workplanApi.createPlan({ year: v.year, title: v.title, ...(v.docNo ? { docNo: v.docNo } : {}), ...(v.issueDate ? { issueDate: v.issueDate.format('YYYY-MM-DD') } : {}), goals: v.goals ?? '' }),
    onSuccess: (plan) => {
      void qc.invalidateQueries({ queryKey: ['workplan-plans'] });
      navigate(`/workplan/plans/${plan.id}`);
    },
    onError,
  });
  const year = new Date().getFullYear();
  return (
    <Modal open title={t('wp.newPlan')} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year, title: `信阳市推动知识产权高质量发展${year}年度重点工作方案` }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="year" label={t('wp.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={t('wp.planTitle')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="docNo" label={t('wp.docNo')} extra={t('wp.docNoHint')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="issueDate" label={t('wp.issueDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="goals" label={t('wp.goals')}>
          <Input.TextArea rows={4} maxLength={8000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
