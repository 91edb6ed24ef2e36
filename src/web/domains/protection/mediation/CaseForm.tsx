import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import { RIGHT_KINDS, type RightKind } from '../../../../shared/protection/reports';
import { parseUscc } from '../../../../shared/validators';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n, type Lang, type Translate } from '../../../app/i18n';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { idNumberRule, inLanguage, mobileRule } from '../forms';
import { rightKindName } from '../labels';
import type { PartyBody } from './api';
import { MEDIATION_KINDS, kindName } from './labels';

export interface PartyFields {
  kind: 'person' | 'org';
  name?: string;
  uscc?: string;
  contact?: string;
  phone?: string;
  idNumber?: string;
  address?: string;
}

export interface CaseValues {
  kind?: 'assistance' | 'mediation';
  rightKind?: RightKind;
  rightRef?: string;
  claims?: string;
  facts?: string;
  amount?: number | null;
  areaCode?: string;
  applicants?: PartyFields[];
  respondents?: PartyFields[];
}

const PARTY_FIELDS = ['kind', 'name', 'uscc', 'contact', 'phone', 'idNumber', 'address'];
/** Top-level fields of CaseFields, where a server problem can be shown on its field. */
export const CASE_FIELDS = ['kind', 'rightKind', 'rightRef', 'claims', 'facts', 'amount', 'areaCode'];

const clean = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The parties as the API takes them: empty fields left out. */
export function partyBodies(list: PartyFields[] | undefined): PartyBody[] {
  return (list ?? []).map((p) => ({
    kind: p.kind,
    name: clean(p.name) ?? '',
    ...(p.kind === 'org' && clean(p.uscc) ? { uscc: clean(p.uscc) } : {}),
    ...(p.kind === 'org' && clean(p.contact) ? { contact: clean(p.contact) } : {}),
    ...(clean(p.phone) ? { phone: clean(p.phone) } : {}),
    ...(p.kind === 'person' && clean(p.idNumber) ? { idNumber: clean(p.idNumber) } : {}),
    ...(clean(p.address) ? { address: clean(p.address) } : {}),
  }));
}

/** The common part of every case form, as the API takes it. */
export function caseCore(v: CaseValues) {
  return {
    kind: v.kind ?? 'mediation',
    rightKind: v.rightKind ?? 'other',
    ...(clean(v.rightRef) ? { rightRef: clean(v.rightRef) } : {}),
    claims: clean(v.claims) ?? '',
    facts: clean(v.facts) ?? '',
    ...(typeof v.amount === 'number' ? { amount: v.amount } : {}),
    ...(v.areaCode ? { areaCode: v.areaCode } : {}),
    respondents: partyBodies(v.respondents),
  };
}

/**
 * Puts a 400/422 answer's field problems on the form, list items included (respondents.0.phone);
 * returns the problems that belong to no field.
 */
export function placeCaseErrors(form: FormInstance, err: unknown, lang: Lang, known: readonly string[]): { placed: boolean; rest: string[] } {
  if (!isApiError(err)) return { placed: false, rest: [] };
  const rest: string[] = [];
  const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
  for (const p of err.fieldProblems(lang)) {
    const name = p.field.split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const msg = inLanguage(p.message, lang);
    const party = name.length === 3 && (name[0] === 'applicants' || name[0] === 'respondents') && PARTY_FIELDS.includes(String(name[2]));
    if (party || (name.length === 1 && known.includes(String(name[0])))) fields.push({ name, errors: [msg] });
    else rest.push(msg);
  }
  if (fields.length > 0) form.setFields(fields);
  return { placed: fields.length > 0, rest };
}

/** The one line to show for a failed form: a problem no field shows, or "see the marked fields", or the error itself. */
export function caseError(form: FormInstance, err: unknown, lang: Lang, known: readonly string[], t: Translate): string {
  const { placed, rest } = placeCaseErrors(form, err, lang, known);
  if (rest[0]) return rest[0];
  if (placed) return t('pub.fixFields');
  return errorText(err, t('error.unexpected'));
}

const usccRule = (lang: Lang) => ({
  validator: async (_r: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return;
    const r = parseUscc(v);
    if (!r.ok) throw new Error(r.message[lang]);
  },
});

