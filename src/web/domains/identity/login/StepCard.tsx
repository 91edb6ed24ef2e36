import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';

/** Frame of a sign-in step: title, who is signing in, and a way out to another account. */
export function StepCard({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  const t = useT();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  return (
    <Card
      style={{ width, maxWidth: '100%' }}
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{title}</Typography.Title>}
      extra={
        <Button
          type="link"
          size="small"
          onClick={async () => {
            await logout();
            navigate('/login', { replace: true });
          }}
        >
          {t('auth.otherAccount')}
        </Button>
      }
    >
      {user && (
        <Typography.Paragraph type="secondary">
          {t('auth.signingInAs', { name: user.displayName, username: user.username })}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}
