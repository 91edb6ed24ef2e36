import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Form, Input, Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { RecoveryCodes } from '../../../app/api-types';
import { errorText } from '../../../app/errors';
import { authApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { SecretBlock } from '../../../app/ui/SecretBlock';
import { LoadError } from '../../../app/ui/States';

interface Props {
  username: string;
  /** Called once the user confirms the recovery codes are saved. */
  onDone: (result: RecoveryCodes) => void;
}

/** Base32 in groups of four, easier to type into an authenticator app. */
const grouped = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

/**
 * TOTP set-up: scan the QR code (or type the secret), confirm with a code, save the ten recovery
 * codes. Used by the sign-in step and by the account page.
 */
export function EnrolFlow({ username, onDone }: Props) {
  const t = useT();
  // One secret per visit: a second call would replace the secret the user just scanned.
  const setup = useQuery({ queryKey: ['mfa-setup', username], queryFn: authApi.mfaSetup, staleTime: Infinity, gcTime: 0, retry: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RecoveryCodes | null>(null);
  const [saved, setSaved] = useState(false);

  const confirm = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await authApi.mfaConfirm(v.code.trim()));
    } catch (e) {
      setError(errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  if (setup.isError) return <LoadError error={setup.error} onRetry={() => setup.refetch()} />;
  if (!setup.data) return <Skeleton active />;

  if (result) {
    return (
      <Flex vertical gap={16}>
        <Alert type="success" showIcon title={t('enrol.done')} />
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t('enrol.recoveryTitle')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('enrol.recoveryIntro')}</Typography.Paragraph>
        <SecretBlock values={result.recoveryCodes} filename={`xinzhi-recovery-codes-${username}.txt`} warning={t('enrol.recoveryWarning')} />
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
          {t('secret.ack')}
        </Checkbox>
        <Button type="primary" size="large" disabled={!saved} onClick={() => onDone(result)}>
          {t('common.continue')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          { title: t('enrol.step1'), content: t('enrol.step1Hint') },
          {
            title: t('enrol.step2'),
            content: (
              <Flex vertical gap={8} style={{ paddingTop: 8 }}>
                <img className="xz-qr" src={setup.data.qrDataUrl} alt={t('enrol.qrAlt')} />
                <Typography.Text type="secondary">{t('enrol.secretLabel')}</Typography.Text>
                <Typography.Text code copyable={{ text: setup.data.secret }} className="xz-mono" style={{ wordBreak: 'break-all' }}>
                  {grouped(setup.data.secret)}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('enrol.step3'), content: t('enrol.step3Hint') },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <Form layout="vertical" onFinish={confirm} requiredMark={false} disabled={busy}>
        <Form.Item name="code" label={t('mfa.codeLabel')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.codeInvalid') }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" className="xz-mono" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('enrol.confirm')}
        </Button>
      </Form>
    </Flex>
  );
}
