import { CheckCircleFilled, FileProtectOutlined, LockOutlined, QuestionCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Progress, Tabs, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { publicApi, type VerifyView } from '../api';
import { hashFile, isSha256 } from '../hash';
import { PublicTitle } from './PublicTitle';

interface Checked {
  view: VerifyView;
  fileName?: string;
}

/** 存证核验: was this exact file entered in an evidence chain here, and when? The file stays on the computer. */
export default function VerifyPage() {
  const t = useT();
  const [hashing, setHashing] = useState<{ name: string; percent: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ sha256: string }>();

  useEffect(() => {
    document.title = `${t('pub.verifyTitle')} · ${t('app.name')}`;
  }, [t]);

  const check = async (sha256: string, fileName?: string) => {
    setBusy(true);
    setProblem(null);
    try {
      setChecked({ view: await publicApi.verifyHash(sha256.trim().toLowerCase()), fileName });
    } catch (e) {
      setChecked(null);
      setProblem(errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File) => {
    setChecked(null);
    setProblem(null);
    setHashing({ name: file.name, percent: 0 });
    try {
      const sha = await hashFile(file, (percent) => setHashing({ name: file.name, percent }));
      setHashing(null);
      await check(sha, file.name);
    } catch {
      setHashing(null);
      setProblem(t('ev.hashFailed'));
    }
  };

  return (
    <>
      <PublicTitle title={t('pub.verifyTitle')} intro={t('ev.intro')} />
      <Card className="xz-public-card">
        <Tabs
          items={[
            {
              key: 'file',
              label: t('ev.byFile'),
              children: (
                <Flex vertical gap={12}>
                  <Alert type="success" showIcon icon={<LockOutlined />} title={t('ev.localOnly')} />
                  <Upload.Dragger
                    multiple={false}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void onFile(file);
                      return Upload.LIST_IGNORE;
                    }}
                    disabled={!!hashing || busy}
                  >
                    <p className="ant-upload-drag-icon">
                      <FileProtectOutlined aria-hidden />
                    </p>
                    <p className="ant-upload-text">{t('ev.drop')}</p>
                    <p className="ant-upload-hint">{t('ev.dropHint')}</p>
                  </Upload.Dragger>
                  {hashing && (
                    <div role="status">
                      <Typography.Text>{t('ev.hashing', { name: hashing.name })}</Typography.Text>
                      <Progress percent={hashing.percent} size="small" />
                    </div>
                  )}
                </Flex>
              ),
            },
            {
              key: 'hash',
              label: t('ev.byHash'),
              children: (
                <Form form={form} layout="vertical" onFinish={(v) => check(v.sha256)} requiredMark={false}>
                  <Form.Item
                    name="sha256"
                    label={t('ev.sha256')}
                    extra={t('ev.sha256Hint')}
                    rules={[
                      { required: true, whitespace: true, message: t('ev.sha256Required') },
                      { validator: async (_r, v: string | undefined) => {
                          if (v && v.trim() && !isSha256(v)) throw new Error(t('ev.sha256Shape'));
                        } },
                    ]}
                  >
                    <Input className="xz-mono" maxLength={70} spellCheck={false} autoComplete="off" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy}>
                    {t('ev.check')}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 16 }} />}
      </Card>
      {checked && <VerifyResult checked={checked} />}
      <Card className="xz-public-card" size="small" title={<h2 className="xz-public-h2">{t('ev.howTitle')}</h2>}>
        <ul className="xz-compact-list">
          <li>{t('ev.how1')}</li>
          <li>{t('ev.how2')}</li>
          <li>{t('ev.how3')}</li>
        </ul>
      </Card>
    </>
  );
}

function VerifyResult({ checked }: { checked: Checked }) {
  const t = useT();
  const { view, fileName } = checked;
  return (
    <Card className={`xz-public-card xz-verify-result ${view.recorded ? 'ok' : 'none'}`} aria-live="polite" data-testid="verify-result">
      <Flex gap={16} align="flex-start">
        {view.recorded ? <CheckCircleFilled className="xz-verify-icon ok" aria-hidden /> : <QuestionCircleFilled className="xz-verify-icon none" aria-hidden />}
        <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={2} className="xz-verify-title">
            {view.recorded ? t('ev.recorded') : t('ev.notRecorded')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {view.recorded ? t('ev.recordedText', { date: formatDateTime(view.firstRecordedAt) }) : t('ev.notRecordedText')}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              ...(fileName ? [{ key: 'file', label: t('ev.file'), children: <span className="xz-break">{fileName}</span> }] : []),
              { key: 'sha', label: t('ev.sha256'), children: <code className="xz-mono xz-break">{view.sha256}</code> },
              ...(view.recorded
                ? [
                    { key: 'first', label: t('ev.firstRecordedAt'), children: formatDateTime(view.firstRecordedAt) },
                    { key: 'records', label: t('ev.records'), children: view.records },
                    { key: 'entry', label: t('ev.entryHash'), children: <code className="xz-mono xz-break">{view.entryHash}</code> },
                  ]
                : []),
            ]}
          />
        </Flex>
      </Flex>
    </Card>
  );
}
