import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { SessionView } from '../../../app/api-types';
import { errorText } from '../../../app/errors';
import { authApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PasswordRules, passwordShapeOk } from '../../../app/ui/PasswordRules';

interface Fields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

interface Props {
  username: string;
  currentLabel?: string;
  onChanged: (view: SessionView) => void;
}

/** Current password, a new one checked live against the rules, and its repetition. */
export function ChangePasswordForm({ username, currentLabel, onChanged }: Props) {
  const t = useT();
  const { meta } = useSession();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const minLength = meta.passwordMinLength;

  const submit = async (v: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const view = await authApi.changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      onChanged(view);
    } catch (e) {
      setError(errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy} style={{ maxWidth: 440 }}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label={currentLabel ?? t('pw.current')} rules={[{ required: true, message: t('pw.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('pw.new')}
        rules={[
          { required: true, message: t('pw.newRequired') },
          { validator: (_, v: string) => (!v || passwordShapeOk(v, username, minLength) ? Promise.resolve() : Promise.reject(new Error(t('pw.rulesNotMet')))) },
        ]}
        extra={<PasswordRules password={newPassword} username={username} minLength={minLength} />}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('pw.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('pw.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, v: string) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('pw.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('pw.submit')}
      </Button>
    </Form>
  );
}
