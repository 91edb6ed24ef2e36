import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AREAS, CITY_CODE } from '../../../../shared/validators/region';
import { formatDateTime } from '../../../app/format';
import { useReportError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { assessmentApi, type EntryBody, type EntryView, type RubricView } from './api';
import { kindName, pts } from './labels';

const AREA_OPTIONS = AREAS.filter((a) => a.code !== CITY_CODE).map((a) => ({ value: a.code, label: a.name }));

/** Hand scores and bonus/deduction entries, each with its justification (city office, before publication). */
export function EntriesTab({ year, data, onSaved }: { year: number; data: RubricView; onSaved: (v: RubricView) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EntryBody>();
  const { message } = App.useApp();
  const report = useReportError();
  const [saving, setSaving] = useState(false);
  const open = data.actions.includes('entries');
  const manual = data.indicators.filter((i) => i.rule === 'manual');
  const picked = manual.find((i) => i.id === Form.useWatch('indicatorId', form));
  const byId = new Map(data.indicators.map((i) => [i.id, i]));

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      onSaved(await assessmentApi.addEntry(year, v));
      message.success(t('asm.entrySaved'));
      form.resetFields(['points', 'reason']);
    } catch (e) {
      report(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {open && (
        <Card size="small" title={t('asm.entryForm')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('asm.entryHint')}</Typography.Paragraph>
          <Form form={form} layout="vertical">
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="indicatorId" label={t('asm.indicator')} rules={[{ required: true, message: t('asm.pickIndicator') }]}>
                  <Select options={manual.map((i) => ({ value: i.id, label: `${i.kind === 'score' ? '' : `【${kindName(t, i.kind)}】`}${i.name}（${i.kind === 'score' ? t('asm.fullPoints', { points: pts(i.points) }) : t('asm.capOf', { points: pts(i.points) })}）` }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name="areaCode" label={t('asm.area')} rules={[{ required: true, message: t('asm.pickArea') }]}>
                  <Select showSearch optionFilterProp="label" options={AREA_OPTIONS} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="points" label={t('asm.points')} rules={[{ required: true, message: t('asm.pointsRequired') }]} extra={picked?.kind === 'score' ? t('asm.replaces') : undefined}>
                  <InputNumber min={0} max={picked?.points ?? 100} step={0.5} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="reason" label={t('asm.reason')} rules={[{ required: true, whitespace: true, message: t('asm.reasonRequired') }]}>
                  <Input.TextArea rows={1} autoSize maxLength={500} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" loading={saving} onClick={submit}>
              {t('asm.saveEntry')}
            </Button>
          </Form>
        </Card>
      )}
      {!open && <Typography.Paragraph type="secondary">{t('asm.entriesClosed')}</Typography.Paragraph>}
      <Table<EntryView>
        rowKey="id"
        size="small"
        dataSource={data.entries}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('asm.area'), dataIndex: 'areaName', width: 150 },
          {
            title: t('asm.indicator'),
            dataIndex: 'indicatorId',
            render: (id: number) => {
              const i = byId.get(id);
              return i ? (i.kind === 'score' ? i.name : <><Tag color={i.kind === 'bonus' ? 'green' : 'red'}>{kindName(t, i.kind)}</Tag>{i.name}</>) : id;
            },
          },
          { title: t('asm.points'), dataIndex: 'points', width: 80, align: 'right', render: (p: number, e) => `${byId.get(e.indicatorId)?.kind === 'deduction' ? '−' : ''}${pts(p)}` },
          { title: t('asm.reason'), dataIndex: 'reason' },
          { title: t('asm.enteredBy'), key: 'by', width: 190, render: (_: unknown, e) => `${e.enteredBy ?? '—'} · ${formatDateTime(e.enteredAt)}` },
          ...(open
            ? [
                {
                  title: t('asm.actions'),
                  key: 'x',
                  width: 70,
                  render: (_: unknown, e: EntryView) => (
                    <Popconfirm title={t('asm.removeEntry')} onConfirm={async () => { try { onSaved(await assessmentApi.removeEntry(year, e.id)); } catch (err) { report(err); } }}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('asm.remove')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
