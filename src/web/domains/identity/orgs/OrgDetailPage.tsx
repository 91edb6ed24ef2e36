import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import { orgsApi } from '../../../app/endpoints';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { orgKindName } from '../../../app/labels';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { OrgFormDrawer } from './OrgFormDrawer';
import { OrgStatusButton } from './OrgStatusButton';
import { OrgUsersCard } from './OrgUsersCard';
import { TokensCard } from './TokensCard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function OrgDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const valid = UUID.test(id);
  const org = useQuery({ queryKey: ['org', id], queryFn: () => orgsApi.get(id), enabled: valid });

  // A malformed id in the address bar is as "not found" as an id outside the user's area.
  if (!valid || (org.isError && isNotFound(org.error))) return <RecordNotFound backTo="/orgs" backLabel={t('orgs.backToList')} />;
  if (org.isError) return <LoadError error={org.error} onRetry={() => org.refetch()} />;
  if (!org.data) return <Skeleton active />;

  const o = org.data;
  const manage = can('org.manage');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['org', id] });
    void queryClient.invalidateQueries({ queryKey: ['orgs'] });
  };

  return (
    <>
      <PageHeader
        title={o.name}
        back="/orgs"
        tags={
          <Space size={4}>
            <Tag color="blue">{orgKindName(t, o.kind)}</Tag>
            {o.disabled && <Tag>{t('orgs.disabled')}</Tag>}
            {o.isDemo && <Tag color="orange">{t('common.demoRecord')}</Tag>}
          </Space>
        }
        extra={
          manage && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <OrgStatusButton org={o} onChanged={refresh} asButton />
            </>
          )
        }
      />
      <Card title={t('orgs.basics')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('orgs.kind'), children: orgKindName(t, o.kind) },
            { key: 'area', label: t('orgs.area'), children: o.areaName },
            { key: 'uscc', label: t('orgs.uscc'), children: o.uscc ? <span className="xz-mono">{o.uscc}</span> : '—' },
            { key: 'phone', label: t('orgs.phone'), children: o.phone ?? '—' },
            { key: 'address', label: t('orgs.address'), children: o.address ?? '—' },
            { key: 'created', label: t('common.createdAt'), children: formatDateTime(o.createdAt) },
            { key: 'users', label: t('orgs.userCount'), children: o.userCount },
            { key: 'tokens', label: t('orgs.tokenCount'), children: o.activeTokenCount },
          ]}
        />
      </Card>
      {can('user.read') && <OrgUsersCard orgId={o.id} />}
      {can('token.manage') && <TokensCard org={o} onChanged={refresh} />}
      <OrgFormDrawer
        open={editing}
        org={o}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          refresh();
        }}
      />
    </>
  );
}
