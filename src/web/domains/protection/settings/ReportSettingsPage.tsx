import { SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { rewardAmount, type RewardRule } from '../../../../shared/protection/reports';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError } from '../../../app/ui/States';
import { reportsApi, type SettingsView } from '../api';
import { placeFieldErrors } from '../forms';
import { formatYuan } from '../labels';
import { MediationSettingsCard } from '../mediation/MediationSettingsCard';

/** One row per level, in order: row 0 is level 1. */
interface TierFields {
  /** Percent in the form (5 for 5 %); a share in the API. */
  percent: number;
  minimum: number;
  criterion: string;
}

interface Fields {
  basis: string;
  cap: number;
  tiers: TierFields[];
  acceptWorkingDays: number;
  concludeDays: number;
  claimDays: number;
  publishWorkingDays: number;
}

const EXAMPLE_VALUE = 200_000;
const LEVELS = [1, 2, 3] as const;

const toFields = (s: SettingsView): Fields => ({
  basis: s.rewardRule.basis,
  cap: s.rewardRule.cap,
  tiers: [...s.rewardRule.tiers].sort((a, b) => a.level - b.level).map((t) => ({ percent: Math.round(t.rate * 10000) / 100, minimum: t.minimum, criterion: t.criterion })),
  acceptWorkingDays: s.deadlines.acceptWorkingDays,
  concludeDays: s.deadlines.concludeDays,
  claimDays: s.deadlines.claimDays,
  publishWorkingDays: s.disclosure.publishWorkingDays,
});

const ruleOf = (v: Fields): RewardRule => ({
  basis: v.basis,
  cap: v.cap,
  tiers: v.tiers.map((t, i) => ({ level: LEVELS[i] ?? 3, rate: Math.round(t.percent * 100) / 10000, minimum: t.minimum, criterion: t.criterion ?? '' })),
});

const money = (v: number | string | undefined) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const unmoney = (v: string | undefined) => Number((v ?? '').replace(/,/g, ''));

/** 保护工作设置 (city office): the reward rule and the deadlines of reports, mediation and disclosure. */
export default function ReportSettingsPage() {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const result = useQuery({ queryKey: ['protection-settings'], queryFn: reportsApi.settings });
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Fields | undefined;

  useEffect(() => {
    if (result.data) form.setFieldsValue(toFields(result.data));
  }, [result.data, form]);

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const rule = ruleOf(v);
      const saved = await reportsApi.saveSettings({
        rewardRule: { basis: rule.basis.trim(), cap: rule.cap, tiers: rule.tiers.map((x) => ({ ...x, criterion: x.criterion.trim() })) },
        deadlines: { acceptWorkingDays: v.acceptWorkingDays, concludeDays: v.concludeDays, claimDays: v.claimDays },
        disclosure: { publishWorkingDays: v.publishWorkingDays },
      });
      queryClient.setQueryData(['protection-settings'], saved);
      message.success(t('common.saved'));
    } catch (e) {
      const { placed, rest } = placeFieldErrors(form, e, lang, []);
      if (!placed || rest.length > 0) message.error(rest[0] ?? errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const complete = values?.tiers?.length === 3 && values.tiers.every((x) => typeof x?.percent === 'number' && typeof x?.minimum === 'number') && typeof values.cap === 'number';
  const example = complete && values ? ruleOf(values) : null;

  return (
    <>
      <PageHeader title={t('nav.reportSettings')} subtitle={t('prs.subtitle')} />
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : !result.data ? (
        <Skeleton active />
      ) : (
        <Form<Fields> form={form} layout="vertical" onFinish={save} disabled={busy} initialValues={toFields(result.data)}>
          <Card size="small" title={t('prs.rule')} className="xz-card">
            <Form.Item name="basis" label={t('prs.basis')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="cap" label={t('prs.cap')} extra={t('prs.capHint')} rules={[{ required: true }]}>
              <InputNumber<number> min={1} max={1e9} style={{ width: 220 }} suffix={t('prd.yuan')} formatter={money} parser={unmoney} />
            </Form.Item>
            <Form.List name="tiers">
              {(fields) => (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  scroll={{ x: 760 }}
                  columns={[
                    { title: t('pr.rewardLevel'), key: 'level', width: 80, render: (_v, f) => t('pr.levelN', { n: f.name + 1 }) },
                    {
                      title: t('prs.rate'),
                      key: 'rate',
                      width: 130,
                      render: (_v, f) => (
                        <Form.Item name={[f.name, 'percent']} rules={[{ required: true }]} noStyle>
                          <InputNumber<number> min={0} max={100} step={0.5} precision={2} suffix="%" aria-label={`${t('prs.rate')} ${f.name + 1}`} style={{ width: 110 }} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('prs.minimum'),
                      key: 'minimum',
                      width: 160,
                      render: (_v, f) => (
                        <Form.Item name={[f.name, 'minimum']} rules={[{ required: true }]} noStyle>
                          <InputNumber<number> min={0} max={1e8} suffix={t('prd.yuan')} formatter={money} parser={unmoney} aria-label={`${t('prs.minimum')} ${f.name + 1}`} style={{ width: 140 }} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('prs.criterion'),
                      key: 'criterion',
                      render: (_v, f) => (
                        <Form.Item name={[f.name, 'criterion']} rules={[{ required: true, whitespace: true }, { max: 300 }]} noStyle>
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} aria-label={`${t('prs.criterion')} ${f.name + 1}`} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              )}
            </Form.List>
            {example && (
              <Typography.Paragraph type="secondary" className="xz-footnote">
                {t('prs.example', {
                  value: formatYuan(EXAMPLE_VALUE),
                  list: example.tiers.map((x) => `${t('pr.levelN', { n: x.level })} ${formatYuan(rewardAmount(example, x.level, EXAMPLE_VALUE))}`).join(lang === 'zh' ? '，' : ', '),
                })}
              </Typography.Paragraph>
            )}
          </Card>
          <Card size="small" title={t('prs.deadlines')} className="xz-card">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="acceptWorkingDays" label={t('prs.acceptWorkingDays')} extra={t('prs.acceptWorkingDaysHint')} rules={[{ required: true }]}>
                  <InputNumber<number> min={1} max={60} precision={0} suffix={t('prs.workingDays')} style={{ width: 160 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="concludeDays" label={t('prs.concludeDays')} extra={t('prs.concludeDaysHint')} rules={[{ required: true }]}>
                  <InputNumber<number> min={1} max={365} precision={0} suffix={t('common.days')} style={{ width: 160 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="claimDays" label={t('prs.claimDays')} extra={t('prs.claimDaysHint')} rules={[{ required: true }]}>
                  <InputNumber<number> min={1} max={365} precision={0} suffix={t('common.days')} style={{ width: 160 }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('prs.disclosure')} className="xz-card">
            <Form.Item name="publishWorkingDays" label={t('prs.publishWorkingDays')} extra={t('prs.publishWorkingDaysHint')} rules={[{ required: true }]}>
              <InputNumber<number> min={1} max={60} precision={0} suffix={t('prs.workingDays')} style={{ width: 160 }} />
            </Form.Item>
          </Card>
          <Flex gap={12} align="center" style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
              {t('common.save')}
            </Button>
            <Typography.Text type="secondary" className="xz-small">
              {t('prs.saveHint')}
            </Typography.Text>
          </Flex>
        </Form>
      )}
      <MediationSettingsCard />
    </>
  );
}
