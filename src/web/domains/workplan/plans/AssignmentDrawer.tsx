import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useFormErrorHandler } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { workplanApi, type AssignmentDetail, type CreateAssignmentBody } from './api';

interface Values {
  orgId: string;
  title: string;
  requirements?: string;
  startDate?: Dayjs;
  dueDate: Dayjs;
  indicators?: Array<{ id?: number; name: string; unit: string; target: number; metric?: string }>;
  milestones?: Array<{ id?: number; title: string; dueDate: Dayjs }>;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * The city office's form for a unit's share of a task: who, what, by when, measured how
 * (indicators: target and unit, optionally fed by the platform's own figures) and the milestones.
 */
export function AssignmentDrawer({ taskId, taskTitle, editing, onClose, onSaved }: { taskId: number; taskTitle: string; editing?: AssignmentDetail; onClose: () => void; onSaved?: (a: AssignmentDetail) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrorHandler(form);
  const qc = useQueryClient();
  const units = useQuery({ queryKey: ['workplan-units'], queryFn: ({ signal }) => workplanApi.units(signal), staleTime: 300_000 });
  const metrics = useQuery({ queryKey: ['workplan-metrics'], queryFn: ({ signal }) => workplanApi.metrics(signal), staleTime: 300_000 });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        requirements: v.requirements ?? '',
        ...(v.startDate ? { startDate: day(v.startDate) } : {}),
        dueDate: day(v.dueDate),
        indicators: (v.indicators ?? []).map((i) => ({ ...(i.id ? { id: i.id } : {}), name: i.name, unit: i.unit, target: i.target, ...(i.metric ? { metric: i.metric as NonNullable<CreateAssignmentBody['indicators']>[number]['metric'] } : {}) })),
        milestones: (v.milestones ?? []).map((m) => ({ ...(m.id ? { id: m.id } : {}), title: m.title, dueDate: day(m.dueDate) })),
      };
      return editing ? workplanApi.update(editing.id, body) : workplanApi.create({ ...body, taskId, orgId: v.orgId });
    },
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['workplan-plan'] });
      void qc.invalidateQueries({ queryKey: ['workplan-assignments'] });
      void qc.invalidateQueries({ queryKey: ['workplan-assignment', a.id] });
      onSaved?.(a);
      onClose();
    },
    onError,
  });

  const kindLabel = (k: string) => (k === 'area_desk' ? t('wp.unitKind.area_desk') : k === 'partner' ? t('wp.unitKind.partner') : t('wp.unitKind.city_office'));
  const groups = ['area_desk', 'partner', 'city_office'].map((k) => ({
    label: kindLabel(k),
    options: (units.data?.items ?? []).filter((u) => u.kind === k).map((u) => ({ value: u.id, label: k === 'area_desk' ? `${u.areaName} · ${u.name}` : u.name })),
  }));
  const initial: Partial<Values> = editing
    ? {
        orgId: editing.orgId,
        title: editing.title,
        requirements: editing.requirements,
        ...(editing.startDate ? { startDate: dayjs(editing.startDate) } : {}),
        dueDate: dayjs(editing.dueDate),
        indicators: editing.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, target: i.target, ...(i.metric ? { metric: i.metric } : {}) })),
        milestones: editing.milestones.map((m) => ({ id: m.id, title: m.title, dueDate: dayjs(m.dueDate) })),
      }
    : { indicators: [], milestones: [] };

  return (
    <Drawer
      open
      width={720}
      title={editing ? t('wp.editAssignment') : t('wp.newAssignment')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('wp.forTask', { task: taskTitle })}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="orgId" label={t('wp.unit')} rules={[{ required: true, message: t('wp.unitRequired') }]}>
          <Select showSearch optionFilterProp="label" options={groups} disabled={!!editing} placeholder={t('wp.unitPlaceholder')} loading={units.isLoading} />
        </Form.Item>
        <Form.Item name="title" label={t('wp.assignmentTitle')} rules={[{ required: true, max: 200 }]}>
          <Input placeholder={t('wp.assignmentTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="requirements" label={t('wp.requirements')}>
          <Input.TextArea rows={3} maxLength={4000} placeholder={t('wp.requirementsPlaceholder')} />
        </Form.Item>
        <Flex gap={16} wrap="wrap">
          <Form.Item name="startDate" label={t('wp.startDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="dueDate" label={t('wp.dueDate')} rules={[{ required: true, message: t('wp.dueRequired') }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start">{t('wp.indicators')}</Divider>
        <Typography.Paragraph type="secondary" className="xz-small">
          {t('wp.indicatorsHint')}
        </Typography.Paragraph>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap="wrap">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('wp.indicatorName') }]}>
                    <Input placeholder={t('wp.indicatorName')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']} rules={[{ required: true, message: t('wp.target') }]}>
                    <InputNumber min={0} placeholder={t('wp.target')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unit']} rules={[{ required: true, message: t('wp.indicatorUnit') }]}>
                    <Input placeholder={t('wp.indicatorUnit')} style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'metric']}>
                    <Select allowClear placeholder={t('wp.metricManual')} style={{ width: 220 }} options={(metrics.data?.items ?? []).map((m) => ({ value: m.code, label: m.name, title: m.rule }))} showSearch optionFilterProp="label" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('wp.remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('wp.addIndicator')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t('wp.milestones')}</Divider>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap="wrap">
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: t('wp.milestoneTitle') }]}>
                    <Input placeholder={t('wp.milestoneTitle')} style={{ width: 320 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true, message: t('wp.dueDate') }]}>
                    <DatePicker placeholder={t('wp.dueDate')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('wp.remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('wp.addMilestone')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
