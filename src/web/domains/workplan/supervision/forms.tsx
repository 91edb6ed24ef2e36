import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useFormErrorHandler } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { supervisionApi, type Unit } from './api';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const notPast = (d: Dayjs) => d.isBefore(dayjs().startOf('day'));

/** Units grouped as the plan knows them: county/district/zone desks, then partner departments. */
export function UnitSelect({ value, onChange, mode, only, disabled }: { value?: string | string[]; onChange?: (v: never) => void; mode?: 'multiple'; only?: string[]; disabled?: boolean }) {
  const { t } = useI18n();
  const units = useQuery({ queryKey: ['supervision-units'], queryFn: ({ signal }) => supervisionApi.units(signal), staleTime: 300_000 });
  const items = (units.data?.items ?? []).filter((u) => !only || only.includes(u.id));
  const group = (kind: string, label: string) => ({ label, options: items.filter((u) => u.kind === kind).map((u: Unit) => ({ value: u.id, label: u.name })) });
  return (
    <Select
      showSearch
      optionFilterProp="label"
      mode={mode}
      value={value as never}
      onChange={onChange}
      disabled={disabled}
      loading={units.isLoading}
      placeholder={t('sup.f.unitPlaceholder')}
      options={[group('area_desk', t('sup.f.unitsArea')), group('partner', t('sup.f.unitsPartner'))].filter((g) => g.options.length > 0)}
    />
  );
}

interface ModalProps<T> {
  open: boolean;
  onClose: () => void;
  onDone: (result: T) => void;
}