/** The parties of one side (applicants or respondents), each an organisation or a person; more can be added. */
export function PartyList({ name, title, requirePhone = false, max = 10 }: { name: 'applicants' | 'respondents'; title: string; requirePhone?: boolean; max?: number }) {
  const { t, lang } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((f, i) => (
            <PartyCard key={f.key} list={name} index={f.name} title={`${title}${fields.length > 1 ? ` ${i + 1}` : ''}`} onRemove={fields.length > 1 ? () => remove(f.name) : undefined} requirePhone={requirePhone} lang={lang} />
          ))}
          {fields.length < max && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'org' })} block>
              {t('md.form.addParty', { role: title })}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

function PartyCard({ list, index, title, onRemove, requirePhone, lang }: { list: string; index: number; title: string; onRemove?: () => void; requirePhone: boolean; lang: Lang }) {
  const { t } = useI18n();
  const kind = Form.useWatch([list, index, 'kind']) as PartyFields['kind'] | undefined;
  const org = kind !== 'person';
  return (
    <Card
      size="small"
      type="inner"
      title={title}
      className="xz-md-party"
      extra={onRemove ? <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('md.form.removeParty', { role: title })} /> : null}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={[index, 'kind']} label={t('md.party.kind')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'org', label: t('md.party.org') }, { value: 'person', label: t('md.party.person') }]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[index, 'name']} label={org ? t('md.party.orgName') : t('md.party.personName')} rules={[{ required: true, whitespace: true, message: t('md.form.nameRequired') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {org ? (
          <>
            <Col xs={24} md={12}>
              <Form.Item name={[index, 'uscc']} label={t('md.party.uscc')} rules={[usccRule(lang)]}>
                <Input maxLength={30} className="xz-mono" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={[index, 'contact']} label={t('md.party.contact')} rules={[{ max: 50 }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </>
        ) : (
          <Col xs={24} md={12}>
            <Form.Item name={[index, 'idNumber']} label={t('md.party.idNumber')} rules={[idNumberRule(t, lang, false)]}>
              <Input maxLength={20} className="xz-mono" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name={[index, 'phone']} label={t('md.party.phone')} required={requirePhone} rules={[mobileRule(t, lang, requirePhone)]}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[index, 'address']} label={t('md.party.address')} extra={t('md.party.addressHint')} rules={[{ max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** What the dispute is about: the kind of help, the right, the claims and facts, the amount, the area. */
export function CaseFields({ kindChoice = true, areaChoice = true }: { kindChoice?: boolean; areaChoice?: boolean }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      {kindChoice && (
        <Col xs={24}>
          <Form.Item name="kind" label={t('md.field.kind')} extra={t('md.field.kindHint')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={MEDIATION_KINDS.map((k) => ({ value: k, label: kindName(t, k) }))} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={10}>
        <Form.Item name="rightKind" label={t('pr.rightKind')} rules={[{ required: true, message: t('pub.rightKindRequired') }]}>
          <Select<RightKind> placeholder={t('pub.choose')} options={RIGHT_KINDS.map((k) => ({ value: k, label: rightKindName(t, k) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item name="rightRef" label={t('pr.rightRef')} extra={t('md.field.rightRefHint')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="claims" label={t('md.field.claims')} extra={t('md.field.claimsHint')} rules={[{ required: true, whitespace: true, message: t('md.form.claimsRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="facts" label={t('md.field.facts')} extra={t('md.field.factsHint')} rules={[{ required: true, whitespace: true, message: t('md.form.factsRequired') }, { max: 6000 }]}>
          <Input.TextArea rows={5} maxLength={6000} showCount />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item name="amount" label={t('md.field.amount')}>
          <InputNumber<number>
            min={0}
            max={1e11}
            precision={2}
            style={{ width: '100%' }}
            suffix={t('prd.yuan')}
            formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
            parser={(v) => Number((v ?? '').replace(/,/g, ''))}
          />
        </Form.Item>
      </Col>
      {areaChoice && (
        <Col xs={24} md={14}>
          <Form.Item name="areaCode" label={t('md.field.area')} extra={t('md.field.areaHint')}>
            <AreaSelect allowClear placeholder={t('md.field.areaAuto')} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24}>
        <Typography.Paragraph type="secondary" className="xz-small">
          {t('md.form.privacy')}
        </Typography.Paragraph>
      </Col>
    </Row>
  );
}
