import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useT, type MessageKey } from '../../app/i18n';
import { NAV } from '../../app/menu';
import { useSession } from '../../app/session';

/** What this role can do here, one card per page it may open. */
const DESCRIPTIONS: Record<string, { manage: MessageKey; read: MessageKey }> = {
  '/areas': { manage: 'quick.areasEdit', read: 'quick.areas' },
  '/orgs': { manage: 'quick.orgsManage', read: 'quick.orgs' },
  '/users': { manage: 'quick.usersManage', read: 'quick.users' },
  '/security/policy': { manage: 'quick.policyManage', read: 'quick.policy' },
  '/audit': { manage: 'quick.audit', read: 'quick.audit' },
  '/outbox': { manage: 'quick.outbox', read: 'quick.outbox' },
  '/account': { manage: 'quick.account', read: 'quick.account' },
  '/registry/patents': { manage: 'quick.patents', read: 'quick.patents' },
  '/registry/trademarks': { manage: 'quick.trademarks', read: 'quick.trademarks' },
  '/registry/gis': { manage: 'quick.gis', read: 'quick.gis' },
  '/registry/holders': { manage: 'quick.holders', read: 'quick.holders' },
  '/registry/holders/unresolved': { manage: 'quick.unresolved', read: 'quick.unresolved' },
  '/registry/import': { manage: 'quick.import', read: 'quick.import' },
  '/registry/industries': { manage: 'quick.industries', read: 'quick.industries' },
};

const MANAGE: Record<string, Parameters<ReturnType<typeof useSession>['can']>[0]> = {
  '/areas': 'population.edit',
  '/orgs': 'org.manage',
  '/users': 'user.manage',
  '/security/policy': 'policy.manage',
};

export function QuickLinks() {
  const t = useT();
  const { can } = useSession();
  // Readers of the data centre have its own card on the home page; its pages are not repeated here.
  const registryCard = can('registry.read');
  const items = NAV.flatMap((g) => g.items).filter(
    (i) => i.path !== '/' && (!i.permission || can(i.permission)) && !(registryCard && i.path.startsWith('/registry/')),
  );
  const grants = can('user.grant');
  return (
    <Card title={t('home.quickTitle')}>
      <Row gutter={[16, 16]}>
        {items.map((i) => {
          const manage = MANAGE[i.path];
          const d = DESCRIPTIONS[i.path];
          let description = d ? t(manage && can(manage) ? d.manage : d.read) : '';
          if (i.path === '/users' && grants) description = t('quick.usersGrant');
          const label = i.readOnlyLabel && i.managePermission && !can(i.managePermission) ? i.readOnlyLabel : i.label;
          return (
            <Col key={i.path} xs={24} sm={12} lg={8} xxl={6}>
              <Link to={i.path} className="xz-quick">
                <span className="xz-quick-icon" aria-hidden>
                  {i.icon}
                </span>
                <span>
                  <Typography.Text strong>{t(label)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {description}
                  </Typography.Text>
                </span>
              </Link>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
