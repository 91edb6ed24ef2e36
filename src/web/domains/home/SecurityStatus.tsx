import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Tag } from 'antd';
import type { SignIn } from '../../app/api-types';
import { authApi } from '../../app/endpoints';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n';
import { useUser } from '../../app/session';
import { LinkButton } from '../../app/ui/LinkButton';

/** The previous successful sign-in (the newest one is this session) and failures since then. */
function previousSignIn(items: SignIn[]): { previous: SignIn | null; failuresSince: number } {
  const logins = items.filter((i) => i.action === 'auth.login');
  const ok = logins.filter((i) => i.result === 'ok');
  const previous = ok[1] ?? null;
  const cutoff = previous ? new Date(previous.at).getTime() : -Infinity;
  const failuresSince = logins.filter((i) => i.result !== 'ok' && new Date(i.at).getTime() > cutoff).length;
  return { previous, failuresSince };
}

export function SecurityStatus() {
  const t = useT();
  const user = useUser();
  const history = useQuery({ queryKey: ['sign-ins', 1, 50], queryFn: () => authApi.signIns({ page: 1, pageSize: 50 }) });
  const { previous, failuresSince } = previousSignIn(history.data?.items ?? []);

  const mfa = user.mfaEnabled ? (
    <Tag color="green">{t('mfa.statusOn')}</Tag>
  ) : user.mfaExempt ? (
    <Tag color="orange">{t('mfa.statusExempt')}</Tag>
  ) : (
    <Tag color={user.mfaRequired ? 'red' : 'default'}>{t('mfa.statusOff')}</Tag>
  );

  return (
    <Card className="xz-card" title={t('home.securityTitle')} extra={<LinkButton to="/account" type="link" size="small">{t('home.manageSecurity')}</LinkButton>} style={{ height: '100%' }}>
      {failuresSince > 0 && <Alert type="warning" showIcon title={t('home.failuresSince', { n: failuresSince })} style={{ marginBottom: 12 }} />}
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'mfa', label: t('account.mfaStatus'), children: mfa },
          {
            key: 'this',
            label: t('home.thisSignIn'),
            children: <span className="xz-num">{formatDateTime(user.lastLoginAt)}{user.lastLoginIp ? ` · ${user.lastLoginIp}` : ''}</span>,
          },
          {
            key: 'prev',
            label: t('home.lastSignIn'),
            children: history.isLoading ? '…' : previous ? <span className="xz-num">{formatDateTime(previous.at)}{previous.ip ? ` · ${previous.ip}` : ''}</span> : t('home.firstSignIn'),
          },
          { key: 'pw', label: t('account.passwordChangedAt'), children: <span className="xz-num">{formatDateTime(user.passwordChangedAt)}</span> },
        ]}
      />
      {user.mfaExempt && <p className="xz-footnote">{t('account.demoExempt')}</p>}
    </Card>
  );
}
