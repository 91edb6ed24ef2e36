import { Alert, Button, Form, Input, Tabs } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../app/errors';
import { authApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { StepCard } from './StepCard';
import { useSignInStep } from './useSignInStep';

type Mode = 'code' | 'recovery';

/** Second step: a TOTP code from the authenticator app, or one of the recovery codes. */
export default function MfaStepPage() {
  const t = useT();
  const { setView } = useSession();
  const { redirect } = useSignInStep('mfa');
  const [mode, setMode] = useState<Mode>('code');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code?: string; recoveryCode?: string }>();

  if (redirect) return redirect;

  const submit = async (v: { code?: string; recoveryCode?: string }) => {
    setBusy(true);
    setError(null);
    try {
      setView(await authApi.mfa(mode === 'code' ? { code: (v.code ?? '').trim() } : { recoveryCode: (v.recoveryCode ?? '').trim() }));
    } catch (e) {
      setError(errorText(e, t('error.unexpected')));
      form.resetFields();
    } finally {
      setBusy(false);
    }
  };

  return (
    <StepCard title={t('mfa.title')}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={mode}
        onChange={(k) => {
          setMode(k as Mode);
          setError(null);
        }}
        items={[
          { key: 'code', label: t('mfa.tabCode') },
          { key: 'recovery', label: t('mfa.tabRecovery') },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        {mode === 'code' ? (
          <Form.Item
            name="code"
            label={t('mfa.codeLabel')}
            extra={t('mfa.codeHint')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.codeInvalid') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus size="large" className="xz-mono" />
          </Form.Item>
        ) : (
          <Form.Item name="recoveryCode" label={t('mfa.recoveryLabel')} extra={t('mfa.recoveryHint')} rules={[{ required: true, min: 8, message: t('mfa.recoveryInvalid') }]}>
            <Input autoComplete="off" autoFocus size="large" className="xz-mono" spellCheck={false} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('mfa.verify')}
        </Button>
      </Form>
    </StepCard>
  );
}
