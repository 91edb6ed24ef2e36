import { Alert, App as AntdApp, Checkbox, Flex, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Role, UserView } from '../../../app/api-types';
import { useFormErrorHandler } from '../../../app/errors';
import { usersApi } from '../../../app/endpoints';
import { useI18n } from '../../../app/i18n';
import { roleDescription, roleName } from '../../../app/labels';
import { CITY_WIDE_ROLES, isRole, ORG_KIND_ROLE, PRIVILEGED_ROLES, ROLES, roleSetProblem, type OrgKind } from '../../../../shared/roles';
import { CITY_CODE } from '../../../../shared/validators/region';
import { AreaSelect } from '../orgs/AreaSelect';

/** Ticking an administrator role clears the others, and ticking any other role clears the administrator roles (三员分立). */
function exclusive(before: readonly Role[], after: Role[]): Role[] {
  const added = after.find((r) => !before.includes(r));
  if (!added) return after;
  return PRIVILEGED_ROLES.includes(added) ? [added] : after.filter((r) => !PRIVILEGED_ROLES.includes(r));
}

interface Fields {
  roles: Role[];
  areaScope: string;
}

interface Props {
  user: UserView | null;
  onClose: () => void;
  onSaved: (u: UserView) => void;
}

/**
 * The security administrator's grant: roles and area scope. The three administrator roles stand
 * alone (三员分立); city-wide roles need the whole city as scope, area officers one area.
 */
export function GrantModal({ user, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrorHandler(form);
  const roles = Form.useWatch('roles', form) ?? [];
  const cityWide = roles.some((r) => CITY_WIDE_ROLES.includes(r));
  const problem = roleSetProblem(roles);

  useEffect(() => {
    if (!user) return;
    form.resetFields();
    const suggested = ORG_KIND_ROLE[user.org.kind as OrgKind];
    const current = user.roles.filter(isRole);
    form.setFieldsValue({ roles: current.length ? current : suggested ? [suggested] : [], areaScope: user.areaScope });
  }, [user, form]);

  useEffect(() => {
    if (cityWide) form.setFieldValue('areaScope', CITY_CODE);
  }, [cityWide, form]);

  const save = async (v: Fields) => {
    if (!user) return;
    setBusy(true);
    try {
      const u = await usersApi.grant(user.id, { roles: v.roles, areaScope: v.areaScope });
      message.success(t('grant.saved', { username: u.username }));
      onSaved(u);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('grant.title', { name: user.displayName, username: user.username }) : ''}
      onCancel={onClose}
      okText={t('grant.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'grant-form', loading: busy, disabled: !!problem }}
      width={640}
      destroyOnHidden
    >
      {user && (
        <Typography.Paragraph type="secondary">
          {t('grant.orgLine', { org: user.org.name })}
        </Typography.Paragraph>
      )}
      <Alert type="info" showIcon title={t('grant.exclusive')} style={{ marginBottom: 16 }} />
      <Form id="grant-form" form={form} layout="vertical" onFinish={save} disabled={busy}>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={roles.length === 0 ? t('grant.noRolesHint') : undefined}
          rules={[{ validator: (_, v: Role[]) => (roleSetProblem(v ?? []) ? Promise.reject(new Error(roleSetProblem(v)![lang])) : Promise.resolve()) }]}
        >
          <Checkbox.Group style={{ width: '100%' }} onChange={(v) => form.setFieldValue('roles', exclusive(roles, v as Role[]))}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              {ROLES.map((r) => (
                <Checkbox key={r} value={r}>
                  <Typography.Text strong>{roleName(t, r)}</Typography.Text>
                  {PRIVILEGED_ROLES.includes(r) && <Typography.Text type="warning"> · {t('grant.privileged')}</Typography.Text>}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {roleDescription(t, r)}
                  </Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="areaScope"
          label={t('grant.areaScope')}
          extra={cityWide ? t('grant.cityWideHint') : t('grant.areaScopeHint')}
          rules={[
            { required: true, message: t('grant.areaScopeRequired') },
            {
              validator: (_, v: string) =>
                roles.includes('area_officer') && v === CITY_CODE ? Promise.reject(new Error(t('grant.areaOfficerScope'))) : Promise.resolve(),
            },
          ]}
        >
          <AreaSelect disabled={cityWide} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
