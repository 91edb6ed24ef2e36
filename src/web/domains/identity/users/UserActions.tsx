import { DownOutlined } from '@ant-design/icons';
import { App as AntdApp, Button, Dropdown, Form, Input, Modal, Space, type MenuProps } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../../app/api-types';
import { useReportError } from '../../../app/errors';
import { usersApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';

interface Props {
  user: UserView;
  onEdit: (u: UserView) => void;
  onGrant: (u: UserView) => void;
  onTemporaryPassword: (u: UserView, password: string) => void;
  onChanged: () => void;
}

/** Row actions: what the system administrator does to an account, and the security administrator's grant. */
export function UserActions({ user, onEdit, onGrant, onTemporaryPassword, onChanged }: Props) {
  const t = useT();
  const { can, user: me } = useSession();
  const { message, modal } = AntdApp.useApp();
  const report = useReportError();
  const [disabling, setDisabling] = useState(false);
  const [busy, setBusy] = useState(false);
  const manage = can('user.manage');
  const grant = can('user.grant');
  const self = me?.id === user.id;

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      onChanged();
    } catch (e) {
      report(e);
    }
  };

  const confirm = (title: string, content: string, okText: string, action: () => Promise<void>, danger = true) =>
    modal.confirm({ title, content, okText, cancelText: t('common.cancel'), okButtonProps: { danger }, onOk: action });

  const items: MenuProps['items'] = [];
  if (manage) {
    items.push({ key: 'edit', label: t('common.edit') });
    if (user.status === 'locked') items.push({ key: 'unlock', label: t('users.unlock') });
    items.push({ key: 'reset-password', label: t('users.resetPassword') });
    if (user.mfaEnabled) items.push({ key: 'reset-mfa', label: t('users.resetMfa') });
    if (!self) {
      items.push({ type: 'divider' });
      items.push(user.status === 'disabled' ? { key: 'enable', label: t('users.enable') } : { key: 'disable', label: t('users.disable'), danger: true });
    }
  }

  const who = t('users.who', { name: user.displayName, username: user.username });
  const onClick: MenuProps['onClick'] = ({ key }) => {
    switch (key) {
      case 'edit':
        onEdit(user);
        break;
      case 'unlock':
        void run(() => usersApi.unlock(user.id), t('users.unlocked'));
        break;
      case 'reset-password':
        confirm(t('users.resetPasswordConfirm', { who }), t('users.resetPasswordWarning'), t('users.resetPassword'), async () => {
          try {
            const r = await usersApi.resetPassword(user.id);
            onTemporaryPassword(r.user, r.temporaryPassword);
            onChanged();
          } catch (e) {
            report(e);
          }
        });
        break;
      case 'reset-mfa':
        confirm(t('users.resetMfaConfirm', { who }), t('users.resetMfaWarning'), t('users.resetMfa'), () => run(() => usersApi.resetMfa(user.id), t('users.mfaReset')));
        break;
      case 'enable':
        confirm(t('users.enableConfirm', { who }), t('users.enableHint'), t('users.enable'), () => run(() => usersApi.setDisabled(user.id, false), t('users.enabled')), false);
        break;
      case 'disable':
        setDisabling(true);
        break;
      default:
    }
  };

  const disable = async (v: { reason?: string }) => {
    setBusy(true);
    try {
      await usersApi.setDisabled(user.id, true, v.reason?.trim() || undefined);
      message.success(t('users.disabled'));
      setDisabling(false);
      onChanged();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={0}>
      {grant && (
        <Button type="link" size="small" onClick={() => onGrant(user)}>
          {t('users.grant')}
        </Button>
      )}
      {items.length > 0 && (
        <Dropdown menu={{ items, onClick }} trigger={['click']}>
          <Button type="link" size="small" aria-label={t('users.moreActionsFor', { username: user.username })}>
            {t('common.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
      <Modal
        open={disabling}
        title={t('users.disableTitle', { who })}
        onCancel={() => setDisabling(false)}
        okText={t('users.disable')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, htmlType: 'submit', form: `disable-${user.id}`, loading: busy }}
        destroyOnHidden
      >
        <p>{t('users.disableWarning')}</p>
        <Form id={`disable-${user.id}`} layout="vertical" onFinish={disable}>
          <Form.Item name="reason" label={t('users.disableReason')} rules={[{ max: 200 }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('users.disableReasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
