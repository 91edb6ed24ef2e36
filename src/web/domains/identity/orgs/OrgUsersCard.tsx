import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { UserView } from '../../../app/api-types';
import { usersApi } from '../../../app/endpoints';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { RoleTags, UserStatusTag } from '../../../app/labels';
import { serverPagination } from '../../../app/ui/pagination';
import { LinkButton } from '../../../app/ui/LinkButton';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useSession } from '../../../app/session';

/** The accounts of one organisation; the full account tools are on the accounts page. */
export function OrgUsersCard({ orgId }: { orgId: string }) {
  const t = useT();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const q = useQuery({ queryKey: ['users', { orgId, page, pageSize }], queryFn: () => usersApi.list({ orgId, page, pageSize }), placeholderData: keepPreviousData });
  return (
    <Card className="xz-card" style={{ marginTop: 16 }} title={t('orgs.accounts')} extra={<Link to={`/users?orgId=${orgId}`}>{t('orgs.manageAccounts')}</Link>}>
      {q.isError ? (
        <LoadError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<UserView>
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 720 }}
          locale={{
            emptyText: (
              <EmptyState
                description={can('user.manage') ? t('orgs.noAccountsManage') : t('orgs.noAccounts')}
                action={can('user.manage') ? <LinkButton to={`/users?orgId=${orgId}`}>{t('orgs.goCreateAccount')}</LinkButton> : undefined}
              />
            ),
          }}
          pagination={serverPagination(t, page, pageSize, q.data?.total ?? 0, (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          })}
          columns={[
            { title: t('auth.username'), dataIndex: 'username', render: (u: string) => <span className="xz-mono">{u}</span> },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('users.roles'), dataIndex: 'roles', render: (r: string[]) => <RoleTags roles={r} /> },
            { title: t('common.status'), dataIndex: 'status', render: (s: UserView['status']) => <UserStatusTag status={s} /> },
            { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => formatDateTime(v) },
          ]}
        />
      )}
    </Card>
  );
}
