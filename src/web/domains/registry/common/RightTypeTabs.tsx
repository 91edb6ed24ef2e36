import { FileSearchOutlined, FlagOutlined, TagsOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT, type MessageKey } from '../../../app/i18n';

export type RightType = 'patents' | 'trademarks' | 'gis';

const TABS: Array<{ key: RightType; label: MessageKey; icon: React.ReactNode }> = [
  { key: 'patents', label: 'reg.rightPatents', icon: <FileSearchOutlined aria-hidden /> },
  { key: 'trademarks', label: 'reg.rightTrademarks', icon: <TagsOutlined aria-hidden /> },
  { key: 'gis', label: 'reg.rightGis', icon: <FlagOutlined aria-hidden /> },
];

/** 专利 / 商标 / 地理标志: the same words searched in another register (filters do not carry over). */
export function RightTypeTabs({ current, q }: { current: RightType; q?: string }) {
  const t = useT();
  return (
    <nav className="xz-right-tabs" aria-label={t('reg.rightTabs')}>
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          to={`/registry/${tab.key}${q ? `?q=${encodeURIComponent(q)}` : ''}`}
          aria-current={tab.key === current ? 'page' : undefined}
          className={tab.key === current ? 'xz-right-tab active' : 'xz-right-tab'}
        >
          {tab.icon}
          <span>{t(tab.label)}</span>
        </Link>
      ))}
    </nav>
  );
}
