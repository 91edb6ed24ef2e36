import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, AutoComplete, Button, Col, DatePicker, Divider, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { caseNumberProblem, type CaseProcedure } from '../../../../shared/protection/cases';
import { parseTrademarkNumber } from '../../../../shared/registry/numbers';
import { CITY_CODE, parseApplicationNumber, parseUscc } from '../../../../shared/validators';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { useCompact } from '../../../app/ui/responsive';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { inLanguage } from '../forms';
import { casesApi, CASES_KEY, caseKeyOf, type CaseBody, type CaseDetail, type CaseStage, type PartyRole } from './api';
import { CASE_PROCEDURES, CASE_RIGHT_TYPES, CASE_STAGES, caseOptions, isPoliceOrg, PARTY_ROLES } from './labels';

interface PartyField {
  role: PartyRole;
  kind: 'person' | 'org';
  name: string;
  uscc?: string;
}

interface Values {
  caseNo: string;
  unit?: string;
  rightType: CaseBody['rightType'];
  procedure: CaseProcedure;
  cause: string;
  parties: PartyField[];
  rights: Array<{ type: 'patent' | 'trademark'; number: string }>;
  areaCode: string;
  filedOn: Dayjs;
  closedOn?: Dayjs | null;
  stage: CaseStage;
  result?: string;
  amount?: number | null;
}

/** Causes officials most often write, by procedure; any other may be typed. */
const CAUSES: Record<CaseProcedure, string[]> = {
  civil: ['侵害商标权纠纷', '侵害发明专利权纠纷', '侵害实用新型专利权纠纷', '侵害外观设计专利权纠纷', '侵害著作权纠纷', '侵害商业秘密纠纷', '不正当竞争纠纷', '专利权权属纠纷'],
  criminal: ['假冒注册商标罪', '销售假冒注册商标的商品罪', '非法制造、销售非法制造的注册商标标识罪', '假冒专利罪', '侵犯著作权罪', '侵犯商业秘密罪'],
  administrative: ['销售侵犯注册商标专用权的商品', '侵犯注册商标专用权', '假冒专利', '擅自使用地理标志', '侵犯著作权'],
};

/** The parties a new case starts with: both sides of a civil case, the suspect, the administrative party. */
const FIRST_PARTIES: Record<CaseProcedure, PartyField[]> = {
  civil: [
    { role: 'plaintiff', kind: 'org', name: '' },
    { role: 'defendant', kind: 'org', name: '' },
  ],
  criminal: [{ role: 'suspect', kind: 'person', name: '' }],
  administrative: [{ role: 'party', kind: 'org', name: '' }],
};

const text = (v: string | undefined | null) => (v && v.trim() ? v.trim() : undefined);

function bodyOf(v: Values): CaseBody {
  return {
    caseNo: v.caseNo.trim(),
    unit: text(v.unit),
    rightType: v.rightType,
    procedure: v.procedure,
    cause: v.cause.trim(),
    parties: v.parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name.trim(), ...(p.kind === 'org' && text(p.uscc) ? { uscc: text(p.uscc) } : {}) })),
    rights: (v.rights ?? []).filter((r) => text(r.number)).map((r) => ({ type: r.type, number: r.number.trim() })),
    areaCode: v.areaCode,
    filedOn: v.filedOn.format('YYYY-MM-DD'),
    closedOn: v.closedOn ? v.closedOn.format('YYYY-MM-DD') : undefined,
    stage: v.stage,
    result: text(v.result),
    amount: typeof v.amount === 'number' ? v.amount : undefined,
  };
}

/** A server field path (parties.1.name) as a form name path (['parties', 1, 'name']). */
const namePath = (field: string) => field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * 录入案件 and 编辑: one form for both. Editing keeps the case number; natural persons' names show
 * masked, and a mask left as it is keeps the stored name (the server matches it).
 */
