import { AlertOutlined, CustomerServiceOutlined, FileSearchOutlined, LoginOutlined, NotificationOutlined, SafetyCertificateOutlined, SafetyOutlined, StarOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { PageOutlet } from '../../../app/Layout';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { DemoBanner } from '../../../app/ui/DemoBanner';
import { LangSwitch } from '../../../app/ui/LangSwitch';

/** The frame of the pages anyone may use without an account: 举报, 查询/领奖, 维权援助, 存证核验, 重点关注名录, 行政处罚公示, 信用信息. */
export default function PublicLayout() {
  const t = useT();
  const { meta, view } = useSession();
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways: keep the current one in sight.
  useEffect(() => {
    const active = nav.current?.querySelector<HTMLElement>('a.active');
    if (active && nav.current && nav.current.scrollWidth > nav.current.clientWidth) {
      const box = active.getBoundingClientRect();
      const bar = nav.current.getBoundingClientRect();
      nav.current.scrollLeft += box.left - bar.left - (bar.width - box.width) / 2;
    }
  }, [pathname]);
  const links = [
    { to: '/public/report', label: t('pub.navReport'), icon: <AlertOutlined aria-hidden /> },
    { to: '/public/track', label: t('pub.navTrack'), icon: <FileSearchOutlined aria-hidden /> },
    { to: '/public/mediation', label: t('pub.navMediation'), icon: <CustomerServiceOutlined aria-hidden /> },
    { to: '/public/verify', label: t('pub.navVerify'), icon: <SafetyCertificateOutlined aria-hidden /> },
    { to: '/public/key-list', label: t('pub.navKeyList'), icon: <StarOutlined aria-hidden /> },
    { to: '/public/enforcement', label: t('pub.navEnforcement'), icon: <NotificationOutlined aria-hidden /> },
    { to: '/public/credit', label: t('pub.navCredit'), icon: <SafetyOutlined aria-hidden /> },
  ];
  return (
    <div className="xz-public">
      <a href="#main" className="xz-skip-link">
        {t('a11y.skipToContent')}
      </a>
      <DemoBanner />
      <div className="xz-public-head">
        <header className="xz-public-top">
          <Link to="/public/report" className="xz-public-brand">
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span>
              <strong>
                {t('app.name')}
                <span className="xz-public-dot"> · </span>
                <span className="xz-public-platform">{t('app.platform')}</span>
              </strong>
              <small>{t('pub.tagline')}</small>
            </span>
          </Link>
          <div className="xz-public-tools">
            <LangSwitch />
            <Link to={view ? '/' : '/login'} className="xz-public-login">
              <LoginOutlined aria-hidden />
              <span className="xz-public-login-long">{view ? t('pub.toWorkbench') : t('pub.staffLogin')}</span>
              <span className="xz-public-login-short">{view ? t('pub.toWorkbenchShort') : t('pub.staffLoginShort')}</span>
            </Link>
          </div>
        </header>
        <nav ref={nav} className="xz-public-nav" aria-label={t('pub.navLabel')}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {l.icon}
              <span>{l.label}</span>
            </NavLink>
          ))}
        </nav>
      </div>
      <main id="main" className="xz-public-main" tabIndex={-1}>
        <PageOutlet />
      </main>
      <footer className="xz-public-footer">
        <span>{t('pub.footerPrivacy')}</span>
        <span>
          {t('app.footer')} · v{meta.version}
        </span>
      </footer>
    </div>
  );
}
