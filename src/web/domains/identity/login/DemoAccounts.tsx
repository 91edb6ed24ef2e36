import { Button, Card, Table, Typography } from 'antd';
import type { DemoAccount } from '../../../app/api-types';
import { useI18n } from '../../../app/i18n';

interface Props {
  accounts: DemoAccount[];
  password: string;
  onPick: (username: string, password: string) => void;
}

/** Demo mode only: who to sign in as, and a click fills the form. */
export function DemoAccounts({ accounts, password, onPick }: Props) {
  const { t, lang } = useI18n();
  return (
    <Card className="xz-login-demo" title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t('demo.accountsTitle')}</Typography.Title>} size="small">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('demo.accountsIntro')} <Typography.Text code copyable={{ text: password }}>{password}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('demo.mfaExempt')}
      </Typography.Paragraph>
      <Table<DemoAccount>
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={accounts}
        columns={[
          {
            title: t('auth.username'),
            dataIndex: 'username',
            width: 116,
            render: (u: string) => (
              <Button type="link" size="small" className="xz-mono" style={{ padding: 0 }} onClick={() => onPick(u, password)} aria-label={t('demo.useAccount', { username: u })}>
                {u}
              </Button>
            ),
          },
          {
            title: `${t('demo.org')} · ${t('demo.purpose')}`,
            key: 'org',
            render: (_: unknown, a) => (
              <>
                <div>{a.org}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.note[lang]}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
