import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { UserView } from '../../../app/api-types';
import { orgsApi, usersApi } from '../../../app/endpoints';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { roleName, RoleTags, UserStatusTag } from '../../../app/labels';
import { useSession } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { SearchInput } from '../../../app/ui/SearchInput';
import { serverPagination } from '../../../app/ui/pagination';
import { OnceSecretModal } from '../../../app/ui/SecretBlock';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useCompact } from '../../../app/ui/responsive';
import { useListParams } from '../../../app/useListParams';
import { ROLES } from '../../../../shared/roles';
import { GrantModal } from './GrantModal';
import { UserActions } from './UserActions';
import { UserFormModal } from './UserFormModal';

const FILTERS = ['q', 'role', 'status', 'orgId'] as const;
const STATUSES = ['active', 'pending', 'locked', 'disabled'] as const;

export default function UserListPage() {
  const t = useT();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(FILTERS);
  const [form, setForm] = useState<{ user: UserView | null } | null>(null);
  const [granting, setGranting] = useState<UserView | null>(null);
  const [secret, setSecret] = useState<{ title: string; intro: string; password: string } | null>(null);
  const manage = can('user.manage');
  const grants = can('user.grant');
  const compact = useCompact();

  const list = useQuery({ queryKey: ['users', page, pageSize, filters], queryFn: () => usersApi.list({ page, pageSize, ...filters }), placeholderData: keepPreviousData });
  const pending = useQuery({ queryKey: ['users', 'pending-count'], queryFn: () => usersApi.list({ page: 1, pageSize: 1, status: 'pending' }), enabled: grants });
  const org = useQuery({ queryKey: ['org', filters.orgId], queryFn: () => orgsApi.get(filters.orgId!), enabled: !!filters.orgId });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const hasFilters = FILTERS.some((k) => filters[k]);
  const pendingCount = pending.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={grants ? t('users.subtitleGrant') : manage ? t('users.subtitleManage') : t('users.subtitle')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ user: null })}>
              {t('users.create')}
            </Button>
          )
        }
      />
      {grants && pendingCount > 0 && filters.status !== 'pending' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('users.pendingAlert', { n: pendingCount })}
          action={
            <Button size="small" onClick={() => setFilters({ status: 'pending' })}>
              {t('users.showPending')}
            </Button>
          }
        />
      )}
      <Card>
        <FilterBar active={FILTERS.filter((k) => filters[k]).length} onReset={clear}>
          <Form.Item label={t('common.search')} htmlFor="user-q">
            <SearchInput
              key={filters.q ?? ''}
              id="user-q"
              defaultValue={filters.q}
              placeholder={t('users.searchPlaceholder')}
              allowClear
              onSearch={(q) => setFilters({ q: q.trim() })}
              style={{ width: 240 }}
              aria-label={t('users.searchPlaceholder')}
            />
          </Form.Item>
          <Form.Item label={t('users.role')} htmlFor="user-role">
            <Select id="user-role" allowClear placeholder={t('common.all')} value={filters.role} onChange={(v?: string) => setFilters({ role: v })} options={ROLES.map((r) => ({ value: r, label: roleName(t, r) }))} style={{ width: 190 }} />
          </Form.Item>
          <Form.Item label={t('common.status')} htmlFor="user-status">
            <Select id="user-status" allowClear placeholder={t('common.all')} value={filters.status} onChange={(v?: string) => setFilters({ status: v })} options={STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))} style={{ width: 130 }} />
          </Form.Item>
          {filters.orgId && (
            <Form.Item label={t('users.org')}>
              <Tag closable closeIcon={<CloseOutlined aria-label={t('common.clearFilter')} />} onClose={() => setFilters({ orgId: undefined })}>
                {org.data?.name ?? '…'}
              </Tag>
            </Form.Item>
          )}
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<UserView>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1080 }}
            rowClassName={(u) => (u.status === 'pending' ? 'xz-row-pending' : u.status === 'disabled' ? 'xz-row-disabled' : '')}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            locale={{
              emptyText: (
                <EmptyState
                  description={hasFilters ? t('users.emptyFiltered') : t('users.empty')}
                  action={hasFilters ? <Button onClick={clear}>{t('common.reset')}</Button> : undefined}
                />
              ),
            }}
            columns={[
              { title: t('auth.username'), dataIndex: 'username', fixed: compact ? undefined : 'left', width: 120, render: (u: string) => <span className="xz-mono">{u}</span> },
              { title: t('users.displayName'), dataIndex: 'displayName', width: 90 },
              { title: t('users.org'), key: 'org', width: 200, render: (_: unknown, u) => <Link to={`/orgs/${u.org.id}`}>{u.org.name}</Link> },
              { title: t('users.roles'), dataIndex: 'roles', width: 150, render: (r: string[]) => <RoleTags roles={r} /> },
              { title: t('users.area'), dataIndex: 'areaName', width: 110 },
              { title: t('users.mfa'), dataIndex: 'mfaEnabled', width: 76, render: (on: boolean) => (on ? <Tag color="green">{t('mfa.on')}</Tag> : <Tag>{t('mfa.off')}</Tag>) },
              { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 140, render: (v: string | null) => <span className="xz-num">{v ? formatDateTime(v) : t('users.neverSignedIn')}</span> },
              {
                title: t('common.status'),
                dataIndex: 'status',
                width: 110,
                render: (s: UserView['status'], u) => (
                  <>
                    <UserStatusTag status={s} />
                    {s === 'locked' && u.lockedUntil && <div className="xz-footnote" style={{ marginTop: 2 }}>{t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}</div>}
                    {u.mustChangePassword && s !== 'disabled' && <div className="xz-footnote" style={{ marginTop: 2 }}>{t('users.mustChangePassword')}</div>}
                  </>
                ),
              },
              ...(manage || grants
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 90,
                      fixed: compact ? undefined : ('right' as const),
                      render: (_: unknown, u: UserView) => (
                        <UserActions
                          user={u}
                          onEdit={(x) => setForm({ user: x })}
                          onGrant={setGranting}
                          onChanged={refresh}
                          onTemporaryPassword={(x, password) => setSecret({ title: t('users.tempPasswordTitle'), intro: t('users.resetIntro', { username: x.username }), password })}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <UserFormModal
        open={form !== null}
        user={form?.user ?? null}
        orgId={filters.orgId}
        onClose={() => setForm(null)}
        onSaved={() => {
          setForm(null);
          void refresh();
        }}
        onCreated={(r) => {
          setForm(null);
          void refresh();
          setSecret({ title: t('users.createdTitle'), intro: t('users.createdIntro', { username: r.user.username }), password: r.temporaryPassword });
        }}
      />
      <GrantModal
        user={granting}
        onClose={() => setGranting(null)}
        onSaved={() => {
          setGranting(null);
          void refresh();
        }}
      />
      <OnceSecretModal
        open={secret !== null}
        title={secret?.title ?? ''}
        intro={secret?.intro}
        values={secret ? [secret.password] : []}
        warning={t('users.tempPasswordWarning')}
        requireAck
        onClose={() => setSecret(null)}
      />
    </>
  );
}
