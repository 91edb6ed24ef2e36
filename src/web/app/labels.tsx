import { Space, Tag } from 'antd';
import type { UserStatus } from './api-types';
import { isMessageKey, useT, type Lang, type Translate } from './i18n';

/** Names of codes the server sends (roles, kinds, actions), in the UI language; unknown codes as-is. */
export function codeLabel(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export const roleName = (t: Translate, role: string) => codeLabel(t, 'role', role);
export const roleDescription = (t: Translate, role: string) => codeLabel(t, 'roleDesc', role);
export const orgKindName = (t: Translate, kind: string) => codeLabel(t, 'orgKind', kind);
export const areaKindName = (t: Translate, kind: string) => codeLabel(t, 'areaKind', kind);
export const actionName = (t: Translate, action: string) => codeLabel(t, 'action', action);
export const auditResultName = (t: Translate, result: string) => codeLabel(t, 'auditResult', result);

/** An organisation with its kind, unless the name already says it (信阳市知识产权局). */
export function orgLine(user: { org: { name: string } }, kind: string, lang: Lang): string {
  if (user.org.name.includes(kind)) return user.org.name;
  return lang === 'zh' ? `${user.org.name}（${kind}）` : `${user.org.name} (${kind})`;
}

const STATUS_COLOR: Record<UserStatus, string> = { active: 'green', pending: 'gold', locked: 'red', disabled: 'default' };

export function UserStatusTag({ status }: { status: UserStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{codeLabel(t, 'userStatus', status)}</Tag>;
}

export function RoleTags({ roles }: { roles: readonly string[] }) {
  const t = useT();
  if (roles.length === 0) return <Tag>{t('users.noRole')}</Tag>;
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color="blue">
          {roleName(t, r)}
        </Tag>
      ))}
    </Space>
  );
}
