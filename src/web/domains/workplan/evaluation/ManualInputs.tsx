import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { EvaluationIndicator } from '../../../../shared/workplan/evaluation';
import { AREAS, CITY_CODE } from '../../../../shared/validators/region';
import { useReportError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/ui/States';
import { evaluationApi, type EvaluationView } from './api';

type Manual = EvaluationView['manual'][number];

/** Figures the platform does not hold, one per manual indicator and area, with a note on their source. */
export function ManualInputs({ year, data, onSaved }: { year: number; data: EvaluationView; onSaved: (v: EvaluationView) => void }) {
  const { t, lang } = useI18n();
  const indicators = data.system!.dimensions.flatMap((d) => d.indicators.filter((i) => i.source === 'manual').map((i) => ({ ...(i as EvaluationIndicator), dimension: d.name })));
  const areas = AREAS.filter((a) => a.code !== CITY_CODE && (!data.scope || a.code === data.scope));
  const values = new Map(data.manual.map((m) => [`${m.indicatorKey}|${m.areaCode}`, m]));
  const [editing, setEditing] = useState<{ ind: EvaluationIndicator; area: { code: string; name: string } } | null>(null);
  const missing = areas.length * indicators.length - data.manual.filter((m) => indicators.some((i) => i.key === m.indicatorKey)).length;

  if (indicators.length === 0) return <EmptyState description={t('eva.noManual')} />;
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">
        {t(data.canManage ? 'eva.manualHintManage' : 'eva.manualHint')} {missing > 0 && <Tag color="warning">{t('eva.manualMissing', { n: missing })}</Tag>}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        scroll={{ x: 200 + indicators.length * 180 }}
        dataSource={areas}
        columns={[
          { title: t('eva.area'), fixed: 'left', width: 130, render: (_v, a) => (lang === 'zh' ? a.name : a.nameEn) },
          ...indicators.map((ind) => ({
            key: ind.key,
            width: 180,
            title: (
              <span>
                {ind.name}
                <br />
                <Typography.Text type="secondary">
                  {ind.dimension}
                  {ind.unit && `（${ind.unit}）`}
                </Typography.Text>
              </span>
            ),
            render: (_v: unknown, a: (typeof areas)[number]) => {
              const m = values.get(`${ind.key}|${a.code}`);
              const label = lang === 'zh' ? a.name : a.nameEn;
              return (
                <span>
                  {m ? (
                    <Tooltip title={<ManualTip m={m} />}>
                      <span>
                        {m.value} {ind.unit}
                      </span>
                    </Tooltip>
                  ) : (
                    <Tag>{t('eva.notEntered')}</Tag>
                  )}
                  {data.canManage && (
                    <Button type="link" size="small" icon={<EditOutlined />} aria-label={`${t('eva.enter')}: ${label} ${ind.name}`} onClick={() => setEditing({ ind, area: { code: a.code, name: label } })} />
                  )}
                </span>
              );
            },
          })),
        ]}
      />
      {editing && <ManualModal year={year} {...editing} current={values.get(`${editing.ind.key}|${editing.area.code}`)} onClose={() => setEditing(null)} onSaved={onSaved} />}
    </Card>
  );
}

function ManualTip({ m }: { m: Manual }) {
  const { t } = useI18n();
  return (
    <>
      {m.note && <div>{m.note}</div>}
      <div>{t('eva.enteredBy', { by: m.enteredBy ?? '—', at: formatDateTime(m.enteredAt) })}</div>
    </>
  );
}

function ManualModal({ year, ind, area, current, onClose, onSaved }: { year: number; ind: EvaluationIndicator; area: { code: string; name: string }; current?: Manual; onClose: () => void; onSaved: (v: EvaluationView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ value: number | null; note?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async (value: number | null, note?: string) => {
    setSaving(true);
    try {
      onSaved(await evaluationApi.setManual(year, { values: [{ indicatorKey: ind.key, areaCode: area.code, value, note }] }));
      message.success(t('eva.manualSaved'));
      onClose();
    } catch (e) {
      report(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`${area.name} · ${ind.name}`}
      onCancel={onClose}
      okText={t('eva.save')}
      confirmLoading={saving}
      onOk={async () => {
        const v = await form.validateFields();
        await submit(v.value ?? null, v.note);
      }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {current && (
            <Button danger onClick={() => submit(null)} loading={saving}>
              {t('eva.clearValue')}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Form form={form} layout="vertical" initialValues={{ value: current?.value ?? null, note: current?.note ?? '' }}>
        <Form.Item name="value" label={`${t('eva.value')}${ind.unit ? `（${ind.unit}）` : ''}`} rules={[{ required: true, type: 'number' }]}>
          <InputNumber style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item name="note" label={t('eva.note')} extra={t('eva.noteHint')}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
