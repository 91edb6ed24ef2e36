import { FileSearchOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntdApp, Button, Card, Flex, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../../app/i18n';
import { useChallenge } from '../../challenge';
import { EvidenceUpload, uploadTokens, uploading, type EvidenceFile } from '../../public/EvidenceUpload';
import { PublicTitle } from '../../public/PublicTitle';
import { Receipt } from '../../public/Receipt';
import { publicMediationApi, type Submitted } from '../api';
import { CASE_FIELDS, CaseFields, PartyList, caseCore, caseError, partyBodies, type CaseValues } from '../CaseForm';

type Fields = CaseValues & { files?: EvidenceFile[] };

/** 维权援助与纠纷调解申请: anyone, signed in or not, asks for help or mediation and gets a tracking code. */
export default function MediationApplyPage() {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const challenge = useChallenge();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Submitted | null>(null);

  useEffect(() => {
    document.title = `${t('md.pub.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = async (v: Fields) => {
    if (uploading(v.files)) {
      message.warning(t('pub.waitUploads'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await challenge.take();
      const done = await publicMediationApi.submit({ ...caseCore(v), applicants: partyBodies(v.applicants), files: uploadTokens(v.files), ...answer });
      setReceipt(done);
      window.scrollTo({ top: 0 });
    } catch (e) {
      // Each answer to the anti-spam check works once: prepare the next one for the retry.
      void challenge.renew();
      setProblem(caseError(form, e, lang, [...CASE_FIELDS, 'files'], t));
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <Receipt
        receipt={receipt}
        trackPath="/public/mediation/track"
        onAnother={() => {
          form.resetFields();
          setReceipt(null);
        }}
        words={{
          title: t('md.pub.receiptTitle'),
          intro: t('md.pub.receiptIntro', { ref: receipt.ref, date: receipt.acceptDue }),
          keepText: t('md.pub.keepCodeText'),
          dueLabel: t('md.pub.assignDue'),
          another: t('md.pub.another'),
          fileTitle: t('md.pub.codeFileTitle'),
          fileNote: t('md.pub.codeFileNote'),
        }}
      />
    );
  }

  return (
    <>
      <PublicTitle title={t('md.pub.title')} intro={t('md.pub.intro')} />
      <Alert
        type="info"
        showIcon
        className="xz-public-note"
        title={t('md.pub.noteTitle')}
        description={
          <Flex vertical gap={4}>
            <span>{t('md.pub.note')}</span>
            <Link to="/public/mediation/track">
              <FileSearchOutlined aria-hidden /> {t('md.pub.haveCode')}
            </Link>
          </Flex>
        }
      />
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => setProblem(t('pub.fixFields'))}
        initialValues={{ kind: 'mediation', applicants: [{ kind: 'person' }], respondents: [{ kind: 'org' }], files: [] }}
        disabled={busy}
        scrollToFirstError={{ block: 'center' }}
        className="xz-public-form"
      >
        <Card title={<h2 className="xz-public-h2">{t('md.pub.sectionWhat')}</h2>} className="xz-public-card">
          <CaseFields areaChoice={false} />
        </Card>
        <Card title={<h2 className="xz-public-h2">{t('md.pub.sectionApplicant')}</h2>} className="xz-public-card">
          <Typography.Paragraph type="secondary">{t('md.pub.applicantHint')}</Typography.Paragraph>
          <PartyList name="applicants" title={t('md.applicant')} requirePhone max={5} />
        </Card>
        <Card title={<h2 className="xz-public-h2">{t('md.pub.sectionRespondent')}</h2>} className="xz-public-card">
          <Typography.Paragraph type="secondary">{t('md.pub.respondentHint')}</Typography.Paragraph>
          <PartyList name="respondents" title={t('md.respondent')} />
        </Card>
        <Card title={<h2 className="xz-public-h2">{t('md.pub.sectionFiles')}</h2>} className="xz-public-card">
          <Form.Item name="files" label={<span className="xz-sr-only">{t('md.pub.sectionFiles')}</span>} extra={t('md.pub.filesHint')} valuePropName="value">
            <EvidenceUpload />
          </Form.Item>
        </Card>
        {problem && <Alert type="error" showIcon title={problem} role="alert" className="xz-public-note" />}
        <Flex gap={16} align="center" wrap="wrap" className="xz-public-submit">
          <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={busy}>
            {t('md.pub.submit')}
          </Button>
          <Typography.Text type="secondary" className="xz-small">
            {t('md.pub.submitHint')}
          </Typography.Text>
        </Flex>
      </Form>
    </>
  );
}
