import { Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { DemoBanner } from '../../../app/ui/DemoBanner';
import { LangSwitch } from '../../../app/ui/LangSwitch';

/** The frame of the sign-in page and its steps: brand, language switch, demo banner. */
export default function LoginLayout() {
  const t = useT();
  const { meta } = useSession();
  useEffect(() => {
    document.title = `${t('auth.signIn')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="xz-login">
      <a href="#main" className="xz-skip-link">
        {t('a11y.skipToContent')}
      </a>
      <header className="xz-login-top">
        <div className="xz-login-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <h1>{t('app.name')} · {t('app.platform')}</h1>
            <p>{t('app.tagline')}</p>
          </div>
        </div>
        <LangSwitch />
      </header>
      <DemoBanner />
      <main id="main" className="xz-login-main" tabIndex={-1}>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="xz-login-footer">
        {t('app.footer')} · v{meta.version}
      </footer>
    </div>
  );
}
