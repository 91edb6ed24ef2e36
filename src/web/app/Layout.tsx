import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Spin, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { ErrorBoundary } from './errors';
import { useI18n, type MessageKey } from './i18n';
import { activeNavPath, NAV } from './menu';
import { useSession, useUser } from './session';
import { DemoBanner } from './ui/DemoBanner';
import { LangSwitch } from './ui/LangSwitch';
import { AlertBell } from '../domains/insight/AlertBell';
import { roleName } from './labels';

const { Header, Sider, Content, Footer } = Layout;

export interface RouteHandle {
  crumb?: MessageKey;
  /** Parent list page of a record page. */
  parent?: { path: string; crumb: MessageKey };
  /** Shown to visitors who are not signed in too (the 404 page), in the sign-in page's frame. */
  public?: boolean;
}

function Logo({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" className="xz-logo" aria-label={t('app.fullTitle')}>
      <img src="/favicon.svg" alt="" width={32} height={32} />
      {!collapsed && (
        <span className="xz-logo-text">
          <span className="xz-logo-name">{t('app.name')}</span>
          <span className="xz-logo-sub">{t('app.platform')}</span>
        </span>
      )}
    </Link>
  );
}

function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { can, user } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();

  const items = useMemo<MenuProps['items']>(
    () =>
      NAV.map((g) => ({
        type: 'group' as const,
        key: g.label,
        label: t(g.label),
        children: g.items
          .filter((i) => (!i.permission || can(i.permission)) && (!i.when || (user !== null && i.when(user))))
          .map((i) => ({
            key: i.path,
            icon: i.icon,
            label: t(i.readOnlyLabel && i.managePermission && !can(i.managePermission) ? i.readOnlyLabel : i.label),
          })),
      })).filter((g) => g.children.length > 0),
    [t, can, user],
  );

  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[activeNavPath(pathname)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

function Crumbs() {
  const { t } = useI18n();
  const matches = useMatches();
  const items: { title: ReactNode }[] = [{ title: <Link to="/">{t('nav.home')}</Link> }];
  for (const m of matches) {
    const h = m.handle as RouteHandle | undefined;
    if (h?.parent) items.push({ title: <Link to={h.parent.path}>{t(h.parent.crumb)}</Link> });
    if (h?.crumb && m.pathname !== '/') items.push({ title: t(h.crumb) });
  }
  return <Breadcrumb items={items} />;
}

function UserMenu() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="xz-usermenu-who">
          <strong>{user.displayName}</strong>
          <span>{user.roles.map((r) => roleName(t, r)).join(lang === 'zh' ? '、' : ', ')}</span>
          <span>
            {user.org.name} · {lang === 'zh' ? user.areaName : user.areaNameEn}
          </span>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'account') navigate('/account');
    if (key === 'logout') {
      await logout();
      navigate('/login', { replace: true });
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="xz-user-button" aria-label={t('nav.userMenu')}>
        <Avatar size="small" style={{ background: '#1d4ed8' }} aria-hidden>
          {user.displayName.slice(0, 1)}
        </Avatar>
        <span className="xz-user-name" lang={lang === 'zh' ? 'zh-CN' : undefined}>
          {user.displayName}
        </span>
      </Button>
    </Dropdown>
  );
}

/** The signed-in shell: side menu (a drawer on phones), header with crumbs, language and user menu. */
export function AppLayout() {
  const { t, lang } = useI18n();
  const { meta } = useSession();
  const user = useUser();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const area = lang === 'zh' ? user.areaName : user.areaNameEn;

  return (
    <Layout className="xz-shell">
      <a href="#main" className="xz-skip-link">
        {t('a11y.skipToContent')}
      </a>
      {!mobile && (
        <Sider width={232} collapsible collapsed={collapsed} trigger={null} className="xz-sider" aria-label={t('nav.mainMenu')}>
          <Logo collapsed={collapsed} />
          <nav aria-label={t('nav.mainMenu')}>
            <SideMenu />
          </nav>
        </Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
          title={t('nav.mainMenu')}
        >
          <Logo collapsed={false} />
          <nav aria-label={t('nav.mainMenu')}>
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </Drawer>
      )}
      <Layout>
        <Header className="xz-header">
          <Button
            type="text"
            icon={mobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (mobile ? setDrawerOpen(true) : setCollapsed((c) => !c))}
            aria-label={mobile ? t('nav.openMenu') : collapsed ? t('nav.expandMenu') : t('nav.collapseMenu')}
            aria-expanded={mobile ? drawerOpen : !collapsed}
          />
          <div className="xz-header-crumbs">{mobile ? <Typography.Text strong>{t('app.name')}</Typography.Text> : <Crumbs />}</div>
          <div className="xz-header-right">
            {!mobile && (
              <Typography.Text type="secondary" className="xz-header-org" ellipsis>
                {user.org.name} · {area}
              </Typography.Text>
            )}
            <AlertBell />
            <LangSwitch />
            <UserMenu />
          </div>
        </Header>
        <DemoBanner />
        <Content id="main" className="xz-content" tabIndex={-1}>
          <PageOutlet />
        </Content>
        <Footer className="xz-footer">
          {t('app.footer')} · v{meta.version}
        </Footer>
      </Layout>
    </Layout>
  );
}

/** The routed page, with a spinner while its code loads and an error boundary reset by navigation. */
export function PageOutlet() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary resetKey={pathname}>
      <Suspense
        fallback={
          <div className="xz-page-loading" role="status">
            <Spin />
          </div>
        }
      >
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}
