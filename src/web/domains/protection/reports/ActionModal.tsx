import { Alert, App as AntdApp, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_REWARD_RULE, rewardAmount, type RewardRule } from '../../../../shared/protection/reports';
import { CITY_CODE } from '../../../../shared/validators/region';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { reportsApi, type ReportAction, type ReportDetail, type RewardAction } from '../api';
import { placeFieldErrors } from '../forms';
import { formatRate, formatYuan, whyName } from '../labels';
import { useReportAction } from './useReportAction';

export type DialogAction = ReportAction | RewardAction;

const FIELDS: Record<DialogAction, string[]> = {
  accept: ['areaCode', 'note'],
  reject: ['reason', 'duplicateOf'],
  assign: ['areaCode', 'note'],
  investigate: ['note'],
  conclude: ['violation', 'caseValue', 'decisionNo', 'conclusion'],
  propose: ['level', 'note'],
  approve: [],
  refuse: ['reason'],
  pay: ['paidRef'],
};

/** Reports go to counties and districts (the zones' desks work under them). */
/** Any area with a desk of its own: counties, districts and management zones (not the city itself). */
const countyLevel = (a: { kind: string }) => a.kind !== 'city';

const REWARD_ACTIONS: readonly string[] = ['propose', 'approve', 'refuse', 'pay'];

type Values = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The body each step sends, from the dialog's fields. */
function bodyOf(action: DialogAction, v: Values): object {
  switch (action) {
    case 'accept':
      return { ...(text(v.areaCode) ? { areaCode: text(v.areaCode) } : {}), ...(text(v.note) ? { note: text(v.note) } : {}) };
    case 'reject':
      return { reason: text(v.reason) ?? '', ...(typeof v.duplicateOf === 'number' ? { duplicateOf: v.duplicateOf } : {}) };
    case 'assign':
      return { areaCode: text(v.areaCode) ?? '', ...(text(v.note) ? { note: text(v.note) } : {}) };
    case 'investigate':
      return text(v.note) ? { note: text(v.note) } : {};
    case 'conclude':
      return {
        violation: v.violation === true,
        ...(v.violation === true && typeof v.caseValue === 'number' ? { caseValue: v.caseValue } : {}),
        ...(v.violation === true && text(v.decisionNo) ? { decisionNo: text(v.decisionNo) } : {}),
        conclusion: text(v.conclusion) ?? '',
      };
    case 'propose':
      return { level: Number(v.level), ...(text(v.note) ? { note: text(v.note) } : {}) };
    case 'approve':
      return {};
    case 'refuse':
      return { reason: text(v.reason) ?? '' };
    case 'pay':
      return { paidRef: text(v.paidRef) ?? '' };
  }
}

/** A rule as stored with a reward, if it has the expected shape. */
function ruleOf(raw: unknown): RewardRule | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Partial<RewardRule>;
  return Array.isArray(r.tiers) && typeof r.cap === 'number' ? (r as RewardRule) : null;
}

