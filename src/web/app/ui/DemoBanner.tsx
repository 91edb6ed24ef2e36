import { ExperimentOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { useSession } from '../session';

/** In demo mode every page, the sign-in page included, says that the data are synthetic. */
export function DemoBanner() {
  const { meta } = useSession();
  const t = useT();
  if (!meta.demo) return null;
  return (
    <div className="xz-demo-banner" role="note">
      <ExperimentOutlined aria-hidden />
      <strong>{t('demo.bannerTitle')}</strong>
      <span>{t('demo.bannerText')}</span>
    </div>
  );
}
