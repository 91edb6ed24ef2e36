import { Card, Descriptions, Typography } from 'antd';
import type { Me } from '../../app/api-types';
import { useI18n } from '../../app/i18n';
import { orgKindName, orgLine, RoleTags } from '../../app/labels';

function greeting(hour: number): 'home.morning' | 'home.afternoon' | 'home.evening' {
  if (hour < 12) return 'home.morning';
  if (hour < 18) return 'home.afternoon';
  return 'home.evening';
}

export function Welcome({ user }: { user: Me }) {
  const { t, lang } = useI18n();
  return (
    <Card className="xz-card" style={{ height: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {t(greeting(new Date().getHours()), { name: user.displayName })}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'org', label: t('users.org'), children: orgLine(user, orgKindName(t, user.org.kind), lang) },
          { key: 'area', label: t('users.area'), children: lang === 'zh' ? user.areaName : user.areaNameEn },
          { key: 'roles', label: t('users.roles'), children: <RoleTags roles={user.roles} /> },
        ]}
      />
    </Card>
  );
}
