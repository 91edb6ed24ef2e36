import { LinkOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { parseUscc } from '../../../../shared/validators';
import { CITY_CODE, areaByCode } from '../../../../shared/validators/region';
import { isApiError, isNotFound } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { idNumberRule, inLanguage, mobileRule } from '../forms';
import { formatYuan } from '../labels';
import { disclosureApi, type CreateBody, type DecisionDetail, type DecisionKind, type PrefillView } from './api';
import { DECISION_KINDS, decisionKindName } from './labels';

interface Fields {
  decisionNo: string;
  decidedOn?: Dayjs;
  authority: string;
  areaCode: string;
  kinds: DecisionKind[];
  fineAmount?: number;
  confiscatedAmount?: number;
  partyKind: 'organisation' | 'natural_person';
  orgName?: string;
  uscc?: string;
  orgAddress?: string;
  personName?: string;
  idNumber?: string;
  phone?: string;
  personAddress?: string;
  facts: string;
  provisions: string;
  basis: string;
  penalty: string;
  otherNames: string[];
}

const KNOWN = ['decisionNo', 'decidedOn', 'authority', 'areaCode', 'kinds', 'fineAmount', 'confiscatedAmount', 'facts', 'provisions', 'basis', 'penalty', 'otherNames'];

/** A server field path (party.name, kinds.1) as the form's own field name. */
function formField(path: string, person: boolean): string | undefined {
  const party: Record<string, string> = { name: person ? 'personName' : 'orgName', address: person ? 'personAddress' : 'orgAddress', uscc: 'uscc', idNumber: 'idNumber', phone: 'phone' };
  const [head, sub] = path.split('.');
  if (head === 'party') return sub ? party[sub] : undefined;
  return KNOWN.find((k) => k === head);
}

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The request body from the form; on an edit, a person's fields (and the other names) left empty keep what is stored. */
function bodyOf(v: Fields, reportId: number | undefined, editing: boolean): CreateBody {
  const otherNames = (v.otherNames ?? []).map((n) => n.trim()).filter(Boolean);
  const party: CreateBody['party'] =
    v.partyKind === 'organisation'
      ? { kind: 'organisation', name: text(v.orgName) ?? '', uscc: text(v.uscc) ?? '', ...(text(v.orgAddress) ? { address: text(v.orgAddress) } : {}) }
      : {
          kind: 'natural_person',
          name: text(v.personName) as string,
          idNumber: text(v.idNumber) as string,
          ...(text(v.phone) ? { phone: text(v.phone) } : {}),
          address: text(v.personAddress) as string,
        };
  return {
    decisionNo: v.decisionNo.trim(),
    kinds: v.kinds,
    party,
    ...(!editing || otherNames.length > 0 ? { otherNames } : {}),
    facts: v.facts.trim(),
    provisions: v.provisions.trim(),
    basis: v.basis.trim(),
    penalty: v.penalty.trim(),
    ...(v.kinds.includes('fine') && typeof v.fineAmount === 'number' ? { fineAmount: v.fineAmount } : {}),
    ...(v.kinds.includes('confiscate_gains') && typeof v.confiscatedAmount === 'number' ? { confiscatedAmount: v.confiscatedAmount } : {}),
    decidedOn: v.decidedOn?.format('YYYY-MM-DD') ?? '',
    authority: v.authority.trim(),
    areaCode: v.areaCode,
    ...(reportId ? { reportId } : {}),
  };
}

function fieldsOf(d: DecisionDetail, otherNames: string[]): Partial<Fields> {
  return {
    decisionNo: d.decisionNo,
    decidedOn: dayjs(d.decidedOn),
    authority: d.authority,
    areaCode: d.areaCode,
    kinds: d.kinds,
    fineAmount: d.fineAmount ?? undefined,
    confiscatedAmount: d.confiscatedAmount ?? undefined,
    partyKind: d.party.kind,
    ...(d.party.kind === 'organisation' ? { orgName: d.party.name, uscc: d.party.uscc ?? undefined, orgAddress: d.party.address ?? undefined } : {}),
    facts: d.facts,
    provisions: d.provisions,
    basis: d.basis,
    penalty: d.penalty,
    otherNames,
  };
}

const yuanFormat = (v: number | string | undefined) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const yuanParse = (v: string | undefined) => Number((v ?? '').replace(/,/g, ''));

/** 新增 / 修改处罚决定: the decision as made, the party (a person's data sealed), the facts and the penalty. */
export default function DisclosureFormPage() {
  const { t } = useI18n();
  const params = useParams();
  const [search] = useSearchParams();
  const editId = params.id ? Number(params.id) : null;
  const reportParam = Number(search.get('report'));
  const reportId = !editId && Number.isInteger(reportParam) && reportParam > 0 ? reportParam : undefined;
  const existing = useQuery({ queryKey: ['disclosure', editId], queryFn: ({ signal }) => disclosureApi.get(editId as number, signal), enabled: editId !== null && editId > 0 });
  const prefill = useQuery({ queryKey: ['disclosure-prefill', reportId], queryFn: ({ signal }) => disclosureApi.prefill(reportId as number, signal), enabled: !!reportId, retry: false });

  if (editId !== null && (!Number.isInteger(editId) || editId <= 0 || isNotFound(existing.error))) return <RecordNotFound backTo="/protection/disclosure" backLabel={t('dc.backToList')} />;
  if (existing.isError) return <LoadError error={existing.error} onRetry={() => existing.refetch()} />;
  if (editId !== null && !existing.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (reportId && prefill.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <DecisionForm detail={existing.data ?? null} prefill={prefill.data ?? null} prefillError={prefill.error} reportId={existing.data?.report?.id ?? reportId} />;
}

function DecisionForm({ detail, prefill, prefillError, reportId }: { detail: DecisionDetail | null; prefill: PrefillView | null; prefillError: unknown; reportId: number | undefined }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const cityWide = user.areaScope === CITY_CODE;
  const kinds = (Form.useWatch('kinds', form) ?? []) as DecisionKind[];
  const partyKind = Form.useWatch('partyKind', form) as Fields['partyKind'] | undefined;
  const editing = detail !== null;
  // On an edit a person's sealed data is not sent to the page: empty fields keep what is stored.
  const keepPerson = editing && detail.party.kind === 'natural_person';

  useEffect(() => {
    if (detail) form.setFieldsValue(fieldsOf(detail, []));
  }, [detail, form]);

  const initial: Partial<Fields> = detail
    ? fieldsOf(detail, [])
    : {
        kinds: [],
        partyKind: 'organisation',
        areaCode: prefill?.body.areaCode ?? user.areaScope,
        authority: user.org.name,
        decisionNo: prefill?.body.decisionNo,
        facts: prefill?.body.facts,
        orgName: prefill?.body.partyName ?? undefined,
        otherNames: [],
      };

  const save = async (v: Fields) => {
    setBusy(true);
    setProblem(null);
    try {
      const body = bodyOf(v, reportId, editing);
      const saved = detail ? await disclosureApi.update(detail.id, body) : await disclosureApi.create(body);
      queryClient.setQueryData(['disclosure', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['disclosures'] });
      message.success(t('dc.saved'));
      navigate(`/protection/disclosure/${saved.id}`);
    } catch (e) {
      if (isApiError(e) && e.status === 409 && editing) {
        setProblem(errorText(e, t('error.unexpected')));
        return;
      }
      const person = form.getFieldValue('partyKind') === 'natural_person';
      const placed: Array<{ name: keyof Fields; errors: string[] }> = [];
      const rest: string[] = [];
      for (const p of isApiError(e) ? e.fieldProblems(lang) : []) {
        const name = formField(p.field, person);
        if (name) placed.push({ name: name as keyof Fields, errors: [inLanguage(p.message, lang)] });
        else rest.push(inLanguage(p.message, lang));
      }
      if (placed.length > 0) {
        form.setFields(placed);
        form.scrollToField(placed[0]?.name as keyof Fields);
      }
      if (placed.length === 0 || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const keepHint = (masked: string | null) => (keepPerson && masked ? t('dc.keepHint', { value: masked }) : undefined);
  const required = (label: string) => ({ required: !keepPerson, whitespace: true, message: t('dc.required', { field: label }) });
  const title = editing ? t('dc.editTitle') : t('dc.new');

  return (
    <>
      <PageHeader back={detail ? `/protection/disclosure/${detail.id}` : '/protection/disclosure'} title={title} subtitle={detail ? detail.decisionNo : undefined} />
      <Form<Fields> form={form} layout="vertical" onFinish={save} disabled={busy} initialValues={initial} scrollToFirstError className="xz-dc-form">
        <Alert type="info" showIcon title={t('dc.form.intro')} className="xz-card" />
        {detail?.status === 'reviewed' && <Alert type="warning" showIcon title={t('dc.reviewVoidWarning')} className="xz-card" />}
        {prefill && (
          <Alert
            type={prefill.existing ? 'warning' : 'success'}
            showIcon
            icon={<LinkOutlined />}
            className="xz-card"
            title={t('dc.fromReport', { ref: prefill.report.ref, subject: prefill.report.subject })}
            description={
              prefill.existing ? (
                <span>
                  {t('dc.existing', { no: prefill.body.decisionNo })} <Link to={`/protection/disclosure/${prefill.existing.id}`}>{t('dc.openExisting')}</Link>
                </span>
              ) : prefill.report.caseValue ? (
                t('dc.fromReportValue', { amount: formatYuan(prefill.report.caseValue) })
              ) : undefined
            }
          />
        )}
        {prefillError ? <Alert type="error" showIcon title={errorText(prefillError, t('error.unexpected'))} className="xz-card" /> : null}

        <Card size="small" title={t('dc.form.decision')} className="xz-card">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="decisionNo" label={t('dc.decisionNo')} extra={t('dc.decisionNoHint')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.decisionNo') }) }, { max: 60 }]}>
                <Input maxLength={60} placeholder="固市监处罚〔2026〕41号" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="decidedOn" label={t('dc.decidedOn')} extra={t('dc.decidedOnHint')} rules={[{ required: true, message: t('dc.required', { field: t('dc.decidedOn') }) }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="authority" label={t('dc.authority')} extra={t('dc.authorityHint')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.authority') }) }, { max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {cityWide ? (
                <Form.Item name="areaCode" label={t('dc.area')} extra={t('dc.areaHint')} rules={[{ required: true, message: t('dc.required', { field: t('dc.area') }) }]}>
                  <AreaSelect />
                </Form.Item>
              ) : (
                <Form.Item name="areaCode" label={t('dc.area')} extra={t('dc.areaOwnHint')}>
                  <Select disabled options={[{ value: user.areaScope, label: areaByCode(user.areaScope)?.name ?? user.areaName }]} />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Form.Item name="kinds" label={t('dc.kinds')} extra={t('dc.kindsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('dc.kindsRequired') }]}>
            <Checkbox.Group options={DECISION_KINDS.map((k) => ({ value: k, label: decisionKindName(t, k) }))} />
          </Form.Item>
          <Row gutter={16}>
            {kinds.includes('fine') && (
              <Col xs={24} md={12}>
                <Form.Item name="fineAmount" label={t('dc.fineAmount')} rules={[{ required: true, message: t('dc.required', { field: t('dc.fineAmount') }) }]}>
                  <InputNumber<number> min={0.01} max={1e10} precision={2} style={{ width: '100%' }} suffix={t('prd.yuan')} formatter={yuanFormat} parser={yuanParse} />
                </Form.Item>
              </Col>
            )}
            {kinds.includes('confiscate_gains') && (
              <Col xs={24} md={12}>
                <Form.Item name="confiscatedAmount" label={t('dc.confiscatedAmount')} rules={[{ required: true, message: t('dc.required', { field: t('dc.confiscatedAmount') }) }]}>
                  <InputNumber<number> min={0.01} max={1e10} precision={2} style={{ width: '100%' }} suffix={t('prd.yuan')} formatter={yuanFormat} parser={yuanParse} />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>

        <Card size="small" title={t('dc.form.party')} className="xz-card">
          <Form.Item name="partyKind" label={t('dc.partyKindLabel')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'organisation', label: t('dc.partyKind.organisation') },
                { value: 'natural_person', label: t('dc.partyKind.natural_person') },
              ]}
            />
          </Form.Item>
          {partyKind === 'natural_person' ? (
            <>
              <Typography.Paragraph type="secondary">{t('dc.personHint')}</Typography.Paragraph>
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="personName" label={t('dc.personName')} extra={keepHint(detail?.party.kind === 'natural_person' ? detail.party.name : null)} rules={[required(t('dc.personName')), { max: 50 }]}>
                    <Input maxLength={50} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="idNumber"
                    label={t('dc.idNumber')}
                    required={!keepPerson}
                    extra={keepHint(detail?.party.kind === 'natural_person' ? detail.party.idNumber : null)}
                    rules={[idNumberRule(t, lang, !keepPerson)]}
                  >
                    <Input maxLength={18} autoComplete="off" className="xz-num" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="phone" label={t('dc.phoneOptional')} extra={keepHint(detail?.party.kind === 'natural_person' ? detail.party.phone : null)} rules={[mobileRule(t, lang, false)]}>
                    <Input maxLength={20} autoComplete="off" className="xz-num" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="personAddress"
                label={t('dc.personAddress')}
                extra={keepHint(detail?.party.kind === 'natural_person' ? detail.party.address : null) ?? t('dc.personAddressHint')}
                rules={[required(t('dc.personAddress')), { max: 300 }]}
              >
                <Input maxLength={300} autoComplete="off" />
              </Form.Item>
            </>
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('dc.orgHint')}</Typography.Paragraph>
              <Row gutter={16}>
                <Col xs={24} md={14}>
                  <Form.Item name="orgName" label={t('dc.orgName')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.orgName') }) }, { max: 200 }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item
                    name="uscc"
                    label={t('dc.uscc')}
                    rules={[
                      { required: true, whitespace: true, message: t('dc.required', { field: t('dc.uscc') }) },
                      {
                        validator: async (_r, v: string | undefined) => {
                          if (!v || !v.trim()) return;
                          const r = parseUscc(v);
                          if (!r.ok) throw new Error(r.message[lang]);
                        },
                      },
                    ]}
                  >
                    <Input maxLength={18} className="xz-mono" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="orgAddress" label={t('dc.orgAddress')} rules={[{ max: 300 }]}>
                <Input maxLength={300} />
              </Form.Item>
            </>
          )}
        </Card>

        <Card size="small" title={t('dc.form.content')} className="xz-card">
          <Form.Item name="facts" label={t('dc.facts')} extra={t('dc.factsHint')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.facts') }) }, { max: 4000 }]}>
            <Input.TextArea rows={5} maxLength={4000} showCount />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="provisions" label={t('dc.provisions')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.provisions') }) }, { max: 1000 }]}>
                <Input.TextArea rows={2} maxLength={1000} placeholder={t('dc.provisionsPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="basis" label={t('dc.basis')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.basis') }) }, { max: 1000 }]}>
                <Input.TextArea rows={2} maxLength={1000} placeholder={t('dc.basisPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="penalty" label={t('dc.penalty')} extra={t('dc.penaltyHint')} rules={[{ required: true, whitespace: true, message: t('dc.required', { field: t('dc.penalty') }) }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="otherNames" label={t('dc.otherNames')} extra={editing && detail.otherNames.length > 0 ? t('dc.otherNamesEditHint', { names: detail.otherNames.join(lang === 'zh' ? '、' : ', ') }) : t('dc.otherNamesHint')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ' ']} maxCount={20} />
          </Form.Item>
        </Card>

        {problem && <Alert type="error" showIcon title={problem} role="alert" className="xz-card" />}
        <Flex gap={12} align="center" style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(detail ? `/protection/disclosure/${detail.id}` : '/protection/disclosure')}>{t('common.cancel')}</Button>
          <Typography.Text type="secondary" className="xz-small">
            {t('dc.saveHint')}
          </Typography.Text>
        </Flex>
      </Form>
    </>
  );
}
