import { GiftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { publicApi, type TrackView } from '../api';
import { useChallenge } from '../challenge';
import { idNumberRule, mobileRule, placeFieldErrors } from '../forms';
import { formatYuan } from '../labels';

/** The reward part of the tracking page: nothing, under review, the notice and claim form, claimed, paid. */
export function RewardSection({ view, code, onChange }: { view: TrackView; code: string; onChange: (v: TrackView) => void }) {
  const { t } = useI18n();
  const r = view.reward;
  const amountLine = r.amount !== null ? t('pub.rewardLine', { level: r.level ?? '—', amount: formatYuan(r.amount) }) : '';

  if (r.status === 'none') {
    if (view.status !== 'concluded' || !view.violation) return null;
    return <Alert className="xz-public-note" type="info" showIcon title={t('pub.rewardPending')} />;
  }
  if (r.status === 'proposed') return <Alert className="xz-public-note" type="info" showIcon title={t('pub.rewardProposed')} description={t('pub.rewardProposedText')} />;
  if (r.status === 'refused') return <Alert className="xz-public-note" type="warning" showIcon title={t('pub.rewardRefused')} description={t('pub.rewardRefusedText')} />;

  return (
    <Card className="xz-public-card xz-reward-card" title={<h2 className="xz-public-h2"><GiftOutlined aria-hidden /> {t('pub.rewardTitle')}</h2>}>
      <Flex vertical gap={16}>
        {r.status === 'approved' && (
          <Alert
            type="success"
            showIcon
            title={<strong>{t('pub.rewardApproved')}</strong>}
            description={
              <>
                <div>{amountLine}</div>
                {r.claimDue && <div>{t('pub.claimBy', { date: formatDate(r.claimDue) })}</div>}
              </>
            }
          />
        )}
        {r.status === 'claimed' && (
          <Alert type="info" showIcon title={<strong data-testid="reward-status">{t('pub.rewardClaimed')}</strong>} description={t('pub.rewardClaimedText', { date: formatDateTime(r.claimedAt) })} />
        )}
        {r.status === 'paid' && (
          <Alert type="success" showIcon title={<strong data-testid="reward-status">{t('pub.rewardPaid')}</strong>} description={t('pub.rewardPaidText', { date: formatDateTime(r.paidAt) })} />
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'level', label: t('pr.rewardLevel'), children: r.level ? t('pr.levelN', { n: r.level }) : '—' },
            { key: 'amount', label: t('pr.rewardAmount'), children: <strong className="xz-num">{formatYuan(r.amount)}</strong> },
            ...(r.claimDue && r.status === 'approved' ? [{ key: 'due', label: t('pub.claimDue'), children: formatDate(r.claimDue) }] : []),
            ...(r.claimedAt ? [{ key: 'claimed', label: t('pub.claimedAt'), children: formatDateTime(r.claimedAt) }] : []),
            ...(r.paidAt ? [{ key: 'paid', label: t('pub.paidAt'), children: formatDateTime(r.paidAt) }] : []),
          ]}
        />
        {r.status === 'approved' && <ClaimForm code={code} onClaimed={onChange} />}
      </Flex>
    </Card>
  );
}

interface ClaimFields {
  name: string;
  idNumber: string;
  phone: string;
  bank: string;
  account: string;
  declaration: boolean;
}

const KNOWN = ['name', 'idNumber', 'phone', 'bank', 'account', 'declaration'];

function ClaimForm({ code, onClaimed }: { code: string; onClaimed: (v: TrackView) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ClaimFields>();
  const challenge = useChallenge();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: ClaimFields) => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await challenge.take();
      onClaimed(
        await publicApi.claim({
          code,
          name: v.name.trim(),
          idNumber: v.idNumber.trim(),
          phone: v.phone.trim(),
          bank: v.bank.trim(),
          account: v.account.replace(/\s/g, ''),
          declaration: true,
          ...answer,
        }),
      );
    } catch (e) {
      void challenge.renew();
      const { placed, rest } = placeFieldErrors(form, e, lang, KNOWN);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? errorText(e, t('error.unexpected')));
      if (isApiError(e) && e.status === 409) setProblem(t('pub.claimConflict'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<ClaimFields> form={form} layout="vertical" onFinish={submit} disabled={busy} className="xz-claim-form" aria-labelledby="claim-title">
      <Typography.Title level={3} id="claim-title" className="xz-public-h3">
        {t('pub.claimTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pub.claimIntro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('pub.claimName')} rules={[{ required: true, whitespace: true, message: t('pub.nameRequired') }, { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="idNumber" label={t('pub.idNumber')} required rules={[idNumberRule(t, lang, true)]} validateTrigger="onBlur">
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('pub.phone')} required rules={[mobileRule(t, lang, true)]} validateTrigger="onBlur">
            <Input maxLength={20} autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="bank" label={t('pub.bank')} extra={t('pub.bankHint')} rules={[{ required: true, whitespace: true, message: t('pub.bankRequired') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="account"
            label={t('pub.account')}
            rules={[
              { required: true, message: t('pub.accountRequired') },
              { validator: async (_r, v: string | undefined) => {
                  if (v && !/^\d{12,30}$/.test(v.replace(/\s/g, ''))) throw new Error(t('pub.accountShape'));
                } },
            ]}
          >
            <Input maxLength={40} autoComplete="off" inputMode="numeric" className="xz-mono" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="declaration"
        valuePropName="checked"
        rules={[{ validator: async (_r, v: boolean | undefined) => {
            if (!v) throw new Error(t('pub.declarationRequired'));
          } }]}
      >
        <Checkbox>{t('pub.declaration')}</Checkbox>
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" size="large" loading={busy}>
        {t('pub.claimSubmit')}
      </Button>
    </Form>
  );
}
