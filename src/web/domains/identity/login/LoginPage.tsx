import { AlertOutlined, FileSearchOutlined, LockOutlined, NotificationOutlined, SafetyCertificateOutlined, SafetyOutlined, StarOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { InputRef } from 'antd';
import { isApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { authApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { DemoAccounts } from './DemoAccounts';
import { useSignInStep } from './useSignInStep';

interface Fields {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = useT();
  const { meta, setView } = useSession();
  const { next, redirect } = useSignInStep(null);
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);
  const passwordRef = useRef<InputRef>(null);

  if (redirect) return redirect;

  const submit = async (v: Fields) => {
    setBusy(true);
    setError(null);
    try {
      setView(await authApi.login(v.username.trim(), v.password));
    } catch (e) {
      setError({ text: errorText(e, t('error.unexpected')), locked: isApiError(e) && (e.code === 'account_locked' || e.status === 429) });
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const fill = (username: string, password: string) => {
    form.setFieldsValue({ username, password });
    setError(null);
    passwordRef.current?.focus();
  };

  return (
    <>
      <Card className="xz-login-card" title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{t('auth.signIn')}</Typography.Title>}>
        {next !== '/' && !error && <Alert type="info" showIcon title={t('auth.signInToContinue')} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert type={error.locked ? 'warning' : 'error'} showIcon title={error.text} role="alert" style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password ref={passwordRef} prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('auth.signInButton')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.forgotHint')}
        </Typography.Paragraph>
        <nav className="xz-login-public" aria-label={t('pub.navLabel')}>
          <div className="xz-login-public-title">{t('pub.loginLinksTitle')}</div>
          <Link to="/public/report">
            <AlertOutlined aria-hidden /> {t('pub.navReport')}
          </Link>
          <Link to="/public/track">
            <FileSearchOutlined aria-hidden /> {t('pub.navTrack')}
          </Link>
          <Link to="/public/verify">
            <SafetyCertificateOutlined aria-hidden /> {t('pub.navVerify')}
          </Link>
          <Link to="/public/key-list">
            <StarOutlined aria-hidden /> {t('pub.navKeyList')}
          </Link>
          <Link to="/public/enforcement">
            <NotificationOutlined aria-hidden /> {t('pub.navEnforcement')}
          </Link>
          <Link to="/public/credit">
            <SafetyOutlined aria-hidden /> {t('pub.navCredit')}
          </Link>
        </nav>
      </Card>
      {meta.demo && meta.demoAccounts && meta.demoPassword && (
        <DemoAccounts accounts={meta.demoAccounts} password={meta.demoPassword} onPick={fill} />
      )}
    </>
  );
}
