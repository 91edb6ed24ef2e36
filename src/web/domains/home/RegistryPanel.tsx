import { Card, Flex, Typography } from 'antd';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../app/i18n';
import { NAV } from '../../app/menu';
import { useSession } from '../../app/session';
import { SearchInput } from '../../app/ui/SearchInput';

/** 知识产权大数据中心 on the home page: a patent search box and the data centre's pages this role may open. */
export function RegistryPanel() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const items = NAV.flatMap((g) => g.items).filter((i) => i.path.startsWith('/registry/') && (!i.permission || can(i.permission)));
  return (
    <Card title={t('home.registryTitle')} className="xz-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('home.registryHint')}</Typography.Text>
        <form role="search" onSubmit={(e) => e.preventDefault()} className="xz-home-search">
          <label htmlFor={id} className="xz-sr-only">
            {t('home.registrySearch')}
          </label>
          <SearchInput
            id={id}
            size="large"
            allowClear
            placeholder={t('patent.searchPlaceholder')}
            onSearch={(q) => navigate(q.trim() ? `/registry/patents?q=${encodeURIComponent(q.trim())}` : '/registry/patents')}
          />
        </form>
        <nav aria-label={t('home.registryTitle')}>
          <Flex wrap="wrap" gap={8}>
            {items.map((i) => (
              <Link key={i.path} to={i.path} className="xz-chip-link">
                <span aria-hidden>{i.icon}</span>
                {t(i.label)}
              </Link>
            ))}
          </Flex>
        </nav>
      </Flex>
    </Card>
  );
}