/** 下发督办: the unit, the overdue assignments it concerns, the matters and the reply asked for. */
export function IssueNoticeModal({ open, onClose, onDone, preset }: ModalProps<{ id: number }> & { preset?: { orgId: string; assignmentIds: number[] } }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const [busy, setBusy] = useState(false);
  const overdue = useQuery({ queryKey: ['supervision-overdue'], queryFn: ({ signal }) => supervisionApi.overdue(signal), enabled: open });
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const options = (overdue.data?.items ?? []).filter((a) => a.unit.id === orgId).map((a) => ({ value: a.id, label: `${a.title}（${t('sup.f.dueOverdue', { date: a.dueDate, n: a.daysOverdue })}）` }));
  return (
    <Modal
      open={open}
      title={t('sup.issueNotice')}
      width={720}
      okText={t('sup.issue')}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ orgId: preset?.orgId, assignmentIds: preset?.assignmentIds ?? [], issueDate: dayjs(), replyDue: dayjs().add(10, 'day'), replyContent: t('sup.f.replyContentDefault') }}
        onFinish={(v) => {
          setBusy(true);
          supervisionApi
            .issueNotice({ orgId: v.orgId, assignmentIds: v.assignmentIds ?? [], issues: v.issues, requirement: v.requirement, replyContent: v.replyContent, issueDate: day(v.issueDate), replyDue: day(v.replyDue) as string })
            .then(onDone, onError)
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item name="orgId" label={t('sup.f.unit')} rules={[{ required: true, message: t('sup.f.required') }]}>
          <UnitSelect onChange={() => form.setFieldValue('assignmentIds', [])} />
        </Form.Item>
        <Form.Item name="assignmentIds" label={t('sup.f.assignments')} extra={orgId && options.length === 0 ? t('sup.f.noOverdue') : undefined}>
          <Select mode="multiple" options={options} placeholder={t('sup.f.assignmentsPlaceholder')} disabled={!orgId} />
        </Form.Item>
        <Form.Item name="issues" label={t('sup.f.issues')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="requirement" label={t('sup.f.requirement')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="replyContent" label={t('sup.f.replyContent')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="issueDate" label={t('sup.f.issueDate')} rules={[{ required: true, message: t('sup.f.required') }]}>
            <DatePicker style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="replyDue"
            label={t('sup.f.replyDue')}
            dependencies={['issueDate']}
            rules={[
              { required: true, message: t('sup.f.required') },
              ({ getFieldValue }) => ({ validator: (_r, v: Dayjs | undefined) => (v && getFieldValue('issueDate') && v.isBefore(getFieldValue('issueDate'), 'day') ? Promise.reject(new Error(t('sup.f.replyDueBefore'))) : Promise.resolve()) }),
            ]}
          >
            <DatePicker style={{ width: 180 }} disabledDate={notPast} />
          </Form.Item>
        </Flex>
        <Typography.Text type="secondary" className="xz-small">
          {t('sup.f.mailNote')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}

/** 通报: praise or criticism, the units named and why, who it is sent to. */
export function CircularModal({ open, onClose, onDone }: ModalProps<{ id: number }>) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) as 'praise' | 'criticism' | undefined;
  const to = Form.useWatch('circulateTo', form) as 'all' | 'listed' | undefined;
  return (
    <Modal open={open} title={t('sup.newCircular')} width={720} okText={t('sup.issue')} confirmLoading={busy} onCancel={onClose} destroyOnHidden onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'criticism', circulateTo: 'all', circularDate: dayjs(), unitIds: [] }}
        onFinish={(v) => {
          setBusy(true);
          const reasons = (v.reasons ?? '') as string;
          supervisionApi
            .issueCircular({
              kind: v.kind,
              title: v.title,
              body: v.body,
              circularDate: day(v.circularDate),
              units: (v.unitIds as string[]).map((orgId) => ({ orgId, reason: reasons || undefined })),
              circulateTo: v.circulateTo,
              recipients: v.circulateTo === 'listed' ? (v.recipients ?? []) : [],
            })
            .then(onDone, onError)
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item name="kind" label={t('sup.f.kind')}>
          <Radio.Group optionType="button" options={[{ value: 'criticism', label: t('sup.circularKind.criticism') }, { value: 'praise', label: t('sup.circularKind.praise') }]} />
        </Form.Item>
        <Form.Item name="title" label={t('sup.f.title')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input maxLength={200} placeholder={kind === 'praise' ? t('sup.f.titlePraise') : t('sup.f.titleCriticism')} />
        </Form.Item>
        <Form.Item name="unitIds" label={kind === 'praise' ? t('sup.f.unitsPraised') : t('sup.f.unitsCriticised')} rules={[{ required: true, type: 'array', min: 1, message: t('sup.f.required') }]}>
          <UnitSelect mode="multiple" />
        </Form.Item>
        <Form.Item name="reasons" label={kind === 'praise' ? t('sup.f.reasonPraise') : t('sup.f.reasonCriticism')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="body" label={t('sup.f.body')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input.TextArea rows={5} maxLength={8000} showCount />
        </Form.Item>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="circularDate" label={t('sup.f.circularDate')}>
            <DatePicker style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="circulateTo" label={t('sup.f.circulateTo')}>
            <Radio.Group options={[{ value: 'all', label: t('sup.f.toAll') }, { value: 'listed', label: t('sup.f.toListed') }]} />
          </Form.Item>
        </Flex>
        {to === 'listed' && (
          <Form.Item name="recipients" label={t('sup.f.recipients')} rules={[{ required: true, type: 'array', min: 1, message: t('sup.f.required') }]}>
            <UnitSelect mode="multiple" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 约谈记录: who was interviewed by whom, when and where, the issues and the commitments. */
export function InterviewModal({ open, onClose, onDone }: ModalProps<{ id: number }>) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={t('sup.newInterview')} width={720} okText={t('common.save')} confirmLoading={busy} onCancel={onClose} destroyOnHidden onOk={() => form.submit()}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('sup.f.interviewNote')} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ heldAt: dayjs().startOf('hour'), followUpDue: dayjs().add(30, 'day') }}
        onFinish={(v) => {
          setBusy(true);
          supervisionApi
            .recordInterview({ orgId: v.orgId, interviewees: v.interviewees, interviewers: v.interviewers, heldAt: (v.heldAt as Dayjs).toISOString(), place: v.place, issues: v.issues, commitments: v.commitments, followUpDue: day(v.followUpDue) as string })
            .then(onDone, onError)
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item name="orgId" label={t('sup.f.interviewedUnit')} rules={[{ required: true, message: t('sup.f.required') }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="interviewees" label={t('sup.f.interviewees')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input maxLength={500} placeholder={t('sup.f.intervieweesPlaceholder')} />
        </Form.Item>
        <Form.Item name="interviewers" label={t('sup.f.interviewers')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="heldAt" label={t('sup.f.heldAt')} rules={[{ required: true, message: t('sup.f.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="place" label={t('sup.f.place')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
            <Input maxLength={200} style={{ width: 320 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="issues" label={t('sup.f.issuesRaised')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="commitments" label={t('sup.f.commitments')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="followUpDue" label={t('sup.f.followUpDue')} rules={[{ required: true, message: t('sup.f.required') }]}>
          <DatePicker style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 整改事项 for one of the units a notice, a criticism or an interview concerns. */
export function RectificationModal({ open, onClose, onDone, source, units }: ModalProps<{ id: number }> & { source: { kind: 'notice' | 'circular' | 'interview'; id: number; ref: string }; units: string[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={t('sup.newRectification')} width={600} okText={t('sup.issue')} confirmLoading={busy} onCancel={onClose} destroyOnHidden onOk={() => form.submit()}>
      <Typography.Paragraph type="secondary">{t('sup.f.fromSource', { ref: source.ref })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ orgId: units.length === 1 ? units[0] : undefined, deadline: dayjs().add(30, 'day') }}
        onFinish={(v) => {
          setBusy(true);
          supervisionApi
            .createRectification({ sourceKind: source.kind, sourceId: source.id, orgId: v.orgId, description: v.description, deadline: day(v.deadline) as string })
            .then(onDone, onError)
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item name="orgId" label={t('sup.f.responsibleUnit')} rules={[{ required: true, message: t('sup.f.required') }]}>
          <UnitSelect only={units} />
        </Form.Item>
        <Form.Item name="description" label={t('sup.f.rectDescription')} rules={[{ required: true, whitespace: true, message: t('sup.f.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('sup.f.deadline')} rules={[{ required: true, message: t('sup.f.required') }]}>
          <DatePicker style={{ width: 180 }} disabledDate={notPast} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One step with a text (reply, return reason, follow-up…), an optional new deadline and an optional "close" box. */
export function TextStepModal<T>({
  open,
  title,
  label,
  required,
  deadlineLabel,
  closeLabel,
  okText,
  onClose,
  run,
  onDone,
}: ModalProps<T> & { title: string; label: string; required: boolean; deadlineLabel?: string; closeLabel?: string; okText?: string; run: (v: { text?: string; deadline?: string; close?: boolean }) => Promise<T> }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const onError = useFormErrorHandler(form);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={title} width={600} okText={okText ?? t('sup.submit')} confirmLoading={busy} onCancel={onClose} destroyOnHidden onOk={() => form.submit()}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => {
          setBusy(true);
          run({ text: v.text?.trim() || undefined, deadline: day(v.deadline), close: v.close })
            .then(onDone, onError)
            .finally(() => setBusy(false));
        }}
      >
        <Form.Item name="text" label={label} rules={required ? [{ required: true, whitespace: true, message: t('sup.f.required') }] : []}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        {deadlineLabel && (
          <Form.Item name="deadline" label={deadlineLabel}>
            <DatePicker style={{ width: 180 }} disabledDate={notPast} />
          </Form.Item>
        )}
        {closeLabel && (
          <Form.Item name="close" valuePropName="checked">
            <Checkbox>{closeLabel}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
