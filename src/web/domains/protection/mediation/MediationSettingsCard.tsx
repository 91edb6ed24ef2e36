import { SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { LoadError } from '../../../app/ui/States';
import { mediationApi, type SettingsView } from './api';
import { caseError } from './CaseForm';

const FIELDS = ['assignWorkingDays', 'mediationDays', 'courtMediationDays', 'maxExtensionDays', 'confirmRequestDays'] as const;

/** The deadlines of 维权援助与调解 on the settings page, saved on their own. */
export function MediationSettingsCard() {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const result = useQuery({ queryKey: ['mediation-settings'], queryFn: mediationApi.settings });
  const [form] = Form.useForm<SettingsView>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (result.data) form.setFieldsValue(result.data);
  }, [result.data, form]);

  const save = async (v: SettingsView) => {
    setBusy(true);
    try {
      queryClient.setQueryData(['mediation-settings'], await mediationApi.saveSettings(v));
      message.success(t('common.saved'));
    } catch (e) {
      message.error(caseError(form, e, lang, FIELDS, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: (typeof FIELDS)[number], min: number, max: number, unit: string) => (
    <Col xs={24} md={12} xl={8} key={name}>
      <Form.Item name={name} label={t(`md.settings.${name}`)} extra={t(`md.settings.${name}Hint`)} rules={[{ required: true }]}>
        <InputNumber<number> min={min} max={max} precision={0} suffix={unit} style={{ width: 160 }} />
      </Form.Item>
    </Col>
  );

  return (
    <Card size="small" title={t('md.settings.title')} className="xz-card" id="mediation-deadlines" style={{ marginTop: 24 }}>
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : !result.data ? (
        <Skeleton active />
      ) : (
        <Form<SettingsView> form={form} layout="vertical" onFinish={save} disabled={busy} initialValues={result.data}>
          <Row gutter={16}>
            {field('assignWorkingDays', 1, 30, t('prs.workingDays'))}
            {field('mediationDays', 1, 180, t('common.days'))}
            {field('courtMediationDays', 1, 180, t('common.days'))}
            {field('maxExtensionDays', 0, 90, t('common.days'))}
            {field('confirmRequestDays', 1, 90, t('common.days'))}
          </Row>
          <Flex gap={12} align="center">
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
              {t('md.settings.save')}
            </Button>
            <Typography.Text type="secondary" className="xz-small">
              {t('md.settings.saveHint')}
            </Typography.Text>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
