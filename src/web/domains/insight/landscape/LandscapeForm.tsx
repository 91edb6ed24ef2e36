import { App as AntdApp, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { normaliseIpcArea } from '../../../../shared/registry/ipc';
import { useFormErrorHandler } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { LANDSCAPE_KINDS, landscapeApi, type LandscapeBody, type LandscapeDetail, type LandscapeKind } from '../api';
import { ipcAreaText, kindHint, kindName } from './format';

interface Fields {
  name: string;
  kind: LandscapeKind;
  description?: string;
  ipc: string[];
  keywords: string[];
  combine: 'any' | 'all';
  yearFrom: number;
  yearTo: number;
}

/** A field to start from: the examples on the empty list, or the project being edited. */
export type LandscapeDraft = Partial<Fields>;

const MIN_YEAR = 1985;
const MAX_YEAR = 2100;
const SEPARATORS = [',', '，', ';', '；', '、'];

/** Tags as typed, each IPC area in its usual spelling (a23f3/00 → A23F 3/00), without repeats. */
function tidyIpc(values: string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    const r = normaliseIpcArea(v);
    const text = r.ok ? ipcAreaText(r.code) : v.trim();
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

const tidyWords = (values: string[] | undefined) => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

/**
 * Defines a navigation project (新建) or changes one (编辑): name and type, the field as IPC areas,
 * words and application years. Saving a new one starts its first run on the server.
 */
export function LandscapeFormModal({ open, editing, draft, onClose, onSaved }: { open: boolean; editing?: LandscapeDetail; draft?: LandscapeDraft; onClose: () => void; onSaved: (saved: LandscapeDetail) => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);
  const ipc = Form.useWatch('ipc', form) ?? [];
  const keywords = Form.useWatch('keywords', form) ?? [];
  const thisYear = new Date().getFullYear();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const start: Fields = editing
      ? {
          name: editing.name,
          kind: editing.kind,
          description: editing.description ?? undefined,
          ipc: editing.ipc.map(ipcAreaText),
          keywords: editing.keywords,
          combine: editing.combine,
          yearFrom: editing.yearFrom,
          yearTo: editing.yearTo,
        }
      : { name: '', kind: 'industry', ipc: [], keywords: [], combine: 'any', yearFrom: thisYear - 10, yearTo: thisYear, ...draft };
    form.setFieldsValue(start);
  }, [open, editing, draft, form, thisYear]);

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const body: LandscapeBody = {
        name: v.name.trim(),
        kind: v.kind,
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
        ipc: v.ipc,
        keywords: v.keywords,
        combine: v.combine,
        yearFrom: v.yearFrom,
        yearTo: v.yearTo,
      };
      const saved = editing ? await landscapeApi.update(editing.id, body) : await landscapeApi.create(body);
      message.success(editing ? t('ls.savedEdit') : t('ls.created'));
      onSaved(saved);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const both = ipc.length > 0 && keywords.length > 0;
  // 同时满足 needs both kinds of terms: with one kind gone, it falls back to 任一满足.
  const onValuesChange = (changed: Partial<Fields>, all: Fields) => {
    if (('ipc' in changed || 'keywords' in changed) && all.combine === 'all' && (!all.ipc?.length || !all.keywords?.length)) form.setFieldValue('combine', 'any');
  };

  return (
    <Modal
      open={open}
      title={editing ? t('ls.editTitle', { name: editing.name }) : t('ls.newTitle')}
      onCancel={onClose}
      okText={editing ? t('common.save') : t('ls.createAndRun')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'landscape-form', loading: busy }}
      width={720}
      destroyOnHidden
    >
      <Form<Fields> id="landscape-form" form={form} layout="vertical" onFinish={save} onValuesChange={onValuesChange} disabled={busy}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={t('ls.name')} rules={[{ required: true, whitespace: true, message: t('ls.nameRequired') }]}>
              <Input maxLength={100} showCount placeholder={t('ls.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="kind" label={t('ls.kind')} rules={[{ required: true }]} tooltip={t('ls.kindStandard')}>
              <Select
                options={LANDSCAPE_KINDS.map((k) => ({ value: k, label: kindName(t, k) }))}
                popupMatchSelectWidth={360}
                listHeight={320}
                optionRender={(o) => (
                  <Flex vertical className="xz-ls-kind-option">
                    <span>{o.label}</span>
                    <Typography.Text type="secondary" className="xz-ls-kind-hint">
                      {kindHint(t, String(o.value))}
                    </Typography.Text>
                  </Flex>
                )}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('ls.description')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('ls.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="ipc"
          label={t('ls.ipcAreas')}
          extra={t('ls.ipcHint')}
          normalize={tidyIpc}
          rules={[
            {
              validator: async (_, values: string[] | undefined) => {
                for (const v of values ?? []) {
                  const r = normaliseIpcArea(v);
                  if (!r.ok) throw new Error(r.reason[lang]);
                }
                if ((values ?? []).length > 50) throw new Error(t('ls.tooMany', { n: 50 }));
              },
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={SEPARATORS} open={false} suffixIcon={null} placeholder={t('ls.ipcPlaceholder')} aria-label={t('ls.ipcAreas')} />
        </Form.Item>
        <Form.Item
          name="keywords"
          label={t('ls.keywords')}
          extra={t('ls.keywordsHint')}
          normalize={tidyWords}
          dependencies={['ipc']}
          rules={[
            {
              validator: async (_, values: string[] | undefined) => {
                if ((values ?? []).length === 0 && (form.getFieldValue('ipc') ?? []).length === 0) throw new Error(t('ls.needIpcOrWord'));
                if ((values ?? []).some((w) => w.length > 40)) throw new Error(t('ls.wordTooLong'));
                if ((values ?? []).length > 30) throw new Error(t('ls.tooMany', { n: 30 }));
              },
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={SEPARATORS} open={false} suffixIcon={null} placeholder={t('ls.keywordsPlaceholder')} aria-label={t('ls.keywords')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="combine" label={t('ls.combine')} extra={both ? undefined : t('ls.combineNeedsBoth')}>
              <Radio.Group
                vertical
                options={[
                  { value: 'any', label: t('ls.combineAny') },
                  { value: 'all', label: t('ls.combineAll'), disabled: !both },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('ls.years')} required extra={t('ls.yearsHint')}>
              <Flex gap={8} align="center">
                <Form.Item name="yearFrom" noStyle rules={[{ required: true, message: t('ls.yearsRequired') }]}>
                  <InputNumber min={MIN_YEAR} max={MAX_YEAR} precision={0} style={{ width: 110 }} aria-label={t('ls.yearFrom')} />
                </Form.Item>
                <span>–</span>
                <Form.Item
                  name="yearTo"
                  noStyle
                  dependencies={['yearFrom']}
                  rules={[
                    { required: true, message: t('ls.yearsRequired') },
                    ({ getFieldValue }) => ({
                      validator: async (_, to: number | undefined) => {
                        const from = getFieldValue('yearFrom') as number | undefined;
                        if (from !== undefined && to !== undefined && from > to) throw new Error(t('ls.yearsOrder'));
                        if (from !== undefined && to !== undefined && to - from >= 60) throw new Error(t('ls.yearsTooLong'));
                      },
                    }),
                  ]}
                >
                  <InputNumber min={MIN_YEAR} max={MAX_YEAR} precision={0} style={{ width: 110 }} aria-label={t('ls.yearTo')} />
                </Form.Item>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
        {editing && (
          <Typography.Paragraph type="secondary" className="xz-footnote">
            {t('ls.editNote')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
