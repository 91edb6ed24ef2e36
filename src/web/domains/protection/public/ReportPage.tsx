import { AimOutlined, EnvironmentOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntdApp, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { RIGHT_KINDS, type RightKind } from '../../../../shared/protection/reports';
import { areaByCode, resolveRegionFromAddress } from '../../../../shared/validators/region';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { publicApi, type ReportBody, type Submitted } from '../api';
import { useChallenge } from '../challenge';
import { idNumberRule, mobileRule, placeFieldErrors } from '../forms';
import { rightKindName } from '../labels';
import { EvidenceUpload, uploadTokens, uploading, type EvidenceFile } from './EvidenceUpload';
import { PublicTitle } from './PublicTitle';
import { Receipt } from './Receipt';

interface Fields {
  rightKind: RightKind;
  rightRef?: string;
  subject: string;
  infringer?: string;
  address: string;
  lng?: number | null;
  lat?: number | null;
  description: string;
  anonymous: boolean;
  reporter?: { name?: string; phone?: string; idNumber?: string };
  files?: EvidenceFile[];
}

const KNOWN = ['rightKind', 'rightRef', 'subject', 'infringer', 'address', 'lng', 'lat', 'description', 'anonymous', 'reporter.name', 'reporter.phone', 'reporter.idNumber', 'reporter', 'files'];

/** Whether this page may ask the browser for its position (the site's permissions policy may forbid it). */
function geolocationAllowed(): boolean {
  if (!('geolocation' in navigator)) return false;
  const policy = (document as Document & { permissionsPolicy?: { allowsFeature(f: string): boolean }; featurePolicy?: { allowsFeature(f: string): boolean } });
  const p = policy.permissionsPolicy ?? policy.featurePolicy;
  return p ? p.allowsFeature('geolocation') : true;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** 举报侵权假冒: anyone, signed in or not, named or anonymous, reports counterfeiting or infringement. */
export default function ReportPage() {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const challenge = useChallenge();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Submitted | null>(null);
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const address = Form.useWatch('address', form) ?? '';
  const files = Form.useWatch('files', form);
  const canLocate = useMemo(geolocationAllowed, []);
  const [locating, setLocating] = useState(false);

  useEffect(() => {
    document.title = `${t('pub.reportTitle')} · ${t('app.name')}`;
  }, [t]);

  const area = useMemo(() => {
    const m = address.trim().length >= 3 ? resolveRegionFromAddress(address) : null;
    return m ? areaByCode(m.code) : undefined;
  }, [address]);

  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        form.setFieldsValue({ lng: round6(pos.coords.longitude), lat: round6(pos.coords.latitude) });
      },
      () => {
        setLocating(false);
        message.warning(t('pub.locateFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const submit = async (v: Fields) => {
    if (uploading(v.files)) {
      message.warning(t('pub.waitUploads'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await challenge.take();
      const body: ReportBody = {
        rightKind: v.rightKind,
        rightRef: v.rightRef?.trim() || undefined,
        subject: v.subject.trim(),
        infringer: v.infringer?.trim() || undefined,
        address: v.address.trim(),
        ...(typeof v.lng === 'number' && typeof v.lat === 'number' ? { lng: v.lng, lat: v.lat } : {}),
        description: v.description.trim(),
        anonymous: v.anonymous,
        ...(v.anonymous
          ? {}
          : { reporter: { name: v.reporter?.name?.trim() ?? '', phone: v.reporter?.phone?.trim() ?? '', ...(v.reporter?.idNumber?.trim() ? { idNumber: v.reporter.idNumber.trim() } : {}) } }),
        files: uploadTokens(v.files),
        ...answer,
      };
      const done = await publicApi.submit(body);
      setReceipt(done);
      window.scrollTo({ top: 0 });
    } catch (e) {
      // Each answer to the anti-spam check works once: prepare the next one for the retry.
      void challenge.renew();
      const { placed, rest } = placeFieldErrors(form, e, lang, KNOWN);
      if (!placed || rest.length > 0) setProblem(rest[0] ?? (isApiError(e) && e.status === 429 ? e.message : errorText(e, t('error.unexpected'))));
      else setProblem(t('pub.fixFields'));
    } finally {
      setBusy(false);
    }
  };

  if (receipt) return <Receipt receipt={receipt} onAnother={() => { form.resetFields(); setReceipt(null); }} />;

  return (
    <>
      <PublicTitle title={t('pub.reportTitle')} intro={t('pub.reportIntro')} />
      <Alert type="info" showIcon className="xz-public-note" title={t('pub.rewardNoteTitle')} description={t('pub.rewardNote')} />
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => setProblem(t('pub.fixFields'))}
        initialValues={{ anonymous: false, files: [] }}
        disabled={busy}
        scrollToFirstError={{ block: 'center' }}
        className="xz-public-form"
      >
        <Card title={<h2 className="xz-public-h2">{t('pub.sectionWhat')}</h2>} className="xz-public-card">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="rightKind" label={t('pr.rightKind')} rules={[{ required: true, message: t('pub.rightKindRequired') }]}>
                <Select<RightKind> placeholder={t('pub.choose')} options={RIGHT_KINDS.map((k) => ({ value: k, label: rightKindName(t, k) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="rightRef" label={t('pr.rightRef')} extra={t('pub.rightRefHint')} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="subject" label={t('pr.subject')} extra={t('pub.subjectHint')} rules={[{ required: true, whitespace: true, message: t('pub.subjectRequired') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="infringer" label={t('pr.infringerOptional')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('pr.description')} extra={t('pub.descriptionHint')} rules={[{ required: true, whitespace: true, message: t('pub.descriptionRequired') }, { max: 4000 }]}>
            <Input.TextArea rows={6} maxLength={4000} showCount />
          </Form.Item>
        </Card>

        <Card title={<h2 className="xz-public-h2">{t('pub.sectionWhere')}</h2>} className="xz-public-card">
          <Form.Item
            name="address"
            label={t('pr.address')}
            rules={[{ required: true, whitespace: true, message: t('pub.addressRequired') }, { max: 300 }]}
            extra={
              address.trim().length >= 3 ? (
                area && area.kind !== 'city' ? (
                  <span className="xz-public-area" role="status">
                    <EnvironmentOutlined aria-hidden /> {t('pub.areaFound', { area: lang === 'zh' ? area.name : area.nameEn })}
                  </span>
                ) : (
                  <span role="status">{t('pub.areaUnknown')}</span>
                )
              ) : (
                t('pub.addressHint')
              )
            }
          >
            <Input maxLength={300} placeholder={t('pub.addressPlaceholder')} />
          </Form.Item>
          <Typography.Text strong>{t('pub.mapPoint')}</Typography.Text>
          <Typography.Paragraph type="secondary" className="xz-small" style={{ marginBottom: 8 }}>
            {t('pub.mapPointHint')}
          </Typography.Paragraph>
          <Flex gap={12} wrap="wrap" align="flex-start">
            <Form.Item name="lng" label={t('pr.lng')} rules={[{ type: 'number', min: 113, max: 117, message: t('pub.lngRange') }]}>
              <InputNumber style={{ width: 170 }} step={0.000001} precision={6} placeholder="114.0913" />
            </Form.Item>
            <Form.Item
              name="lat"
              label={t('pr.lat')}
              dependencies={['lng']}
              rules={[
                { type: 'number', min: 30, max: 33.5, message: t('pub.latRange') },
                ({ getFieldValue }) => ({
                  validator: async (_r, v: number | null | undefined) => {
                    const lng = getFieldValue('lng') as number | null | undefined;
                    if ((typeof v === 'number') !== (typeof lng === 'number')) throw new Error(t('pub.pointBoth'));
                  },
                }),
              ]}
            >
              <InputNumber style={{ width: 170 }} step={0.000001} precision={6} placeholder="32.1470" />
            </Form.Item>
            {canLocate && (
              <Form.Item label=" " colon={false}>
                <Button icon={<AimOutlined />} loading={locating} onClick={locate}>
                  {t('pub.locate')}
                </Button>
              </Form.Item>
            )}
          </Flex>
        </Card>

        <Card title={<h2 className="xz-public-h2">{t('pub.sectionEvidence')}</h2>} className="xz-public-card">
          <Form.Item name="files" label={<span className="xz-sr-only">{t('pub.sectionEvidence')}</span>} valuePropName="value">
            <EvidenceUpload />
          </Form.Item>
          <Typography.Paragraph type="secondary" className="xz-small" style={{ margin: 0 }}>
            {t('pub.evidenceNote')}
          </Typography.Paragraph>
        </Card>

        <Card title={<h2 className="xz-public-h2">{t('pub.sectionWho')}</h2>} className="xz-public-card">
          <Form.Item name="anonymous" valuePropName="checked" label={t('pub.anonymous')} extra={anonymous ? t('pub.anonymousOn') : t('pub.anonymousOff')}>
            <Switch checkedChildren={t('pub.anonymousYes')} unCheckedChildren={t('pub.anonymousNo')} />
          </Form.Item>
          {!anonymous && (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={['reporter', 'name']} label={t('pub.name')} rules={[{ required: true, whitespace: true, message: t('pub.nameRequired') }, { max: 50 }]}>
                  <Input maxLength={50} autoComplete="name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['reporter', 'phone']} label={t('pub.phone')} required rules={[mobileRule(t, lang, true)]} validateTrigger="onBlur">
                  <Input maxLength={20} autoComplete="tel" inputMode="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['reporter', 'idNumber']} label={t('pub.idNumberOptional')} rules={[idNumberRule(t, lang, false)]} validateTrigger="onBlur">
                  <Input maxLength={20} autoComplete="off" />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Typography.Paragraph type="secondary" className="xz-small" style={{ margin: 0 }}>
            {t('pub.privacy')}
          </Typography.Paragraph>
        </Card>

        {problem && <Alert type="error" showIcon title={problem} role="alert" className="xz-public-note" />}
        <Flex gap={16} align="center" wrap="wrap" className="xz-public-submit">
          <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={busy} disabled={uploading(files)}>
            {t('pub.submit')}
          </Button>
          <Typography.Text type="secondary" className="xz-small">
            {uploading(files) ? t('pub.waitUploads') : t('pub.submitHint')}
          </Typography.Text>
        </Flex>
      </Form>
    </>
  );
}
