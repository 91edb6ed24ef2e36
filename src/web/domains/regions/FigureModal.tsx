import { App as AntdApp, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { PopulationFigure } from '../../app/api-types';
import { useFormErrorHandler } from '../../app/errors';
import { areasApi } from '../../app/endpoints';
import { useT } from '../../app/i18n';

interface Fields {
  year: number;
  population: number;
  source: string;
  isEstimate: boolean;
  note?: string;
}

interface Props {
  open: boolean;
  areaCode: string;
  areaName: string;
  /** The figure being edited; null to add a year. */
  figure: PopulationFigure | null;
  existingYears: number[];
  onClose: () => void;
  onSaved: () => void;
}

const thousands = (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const plain = (v: string | undefined) => (v ? Number(v.replace(/[^\d]/g, '')) : 0);

export function FigureModal({ open, areaCode, areaName, figure, existingYears, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      figure
        ? { year: figure.year, population: figure.population, source: figure.source, isEstimate: figure.isEstimate, note: figure.note ?? undefined }
        : { year: new Date().getFullYear() - 1, isEstimate: false },
    );
  }, [open, figure, form]);

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const note = v.note?.trim();
      await areasApi.saveFigure(areaCode, v.year, { population: v.population, source: v.source.trim(), isEstimate: v.isEstimate, ...(note ? { note } : {}) });
      message.success(t('pop.saved'));
      onSaved();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`${figure ? t('pop.editTitle') : t('pop.addTitle')} · ${areaName}`}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'figure-form', loading: busy }}
      destroyOnHidden
    >
      <Form id="figure-form" form={form} layout="vertical" onFinish={save} disabled={busy}>
        <Form.Item
          name="year"
          label={t('pop.year')}
          rules={[
            { required: true, message: t('pop.yearRequired') },
            { type: 'number', min: 1949, max: 2100, message: t('pop.yearRange') },
            { validator: (_, y: number) => (!figure && existingYears.includes(y) ? Promise.reject(new Error(t('pop.yearExists'))) : Promise.resolve()) },
          ]}
        >
          <InputNumber min={1949} max={2100} precision={0} disabled={!!figure} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="population"
          label={t('pop.population')}
          rules={[
            { required: true, message: t('pop.populationRequired') },
            { type: 'number', min: 1, max: 20_000_000, message: t('pop.populationRange') },
          ]}
        >
          <InputNumber<number> min={1} max={20_000_000} precision={0} formatter={thousands} parser={plain} style={{ width: 220 }} suffix={t('pop.people')} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('pop.source')}
          extra={t('pop.sourceHint')}
          rules={[
            { required: true, whitespace: true, message: t('pop.sourceRequired') },
            { min: 2, max: 200, message: t('pop.sourceLength') },
          ]}
        >
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="isEstimate" valuePropName="checked" extra={t('pop.estimateCheckboxHint')}>
          <Checkbox>{t('pop.estimateCheckbox')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('pop.note')} rules={[{ max: 300, message: t('pop.noteLength') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
