import { Alert, App as AntdApp, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { errorText, useReportError } from '../../../app/errors';
import { authApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { useSession, useUser } from '../../../app/session';
import { OnceSecretModal } from '../../../app/ui/SecretBlock';
import { EnrolFlow } from '../login/EnrolFlow';

function MfaStatus() {
  const t = useT();
  const user = useUser();
  if (user.mfaEnabled) return <Tag color="green">{t('mfa.statusOn')}</Tag>;
  if (user.mfaExempt) return <Tag color="orange">{t('mfa.statusExempt')}</Tag>;
  return <Tag>{t('mfa.statusOff')}</Tag>;
}

/** Two-factor status, set-up, turning it off (where the role allows) and new recovery codes. */
export function TwoFactorCard() {
  const t = useT();
  const user = useUser();
  const { setView } = useSession();
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [disableError, setDisableError] = useState<string | null>(null);
  const canTurnOff = user.mfaEnabled && (!user.mfaRequired || user.mfaExempt);

  const regenerate = async () => {
    try {
      setCodes((await authApi.regenerateRecoveryCodes()).recoveryCodes);
    } catch (e) {
      report(e);
    }
  };

  const disable = async (v: { password: string }) => {
    setBusy(true);
    setDisableError(null);
    try {
      setView(await authApi.disableMfa(v.password));
      setDisabling(false);
      message.success(t('mfa.disabled'));
    } catch (e) {
      setDisableError(errorText(e, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="xz-card" title={t('account.mfaTitle')}>
      {user.mfaExempt && <Alert type="info" showIcon title={t('account.demoExempt')} style={{ marginBottom: 16 }} />}
      {user.mfaRequired && !user.mfaEnabled && !user.mfaExempt && <Alert type="warning" showIcon title={t('account.mfaRequiredHint')} style={{ marginBottom: 16 }} />}
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'status', label: t('account.mfaStatus'), children: <MfaStatus /> },
          { key: 'required', label: t('account.mfaRequired'), children: user.mfaRequired ? t('common.yes') : t('common.no') },
          ...(user.mfaEnabled ? [{ key: 'left', label: t('account.recoveryLeft'), children: String(user.recoveryCodesLeft) }] : []),
        ]}
      />
      <Space wrap style={{ marginTop: 16 }}>
        {!user.mfaEnabled && (
          <Button type="primary" onClick={() => setEnrolling(true)}>
            {t('account.enableMfa')}
          </Button>
        )}
        {user.mfaEnabled && (
          <Popconfirm title={t('account.regenerateConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={regenerate}>
            <Button>{t('account.regenerate')}</Button>
          </Popconfirm>
        )}
        {canTurnOff && (
          <Button danger onClick={() => setDisabling(true)}>
            {t('account.disableMfa')}
          </Button>
        )}
      </Space>

      <Modal open={enrolling} title={t('enrol.title')} footer={null} onCancel={() => setEnrolling(false)} destroyOnHidden mask={{ closable: false }}>
        <EnrolFlow
          username={user.username}
          onDone={(r) => {
            setView(r.view);
            setEnrolling(false);
            message.success(t('enrol.done'));
          }}
        />
      </Modal>

      <Modal
        open={disabling}
        title={t('account.disableMfa')}
        onCancel={() => setDisabling(false)}
        okText={t('account.disableMfa')}
        okButtonProps={{ danger: true, htmlType: 'submit', form: 'mfa-disable', loading: busy }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <p>{t('account.disableMfaWarning')}</p>
        {disableError && <Alert type="error" showIcon title={disableError} style={{ marginBottom: 12 }} />}
        <Form id="mfa-disable" layout="vertical" onFinish={disable} requiredMark={false}>
          <Form.Item name="password" label={t('pw.current')} rules={[{ required: true, message: t('pw.currentRequired') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
        </Form>
      </Modal>

      <OnceSecretModal
        open={codes !== null}
        title={t('enrol.recoveryTitle')}
        intro={t('account.regenerated')}
        values={codes ?? []}
        filename={`xinzhi-recovery-codes-${user.username}.txt`}
        warning={t('enrol.recoveryWarning')}
        requireAck
        onClose={() => {
          setCodes(null);
          // Refresh recoveryCodesLeft.
          authApi.me().then(setView, () => undefined);
        }}
      />
    </Card>
  );
}
