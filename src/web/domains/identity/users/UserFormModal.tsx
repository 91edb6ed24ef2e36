import { App as AntdApp, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { CreatedUser, UserView } from '../../../app/api-types';
import { useFormErrorHandler } from '../../../app/errors';
import { usersApi } from '../../../app/endpoints';
import { useT } from '../../../app/i18n';
import { OrgSelect } from './OrgSelect';

interface Fields {
  username: string;
  displayName: string;
  orgId: string;
  email?: string;
}

interface Props {
  open: boolean;
  /** null creates an account. */
  user: UserView | null;
  /** Preselected organisation when creating from a filtered list. */
  orgId?: string;
  onClose: () => void;
  onCreated: (r: CreatedUser) => void;
  onSaved: (u: UserView) => void;
}

const USERNAME = /^[a-z][a-z0-9_.-]{1,31}$/;

export function UserFormModal({ open, user, orgId, onClose, onCreated, onSaved }: Props) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) form.setFieldsValue({ username: user.username, displayName: user.displayName, orgId: user.org.id, email: user.email ?? undefined });
    else if (orgId) form.setFieldsValue({ orgId });
  }, [open, user, orgId, form]);

  const save = async (v: Fields) => {
    setBusy(true);
    try {
      const email = v.email?.trim();
      if (user) {
        const patch = {
          displayName: v.displayName.trim(),
          ...(v.orgId !== user.org.id ? { orgId: v.orgId } : {}),
          // Emails are masked for most readers; only send one the user actually changed.
          ...(form.isFieldTouched('email') ? { email: email || null } : {}),
        };
        const u = await usersApi.update(user.id, patch);
        message.success(t('common.saved'));
        onSaved(u);
      } else {
        onCreated(await usersApi.create({ username: v.username.trim().toLowerCase(), displayName: v.displayName.trim(), orgId: v.orgId, ...(email ? { email } : {}) }));
      }
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      onCancel={onClose}
      okText={user ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'user-form', loading: busy }}
      destroyOnHidden
    >
      <Form id="user-form" form={form} layout="vertical" onFinish={save} disabled={busy}>
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={user ? undefined : t('users.usernameHint')}
          normalize={(v: string) => v?.toLowerCase()}
          rules={user ? [] : [{ required: true, message: t('users.usernameRequired') }, { pattern: USERNAME, message: t('users.usernameRule') }]}
        >
          <Input disabled={!!user} autoComplete="off" spellCheck={false} className="xz-mono" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.org')} rules={[{ required: true, message: t('users.orgRequired') }]} extra={user ? undefined : t('users.orgHint')}>
          <OrgSelect currentLabel={user?.org.name} placeholder={t('users.orgPlaceholder')} />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }, { max: 120 }]} extra={t('users.emailHint')}>
          <Input type="email" autoComplete="off" maxLength={120} />
        </Form.Item>
      </Form>
      {!user && <p className="xz-footnote">{t('users.createNote')}</p>}
    </Modal>
  );
}