/** One step on a report, in a dialog that asks for what the step needs and says what it does. */
export function ActionModal({ action, report, onClose }: { action: DialogAction; report: ReportDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Values>();
  const run = useReportAction(report.id);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    const body = bodyOf(action, v);
    const outcome = await run(() => (REWARD_ACTIONS.includes(action) ? reportsApi.reward(report.id, action as RewardAction, body) : reportsApi.act(report.id, action as ReportAction, body)));
    setBusy(false);
    if (outcome.ok) {
      message.success(t('prd.done', { action: t(`prd.action.${action}`) }));
      onClose();
      return;
    }
    if (outcome.conflict) {
      onClose();
      return;
    }
    const { placed, rest } = placeFieldErrors(form, outcome.error, lang, FIELDS[action]);
    if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(outcome.error, t('error.unexpected')));
  };

  return (
    <Modal
      open
      title={t(`prd.dialog.${action}`)}
      okText={t(`prd.action.${action}`)}
      okButtonProps={{ danger: action === 'reject' || action === 'refuse', loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={action === 'propose' || action === 'conclude' ? 680 : 520}
      mask={{ closable: false }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={initialOf(action, report)} preserve={false}>
        <Fields action={action} report={report} />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}

function initialOf(action: DialogAction, r: ReportDetail): Values {
  if (action === 'accept' || action === 'assign') return { areaCode: r.areaCode ?? undefined };
  if (action === 'conclude') return { violation: true };
  return {};
}

function Fields({ action, report }: { action: DialogAction; report: ReportDetail }) {
  const { t } = useI18n();
  const user = useUser();
  const cityWide = user.areaScope === CITY_CODE;
  const note = (
    <Form.Item name="note" label={t('prd.noteOptional')} rules={[{ max: 500 }]}>
      <Input.TextArea rows={3} maxLength={500} showCount />
    </Form.Item>
  );
  switch (action) {
    case 'accept':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('prd.acceptIntro')}</Typography.Paragraph>
          {cityWide && (
            <Form.Item name="areaCode" label={t('prd.areaOptional')} extra={t('prd.acceptAreaHint')}>
              <AreaSelect allowClear filter={countyLevel} />
            </Form.Item>
          )}
          {note}
        </>
      );
    case 'reject':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('prd.rejectIntro')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('prd.reason')} rules={[{ required: true, whitespace: true, message: t('prd.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          {report.similar.length > 0 && (
            <Form.Item name="duplicateOf" label={t('prd.duplicateOf')} extra={t('prd.duplicateOfHint')}>
              <Select<number>
                allowClear
                options={report.similar.map((s) => ({ value: s.id, label: `${s.ref} · ${s.subject}（${s.why.map((w) => whyName(t, w)).join('、')}）` }))}
              />
            </Form.Item>
          )}
        </>
      );
    case 'assign':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('prd.assignIntro')}</Typography.Paragraph>
          <Form.Item name="areaCode" label={t('prd.area')} rules={[{ required: true, message: t('prd.areaRequired') }]}>
            <AreaSelect filter={countyLevel} />
          </Form.Item>
          {note}
        </>
      );
    case 'investigate':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('prd.investigateIntro')}</Typography.Paragraph>
          {note}
        </>
      );
    case 'conclude':
      return <ConcludeFields />;
    case 'propose':
      return <ProposeFields report={report} />;
    case 'approve':
      return (
        <>
          <Typography.Paragraph>{t('prd.approveIntro', { level: report.reward.level ?? '—', amount: formatYuan(report.reward.amount), who: report.reward.proposedBy ?? '—' })}</Typography.Paragraph>
          {report.reward.note && <Alert type="info" title={t('prd.proposeNote')} description={report.reward.note} style={{ marginBottom: 12 }} />}
          <Typography.Paragraph type="secondary">{t('prd.approveHint')}</Typography.Paragraph>
        </>
      );
    case 'refuse':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('prd.refuseIntro')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('prd.reason')} rules={[{ required: true, whitespace: true, message: t('prd.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </>
      );
    case 'pay':
      return (
        <>
          <Typography.Paragraph>{t('prd.payIntro', { amount: formatYuan(report.reward.amount) })}</Typography.Paragraph>
          <Form.Item name="paidRef" label={t('prd.paidRef')} extra={t('prd.paidRefHint')} rules={[{ required: true, whitespace: true, message: t('prd.paidRefRequired') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
  }
}

function ConcludeFields() {
  const { t } = useI18n();
  const violation = Form.useWatch('violation') as boolean | undefined;
  return (
    <>
      <Form.Item name="violation" label={t('prd.violation')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('prd.violationYes') },
            { value: false, label: t('prd.violationNo') },
          ]}
        />
      </Form.Item>
      {violation && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="caseValue" label={t('prd.caseValue')} extra={t('prd.caseValueHint')} rules={[{ required: true, message: t('prd.caseValueRequired') }]}>
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
          <Col xs={24} md={12}>
            <Form.Item name="decisionNo" label={t('prd.decisionNo')} extra={t('prd.decisionNoHint')} rules={[{ required: true, whitespace: true, message: t('prd.decisionNoRequired') }, { max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="conclusion" label={t('prd.conclusion')} extra={t('prd.conclusionHint')} rules={[{ required: true, whitespace: true, message: t('prd.conclusionRequired') }, { max: 2000 }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}

function ProposeFields({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const settings = useQuery({ queryKey: ['protection-settings'], queryFn: reportsApi.settings, staleTime: 60_000 });
  const rule = ruleOf(report.reward.rule) ?? settings.data?.rewardRule ?? DEFAULT_REWARD_RULE;
  const caseValue = report.caseValue ?? 0;
  const tiers = [...rule.tiers].sort((a, b) => a.level - b.level);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('prd.proposeIntro', { value: formatYuan(caseValue), cap: formatYuan(rule.cap) })}</Typography.Paragraph>
      <Form.Item name="level" label={t('pr.rewardLevel')} rules={[{ required: true, message: t('prd.levelRequired') }]}>
        <Radio.Group className="xz-tier-group">
          {tiers.map((tier) => {
            const amount = rewardAmount(rule, tier.level, caseValue);
            return (
              <Radio key={tier.level} value={tier.level} className="xz-tier">
                <span className="xz-tier-head">
                  <strong>{t('pr.levelN', { n: tier.level })}</strong>
                  <span className="xz-tier-amount xz-num">{formatYuan(amount)}</span>
                </span>
                <span className="xz-tier-rule">{t('prd.tierRule', { rate: formatRate(tier.rate), min: formatYuan(tier.minimum) })}</span>
                <span className="xz-tier-criterion">{tier.criterion}</span>
              </Radio>
            );
          })}
        </Radio.Group>
      </Form.Item>
      <Typography.Paragraph type="secondary" className="xz-small">
        {t('prd.ruleBasis', { basis: rule.basis })}
      </Typography.Paragraph>
      <Form.Item name="note" label={t('prd.noteOptional')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}
