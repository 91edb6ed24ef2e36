import { App as AntdApp, Card, Col, Descriptions, Row } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { orgKindName, orgLine, RoleTags } from '../../../app/labels';
import { useSession, useUser } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SignInHistory } from './SignInHistory';
import { TwoFactorCard } from './TwoFactorCard';

export default function AccountPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { setView } = useSession();
  const { message } = AntdApp.useApp();

  return (
    <>
      <PageHeader title={t('nav.account')} subtitle={t('account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card className="xz-card" title={t('account.profileTitle')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('auth.username'), children: <span className="xz-mono">{user.username}</span> },
                { key: 'name', label: t('users.displayName'), children: user.displayName },
                { key: 'email', label: t('users.email'), children: user.email ?? '—' },
                { key: 'org', label: t('users.org'), children: orgLine(user, orgKindName(t, user.org.kind), lang) },
                { key: 'area', label: t('users.area'), children: lang === 'zh' ? user.areaName : user.areaNameEn },
                { key: 'roles', label: t('users.roles'), children: <RoleTags roles={user.roles} /> },
                { key: 'pw', label: t('account.passwordChangedAt'), children: formatDateTime(user.passwordChangedAt) },
              ]}
            />
          </Card>
          <TwoFactorCard />
        </Col>
        <Col xs={24} xl={12}>
          <Card className="xz-card" title={t('account.passwordTitle')}>
            <ChangePasswordForm
              username={user.username}
              onChanged={(v) => {
                setView(v);
                message.success(t('pw.changed'));
              }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <SignInHistory />
        </Col>
      </Row>
    </>
  );
}