export function CaseFormModal({ detail, onClose, onSaved }: { detail?: CaseDetail; onClose: () => void; onSaved: (c: CaseDetail) => void }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const compact = useCompact();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editing = !!detail;
  const cityWide = user.areaScope === CITY_CODE;
  const hasPersons = !!detail?.parties.some((p) => p.kind === 'person');

  const defaultProcedure: CaseProcedure = user.roles.includes('partner') ? (isPoliceOrg(user.org.name) ? 'criminal' : 'civil') : 'administrative';
  const initial: Partial<Values> = detail
    ? {
        caseNo: detail.caseNo,
        unit: detail.unit === detail.sourceOrg ? undefined : detail.unit,
        rightType: detail.rightType,
        procedure: detail.procedure,
        cause: detail.cause,
        parties: detail.parties.map((p) => ({ role: p.role, kind: p.kind, name: p.name, uscc: p.uscc ?? undefined })),
        rights: detail.rights.map((r) => ({ type: r.type, number: r.number })),
        areaCode: detail.areaCode,
        filedOn: dayjs(detail.filedOn),
        closedOn: detail.closedOn ? dayjs(detail.closedOn) : null,
        stage: detail.stage,
        result: detail.result ?? undefined,
        amount: detail.amount,
      }
    : {
        procedure: defaultProcedure,
        stage: 'filed',
        areaCode: cityWide ? undefined : user.areaScope,
        parties: FIRST_PARTIES[defaultProcedure],
        rights: [],
      };

  const procedure = Form.useWatch('procedure', form) ?? defaultProcedure;
  const stage = Form.useWatch('stage', form);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = detail ? await casesApi.update(detail.id, bodyOf(v)) : await casesApi.record(bodyOf(v));
      queryClient.setQueryData(caseKeyOf(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: CASES_KEY });
      message.success(editing ? t('cs.form.updated') : t('cs.form.recorded', { no: saved.caseNo }));
      onSaved(saved);
    } catch (e) {
      // Problems of fields on the form go under them; any other shows below the form.
      const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
      const problems = (isApiError(e) ? e.fieldProblems(lang) : []).map((p) => ({ name: namePath(p.field), errors: [inLanguage(p.message, lang)] }));
      const placed = problems.filter((p) => registered.has(JSON.stringify(p.name)));
      if (placed.length > 0) form.setFields(placed as Parameters<typeof form.setFields>[0]);
      const rest = problems.find((p) => !registered.has(JSON.stringify(p.name)));
      if (placed.length === 0 || rest) setProblem(rest?.errors[0] ?? inLanguage(errorText(e, t('error.unexpected')), lang));
    } finally {
      setBusy(false);
    }
  };

  const required = (msg: string) => ({ required: true, whitespace: true, message: msg });

  return (
    <Modal
      open
      title={editing ? t('cs.form.editTitle', { no: detail.caseNo }) : t('cs.form.title')}
      okText={editing ? t('common.save') : t('cs.form.submit')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={880}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {hasPersons && <Alert type="info" showIcon title={t('cs.form.namesMasked')} style={{ marginBottom: 12 }} />}
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} onFinishFailed={() => setProblem(t('pub.fixFields'))} disabled={busy} scrollToFirstError requiredMark>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="caseNo"
                label={t('cs.caseNo')}
                extra={editing ? t('cs.form.caseNoFixed') : t('cs.form.caseNoHint')}
                rules={[
                  required(t('cs.form.caseNoRequired')),
                  {
                    validator: async (_r, v: string | undefined) => {
                      const p = v && v.trim() ? caseNumberProblem(v) : null;
                      if (p) throw new Error(p[lang]);
                    },
                  },
                ]}
              >
                <Input maxLength={60} disabled={editing} className="xz-mono" placeholder="（2026）豫15民初123号" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="unit" label={t('cs.unitOptional')} extra={t('cs.form.unitHint', { org: user.org.name })} rules={[{ max: 100 }]}>
                <Input maxLength={100} placeholder={user.org.name} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="procedure" label={t('cs.procedure')} rules={[{ required: true, message: t('cs.form.choose') }]}>
                <Select options={caseOptions(lang, 'procedure', CASE_PROCEDURES)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="rightType" label={t('cs.rightType')} rules={[{ required: true, message: t('cs.form.choose') }]}>
                <Select options={caseOptions(lang, 'rightType', CASE_RIGHT_TYPES)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="cause" label={t('cs.cause')} rules={[required(t('cs.form.causeRequired')), { max: 100 }]}>
                <AutoComplete options={CAUSES[procedure].map((c) => ({ value: c }))} filterOption={(input, o) => (o?.value ?? '').includes(input)} maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="areaCode" label={t('cs.area')} extra={cityWide ? t('cs.form.areaHint') : undefined} rules={[{ required: true, message: t('cs.form.areaRequired') }]}>
                <AreaSelect disabled={!cityWide} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="filedOn" label={t('cs.filedOn')} rules={[{ required: true, message: t('cs.form.filedOnRequired') }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="stage" label={t('cs.stage')} rules={[{ required: true, message: t('cs.form.choose') }]}>
                <Select options={caseOptions(lang, 'stage', CASE_STAGES)} />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start" plain>
            {t('cs.parties')}
          </Divider>
          <Form.List
            name="parties"
            rules={[
              {
                validator: async (_r, v: PartyField[] | undefined) => {
                  if (!v || v.length === 0) throw new Error(t('cs.form.partiesRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <PartyRow key={f.key} index={i} onRemove={fields.length > 1 ? () => remove(f.name) : undefined} compact={compact} />
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'party', kind: 'org', name: '' })} disabled={fields.length >= 30}>
                  {t('cs.form.addParty')}
                </Button>
                <Typography.Paragraph type="secondary" className="xz-small" style={{ marginTop: 8 }}>
                  {t('cs.form.partiesPrivacy')}
                </Typography.Paragraph>
              </>
            )}
          </Form.List>

          <Divider titlePlacement="start" plain>
            {t('cs.rights')}
          </Divider>
          <Form.List name="rights">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <RightRow key={f.key} index={i} onRemove={() => remove(f.name)} />
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'patent', number: '' })} disabled={fields.length >= 50}>
                  {t('cs.form.addRight')}
                </Button>
                <Typography.Paragraph type="secondary" className="xz-small" style={{ marginTop: 8 }}>
                  {t('cs.form.rightsHint')}
                </Typography.Paragraph>
              </>
            )}
          </Form.List>

          <Divider titlePlacement="start" plain>
            {t('cs.outcome')}
          </Divider>
          <Row gutter={16}>
            <Col xs={12} md={8}>
              <Form.Item
                name="closedOn"
                label={stage === 'closed' ? t('cs.closedOn') : t('cs.closedOnOptional')}
                dependencies={['stage', 'filedOn']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_r, v: Dayjs | null | undefined) => {
                      if (!v && getFieldValue('stage') === 'closed') throw new Error(t('cs.form.closedOnRequired'));
                      const filed = getFieldValue('filedOn') as Dayjs | undefined;
                      if (v && filed && v.isBefore(filed, 'day')) throw new Error(t('cs.form.closedBeforeFiled'));
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="amount" label={t('cs.amountOptional')} extra={t('cs.form.amountHint')}>
                <InputNumber<number>
                  min={0}
                  max={1e13}
                  precision={2}
                  style={{ width: '100%' }}
                  suffix={t('prd.yuan')}
                  formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
                  parser={(v) => Number((v ?? '').replace(/,/g, ''))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="result" label={t('cs.resultOptional')} extra={t('cs.form.resultHint')} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}

function PartyRow({ index, onRemove, compact }: { index: number; onRemove?: () => void; compact: boolean }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch(['parties', index, 'kind'], form);
  const n = index + 1;
  return (
    <Flex gap={8} align="flex-start" wrap={compact ? 'wrap' : 'nowrap'} className="xz-cs-party" role="group" aria-label={t('cs.form.partyN', { n })}>
      <Form.Item name={[index, 'role']} label={index === 0 || compact ? t('cs.partyRole') : undefined} rules={[{ required: true, message: t('cs.form.choose') }]} style={{ width: compact ? '48%' : 150 }}>
        <Select options={caseOptions(lang, 'partyRole', PARTY_ROLES)} aria-label={`${t('cs.partyRole')} ${n}`} popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item name={[index, 'kind']} label={index === 0 || compact ? t('cs.partyKind') : undefined} style={{ width: compact ? '48%' : 150 }}>
        <Radio.Group
          optionType="button"
          aria-label={`${t('cs.partyKind')} ${n}`}
          options={[
            { value: 'org', label: t('cs.kind.org') },
            { value: 'person', label: t('cs.kind.person') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={[index, 'name']}
        label={index === 0 || compact ? t('cs.partyName') : undefined}
        rules={[{ required: true, whitespace: true, message: t('cs.form.partyNameRequired') }, { max: 100 }]}
        style={{ flex: 1, minWidth: compact ? '100%' : 160 }}
      >
        <Input maxLength={100} aria-label={`${t('cs.partyName')} ${n}`} placeholder={kind === 'person' ? t('cs.form.personPlaceholder') : t('cs.form.orgPlaceholder')} />
      </Form.Item>
      {kind === 'org' ? (
        <Form.Item
          name={[index, 'uscc']}
          label={index === 0 || compact ? t('cs.usccOptional') : undefined}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                if (!v || !v.trim()) return;
                const r = parseUscc(v);
                if (!r.ok) throw new Error(r.message[lang]);
              },
            },
          ]}
          style={{ width: compact ? '100%' : 200 }}
        >
          <Input maxLength={18} className="xz-mono" aria-label={`${t('cs.usccOptional')} ${n}`} />
        </Form.Item>
      ) : (
        !compact && <div style={{ width: 200 }} aria-hidden />
      )}
      <Form.Item label={index === 0 && !compact ? ' ' : undefined}>
        <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} disabled={!onRemove} aria-label={t('cs.form.removeParty', { n })} />
      </Form.Item>
    </Flex>
  );
}

function RightRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<Values>();
  const n = index + 1;
  return (
    <Flex gap={8} align="flex-start" role="group" aria-label={t('cs.form.rightN', { n })}>
      <Form.Item name={[index, 'type']} style={{ width: 110 }}>
        <Select
          aria-label={`${t('cs.rightKind')} ${n}`}
          options={[
            { value: 'patent', label: t('cs.kind.patent') },
            { value: 'trademark', label: t('cs.kind.trademark') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={[index, 'number']}
        style={{ flex: 1 }}
        dependencies={[['rights', index, 'type']]}
        rules={[
          { required: true, whitespace: true, message: t('cs.form.rightNumberRequired') },
          {
            validator: async (_r, v: string | undefined) => {
              if (!v || !v.trim()) return;
              if (form.getFieldValue(['rights', index, 'type']) === 'patent') {
                const r = parseApplicationNumber(v);
                if (!r.ok) throw new Error(r.message[lang]);
              } else {
                const r = parseTrademarkNumber(v);
                if (!r.ok) throw new Error(r.reason[lang]);
              }
            },
          },
        ]}
      >
        <Input maxLength={40} className="xz-mono" aria-label={`${t('cs.rightNumber')} ${n}`} placeholder={t('cs.form.rightPlaceholder')} />
      </Form.Item>
      <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('cs.form.removeRight', { n })} />
    </Flex>
  );
}
