import { App as AntdApp, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useFormErrorHandler } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { FigureKind, YearFigure } from './figures';

/** The number sits under the kind's own name (population, entities), so the server's field errors land on it. */
type Fields = { year: number; source: string; isEstimate: boolean; note?: string } & Partial<Record<FigureKind<YearFigure>['id'], number>>;

interface Props<F extends YearFigure> {
  kind: FigureKind<F>;
  open: boolean;
  areaCode: string;
  areaName: string;
  /** The figure being edited; null to add a year. */
  figure: F | null;
  existingYears: number[];
  onClose: () => void;
  onSaved: () => void;
}

const thousands = (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const plain = (v: string | undefined) => (v ? Number(v.replace(/[^\d]/g, '')) : 0);

/** Adds or corrects one year's figure of an area (population, market entities), with its source. */
export function FigureModal<F extends YearFigure>({ kind, open, areaCode, areaName, figure, existingYears, onClose, onSaved }: Props<F>) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);
  const formId = `${kind.id}-figure-form`;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      figure
        ? { year: figure.year, [kind.id]: kind.value(figure), source: figure.source, isEstimate: figure.isEstimate, note: figure.note ?? undefined }
        : { year: new Date().getFullYear() - 1, isEstimate: false },
    );
  }, [open, figure, form, kind]);

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const note = v.note?.trim();
      await kind.save(areaCode, v.year, { value: v[kind.id] ?? 0, source: v.source.trim(), isEstimate: v.isEstimate, ...(note ? { note } : {}) });
      message.success(t(kind.text.saved));
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
      title={`${figure ? t(kind.text.editTitle) : t(kind.text.addTitle)} · ${areaName}`}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: busy }}
      destroyOnHidden
    >
      <Form id={formId} form={form} layout="vertical" onFinish={save} disabled={busy}>
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
          name={kind.id}
          label={t(kind.text.value)}
          rules={[
            { required: true, message: t(kind.text.required) },
            { type: 'number', min: 1, max: kind.max, message: t(kind.text.range) },
          ]}
        >
          <InputNumber<number> min={1} max={kind.max} precision={0} formatter={thousands} parser={plain} style={{ width: 220 }} suffix={t(kind.text.unit)} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('pop.source')}
          extra={t(kind.text.sourceHint)}
          rules={[
            { required: true, whitespace: true, message: t('pop.sourceRequired') },
            { min: 2, max: 200, message: t('pop.sourceLength') },
          ]}
        >
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="isEstimate" valuePropName="checked" extra={t(kind.text.estimateHint)}>
          <Checkbox>{t('pop.estimateCheckbox')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('pop.note')} rules={[{ max: 300, message: t('pop.noteLength') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
