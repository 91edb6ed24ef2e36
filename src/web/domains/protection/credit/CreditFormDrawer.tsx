import { Alert, App as AntdApp, Button, Col, DatePicker, Drawer, Flex, Form, Grid, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CreditCategory, CreditKind, CreditSeverity, CreditSubjectKind } from '../../../../shared/protection/credit';
import { resolveRegionFromUsccRegionCode } from '../../../../shared/validators/region';
import { parseUscc } from '../../../../shared/validators/uscc';
import { CITY_CODE } from '../../../../shared/validators/region';
import { useFormErrorHandler } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { creditApi, type RecordBody, type RecordDetail } from './api';
import { CREDIT_SUBJECT_KINDS, categoriesOf, categoryName, subjectKindName } from './labels';

interface Fields {
  kind: CreditKind;
  category?: CreditCategory;
  severity?: CreditSeverity;
  subjectName?: string;
  subjectUscc?: string;
  subjectKind?: CreditSubjectKind;
  areaCode?: string;
  legalBasis?: string;
  decisionNo?: string;
  decisionOrg?: string;
  decidedOn?: Dayjs;
  startsOn?: Dayjs;
  endsOn?: Dayjs | null;
  facts?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const trim = (s: string | undefined) => (s ?? '').trim();

/** Enter or edit a draft record. Organisations only: the form says so and asks for nothing personal. */
export function CreditFormDrawer({ open, record, onClose, onSaved }: { open: boolean; record: RecordDetail | null; onClose: () => void; onSaved: (r: RecordDetail) => void }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);
  const mobile = Grid.useBreakpoint().md === false;
  const cityWide = user.areaScope === CITY_CODE;
  const kind = Form.useWatch('kind', form) ?? 'distrust';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (record) {
      form.setFieldsValue({
        kind: record.kind,
        category: record.category,
        severity: record.severity ?? undefined,
        subjectName: record.subjectName,
        subjectUscc: record.subjectUscc,
        subjectKind: record.subjectKind,
        areaCode: record.areaCode,
        legalBasis: record.legalBasis,
        decisionNo: record.decisionNo,
        decisionOrg: record.decisionOrg,
        decidedOn: dayjs(record.decidedOn),
        startsOn: dayjs(record.startsOn),
        endsOn: record.endsOn ? dayjs(record.endsOn) : null,
        facts: record.facts,
      });
    } else {
      form.setFieldsValue({ kind: 'distrust', severity: 'general', subjectKind: 'enterprise', decisionOrg: user.org.name, ...(cityWide ? {} : { areaCode: user.areaScope }) });
    }
  }, [open, record, form, user, cityWide]);

  // The credit code's registering authority points to the county: fill it in when still empty.
  const onUscc = (v: string) => {
    const r = parseUscc(v ?? '');
    if (r.ok && !form.getFieldValue('areaCode')) {
      const area = resolveRegionFromUsccRegionCode(r.regionCode);
      if (area && area.code !== CITY_CODE) form.setFieldValue('areaCode', area.code);
    }
  };

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const body: RecordBody = {
        kind: v.kind,
        category: v.category as CreditCategory,
        ...(v.kind === 'distrust' ? { severity: v.severity } : {}),
        subjectName: trim(v.subjectName),
        subjectUscc: trim(v.subjectUscc),
        subjectKind: v.subjectKind as CreditSubjectKind,
        areaCode: v.areaCode ?? '',
        legalBasis: trim(v.legalBasis),
        decisionNo: trim(v.decisionNo),
        decisionOrg: trim(v.decisionOrg),
        decidedOn: day(v.decidedOn) ?? '',
        startsOn: day(v.startsOn) ?? '',
        ...(v.endsOn ? { endsOn: day(v.endsOn) } : {}),
        facts: trim(v.facts),
      };
      const saved = record ? await creditApi.update(record.id, body) : await creditApi.create(body);
      message.success(record ? t('common.saved') : t('cr.created', { ref: saved.ref }));
      onSaved(saved);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (msg: string) => ({ required: true, whitespace: true, message: msg });
  return (
    <Drawer
      open={open}
      title={record ? t('cr.editTitle', { ref: record.ref }) : t('cr.createTitle')}
      size={mobile ? '100%' : 720}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form="credit-form" loading={busy}>
            {record ? t('common.save') : t('cr.saveDraft')}
          </Button>
        </Flex>
      }
    >
      <Alert type="info" showIcon title={t('cr.formNotice')} style={{ marginBottom: 16 }} />
      <Form id="credit-form" form={form} layout="vertical" onFinish={save} disabled={busy} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('cr.kind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                onChange={(e) => {
                  const next = e.target.value as CreditKind;
                  if (!categoriesOf(next).includes(form.getFieldValue('category'))) form.setFieldValue('category', undefined);
                  if (next === 'distrust' && !form.getFieldValue('severity')) form.setFieldValue('severity', 'general');
                }}
                options={[
                  { value: 'trust', label: t('cr.kind.trustLong') },
                  { value: 'distrust', label: t('cr.kind.distrustLong') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {kind === 'distrust' && (
              <Form.Item name="severity" label={t('cr.severity')} rules={[{ required: true, message: t('cr.severityRequired') }]} extra={t('cr.severityHint')}>
                <Radio.Group
                  options={[
                    { value: 'general', label: t('cr.sev.general') },
                    { value: 'serious', label: t('cr.sev.serious') },
                  ]}
                />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="category" label={t('cr.category')} rules={[{ required: true, message: t('cr.categoryRequired') }]}>
          <Select<CreditCategory> options={categoriesOf(kind).map((c) => ({ value: c, label: categoryName(t, c) }))} placeholder={t('cr.categoryPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="subjectName" label={t('cr.subjectName')} rules={[required(t('cr.subjectNameRequired')), { max: 200 }]}>
              <Input maxLength={200} placeholder={t('cr.subjectNamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="subjectKind" label={t('cr.subjectKind')} rules={[{ required: true }]}>
              <Select<CreditSubjectKind> options={CREDIT_SUBJECT_KINDS.map((k) => ({ value: k, label: subjectKindName(t, k) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="subjectUscc"
              label={t('cr.uscc')}
              normalize={(v: string) => v?.toUpperCase()}
              extra={t('cr.usccHint')}
              rules={[
                { required: true, whitespace: true, message: t('cr.usccRequired') },
                {
                  validator: async (_r, v: string | undefined) => {
                    if (!v || !v.trim()) return;
                    const r = parseUscc(v);
                    if (!r.ok) throw new Error(r.message[lang]);
                  },
                },
              ]}
            >
              <Input maxLength={30} className="xz-mono" autoComplete="off" spellCheck={false} onBlur={(e) => onUscc(e.target.value)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="areaCode" label={t('kl.area')} rules={[{ required: true, message: t('cr.areaRequired') }]} extra={cityWide ? undefined : t('cr.areaOwn')}>
              <AreaSelect disabled={!cityWide} filter={(a) => a.kind !== 'city'} placeholder={t('cr.areaPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="decisionNo" label={t('cr.decisionNo')} rules={[required(t('cr.decisionNoRequired')), { max: 100 }]}>
              <Input maxLength={100} placeholder={t('cr.decisionNoPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decisionOrg" label={t('cr.decisionOrg')} rules={[required(t('cr.decisionOrgRequired')), { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="legalBasis" label={t('cr.legalBasis')} rules={[required(t('cr.legalBasisRequired')), { max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('cr.legalBasisPlaceholder')} />
        </Form.Item>
        <Form.Item name="facts" label={t('cr.facts')} rules={[required(t('cr.factsRequired')), { max: 4000 }]} extra={t('cr.factsHint')}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="decidedOn" label={t('cr.decidedOn')} rules={[{ required: true, message: t('cr.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="startsOn"
              label={t('cr.startsOn')}
              dependencies={['decidedOn']}
              rules={[
                { required: true, message: t('cr.dateRequired') },
                ({ getFieldValue }) => ({
                  validator: async (_r, v: Dayjs | undefined) => {
                    const decided = getFieldValue('decidedOn') as Dayjs | undefined;
                    if (v && decided && v.isBefore(decided, 'day')) throw new Error(t('cr.startBeforeDecision'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="endsOn"
              label={t('cr.endsOn')}
              required={kind === 'distrust'}
              dependencies={['startsOn', 'kind']}
              extra={kind === 'trust' ? t('cr.endsOnTrustHint') : undefined}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: Dayjs | null | undefined) => {
                    if (!v) {
                      if (getFieldValue('kind') === 'distrust') throw new Error(t('cr.endsOnRequired'));
                      return;
                    }
                    const start = getFieldValue('startsOn') as Dayjs | undefined;
                    if (start && !v.isAfter(start, 'day')) throw new Error(t('cr.endBeforeStart'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
