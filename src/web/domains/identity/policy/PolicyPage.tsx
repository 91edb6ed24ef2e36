import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Col, Form, InputNumber, Row, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SecurityPolicy } from '../../../app/api-types';
import { useFormErrorHandler } from '../../../app/errors';
import { policyApi } from '../../../app/endpoints';
import { useT, type MessageKey } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError } from '../../../app/ui/States';

type NumberField = Exclude<keyof SecurityPolicy, 'mfaForAll'>;

/** Bounds of the server's schema: the 等保 2.0 level-3 minimums are the loose ends. */
const FIELDS: { name: NumberField; min: number; max: number; unit: MessageKey; label: MessageKey; hint: MessageKey }[] = [
  { name: 'minLength', min: 10, max: 64, unit: 'policy.unitChars', label: 'policy.minLength', hint: 'policy.minLengthHint' },
  { name: 'maxFailures', min: 3, max: 5, unit: 'policy.unitTimes', label: 'policy.maxFailures', hint: 'policy.maxFailuresHint' },
  { name: 'lockMinutes', min: 15, max: 1440, unit: 'policy.unitMinutes', label: 'policy.lockMinutes', hint: 'policy.lockMinutesHint' },
  { name: 'idleMinutes', min: 5, max: 30, unit: 'policy.unitMinutes', label: 'policy.idleMinutes', hint: 'policy.idleMinutesHint' },
  { name: 'absoluteHours', min: 1, max: 12, unit: 'policy.unitHours', label: 'policy.absoluteHours', hint: 'policy.absoluteHoursHint' },
];

export default function PolicyPage() {
  const t = useT();
  const { can } = useSession();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const manage = can('policy.manage');
  const policy = useQuery({ queryKey: ['policy'], queryFn: policyApi.get });
  const [form] = Form.useForm<SecurityPolicy>();
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const onError = useFormErrorHandler(form);

  useEffect(() => {
    if (policy.data) {
      form.setFieldsValue(policy.data);
      setDirty(false);
    }
  }, [policy.data, form]);

  const save = async (v: SecurityPolicy) => {
    setBusy(true);
    try {
      const saved = await policyApi.update(v);
      queryClient.setQueryData(['policy'], saved);
      message.success(t('policy.saved'));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('nav.policy')} subtitle={t('policy.subtitle')} />
      {policy.isError ? (
        <LoadError error={policy.error} onRetry={() => policy.refetch()} />
      ) : !policy.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Card>
          <Alert type="info" showIcon title={t('policy.boundsNote')} description={manage ? t('policy.manageNote') : t('policy.readOnlyNote')} style={{ marginBottom: 24 }} />
          <Form form={form} layout="vertical" onFinish={save} disabled={!manage || busy} onValuesChange={() => setDirty(true)}>
            <Row gutter={24}>
              {FIELDS.map((f) => (
                <Col key={f.name} xs={24} md={12} xl={8}>
                  <Form.Item
                    name={f.name}
                    label={t(f.label)}
                    extra={`${t(f.hint)} ${t('policy.range', { min: f.min, max: f.max })}`}
                    rules={[{ required: true, type: 'number', min: f.min, max: f.max, message: t('policy.outOfRange', { min: f.min, max: f.max }) }]}
                  >
                    <InputNumber min={f.min} max={f.max} precision={0} suffix={t(f.unit)} style={{ width: 180 }} />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={24} md={12} xl={8}>
                <Form.Item name="mfaForAll" label={t('policy.mfaForAll')} valuePropName="checked" extra={t('policy.mfaForAllHint')}>
                  <Switch checkedChildren={t('common.on')} unCheckedChildren={t('common.off')} />
                </Form.Item>
              </Col>
            </Row>
            {manage && (
              <Space>
                <Button type="primary" htmlType="submit" loading={busy} disabled={!dirty}>
                  {t('common.save')}
                </Button>
                <Button
                  disabled={!dirty || busy}
                  onClick={() => {
                    form.setFieldsValue(policy.data!);
                    setDirty(false);
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Space>
            )}
          </Form>
          <Typography.Paragraph type="secondary" className="xz-footnote" style={{ marginTop: 24 }}>
            {t('policy.footnote')}
          </Typography.Paragraph>
        </Card>
      )}
    </>
  );
}
