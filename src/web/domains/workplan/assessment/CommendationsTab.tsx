import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AREAS, CITY_CODE } from '../../../../shared/validators/region';
import { useReportError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { LoadError } from '../../../app/ui/States';
import { assessmentApi, type Commendation, type CommendationBody } from './api';

const AREA_OPTIONS = AREAS.filter((a) => a.code !== CITY_CODE).map((a) => ({ value: a.code, label: a.name }));

type FormValues = Omit<CommendationBody, 'awardedOn'> & { awardedOn: dayjs.Dayjs };

/** 表彰奖励: advanced units and individuals commended for the assessment year. */
export function CommendationsTab({ year, canManage }: { year: number; canManage: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['commendations', year], queryFn: ({ signal }) => assessmentApi.commendations({ year }, signal) });
  const [editing, setEditing] = useState<Commendation | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const { message } = App.useApp();
  const report = useReportError();
  const [saving, setSaving] = useState(false);

  const openForm = (c: Commendation | 'new') => {
    setEditing(c);
    form.setFieldsValue(
      c === 'new'
        ? { year, kind: 'unit', awardedOn: dayjs(), unitName: '', honour: '', docNo: '' }
        : { year: c.year, kind: c.kind, areaCode: c.areaCode ?? undefined, unitName: c.unitName, personName: c.personName ?? undefined, honour: c.honour, docNo: c.docNo, awardedOn: dayjs(c.awardedOn), note: c.note || undefined },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    const body: CommendationBody = { ...v, year, awardedOn: v.awardedOn.format('YYYY-MM-DD'), personName: v.kind === 'individual' ? v.personName : undefined };
    setSaving(true);
    try {
      if (editing === 'new') await assessmentApi.addCommendation(body);
      else if (editing) await assessmentApi.updateCommendation(editing.id, body);
      message.success(t('asm.cm.saved'));
      setEditing(null);
      void client.invalidateQueries({ queryKey: ['commendations', year] });
    } catch (e) {
      report(e);
    } finally {
      setSaving(false);
    }
  };

  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <>
      {canManage && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => openForm('new')}>
          {t('asm.cm.add')}
        </Button>
      )}
      <Table<Commendation>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('asm.cm.empty', { year }) }}
        columns={[
          { title: t('asm.cm.kind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag color={k === 'unit' ? 'blue' : 'purple'}>{t(k === 'unit' ? 'asm.cm.unit' : 'asm.cm.individual')}</Tag> },
          { title: t('asm.cm.honour'), dataIndex: 'honour' },
          { title: t('asm.cm.who'), key: 'who', render: (_: unknown, c) => (c.personName ? `${c.personName}（${c.unitName}）` : c.unitName) },
          { title: t('asm.area'), dataIndex: 'areaName', width: 150, render: (a: string | null) => a ?? '—' },
          { title: t('asm.cm.docNo'), dataIndex: 'docNo' },
          { title: t('asm.cm.date'), dataIndex: 'awardedOn', width: 110 },
          ...(canManage
            ? [
                {
                  title: t('asm.actions'),
                  key: 'x',
                  width: 100,
                  render: (_: unknown, c: Commendation) => (
                    <Space size={0}>
                      <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('asm.cm.edit')} onClick={() => openForm(c)} />
                      <Popconfirm
                        title={t('asm.cm.delete')}
                        onConfirm={async () => {
                          try {
                            await assessmentApi.deleteCommendation(c.id);
                            void client.invalidateQueries({ queryKey: ['commendations', year] });
                          } catch (e) {
                            report(e);
                          }
                        }}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('asm.cm.delete')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('asm.cm.add') : t('asm.cm.edit')} okText={t('asm.cm.save')} confirmLoading={saving} onOk={save} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="year" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('asm.cm.kind')} rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'unit', label: t('asm.cm.unit') }, { value: 'individual', label: t('asm.cm.individual') }]} />
          </Form.Item>
          <Form.Item name="honour" label={t('asm.cm.honour')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input placeholder={t('asm.cm.honourHint')} />
          </Form.Item>
          <Form.Item name="unitName" label={kind === 'individual' ? t('asm.cm.personUnit') : t('asm.cm.unitName')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
          {kind === 'individual' && (
            <Form.Item name="personName" label={t('asm.cm.person')} rules={[{ required: true, whitespace: true, max: 50 }]} extra={t('asm.cm.personHint')}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="areaCode" label={t('asm.area')}>
            <Select allowClear showSearch optionFilterProp="label" options={AREA_OPTIONS} />
          </Form.Item>
          <Form.Item name="docNo" label={t('asm.cm.docNo')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input placeholder="信知战联办〔2026〕2号" />
          </Form.Item>
          <Form.Item name="awardedOn" label={t('asm.cm.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('asm.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
