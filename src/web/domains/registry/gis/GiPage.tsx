import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import type { GiUser } from '../../../app/api-types';
import { gisApi } from '../../../app/endpoints';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import { serverPagination } from '../../../app/ui/pagination';
import { useCompact } from '../../../app/ui/responsive';
import { EmptyState } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { useAreaName } from '../common/areas';
import { DemoTag, giKindName, GiKindTag, niceLabel } from '../common/labels';
import { holderPath, RecordHeader, RecordPending } from '../common/RecordParts';

const none = '—';
const USER_COLOR: Record<GiUser['status'], string> = { active: 'green', revoked: 'default', unknown: 'default' };

export default function GiPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const valid = /^\d{1,12}$/.test(id);
  const areaName = useAreaName();
  const compact = useCompact();
  const { page, pageSize, setPage } = useListParams([] as const);
  const gi = useQuery({ queryKey: ['gi', id, page, pageSize], queryFn: () => gisApi.get(Number(id), page, pageSize), enabled: valid, placeholderData: keepPreviousData });

  if (!valid || gi.isError || !gi.data) return <RecordPending query={gi} valid={valid} backTo="/registry/gis" backLabel={t('gi.backToList')} />;
  const g = gi.data;

  return (
    <>
      <RecordHeader title={g.name} back="/registry/gis" tags={<GiKindTag kind={g.kind} />} isDemo={g.isDemo} />
      <Card title={t('gi.basics')} className="xz-card">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'name', label: t('gi.name'), children: g.name },
            { key: 'kind', label: t('gi.kind'), children: giKindName(t, g.kind) },
            { key: 'regNo', label: t('gi.regNo'), children: g.regNo ?? none },
            { key: 'class', label: t('tm.class'), children: g.niceClass ? niceLabel(t, lang, g.niceClass) : none },
            { key: 'holder', label: t('gi.holder'), children: g.holderId && g.holderName ? <Link to={holderPath(g.holderId)}>{g.holderName}</Link> : (g.holderName ?? none) },
            { key: 'area', label: t('reg.area'), children: g.areaCode ? areaName(g.areaCode, g.areaName) : none },
            { key: 'areaText', label: t('gi.areaText'), children: g.areaText ?? none, span: 'filled' },
            { key: 'approved', label: t('gi.approvedOn'), children: formatDate(g.approvedOn) },
            { key: 'authority', label: t('gi.authority'), children: g.authority ?? none },
            { key: 'category', label: t('gi.category'), children: g.productCategory ?? none },
            { key: 'standard', label: t('gi.standard'), children: g.standard ?? none },
            { key: 'users', label: t('gi.users'), children: t('gi.usersCount', { n: g.activeUsers }) },
          ]}
        />
      </Card>
      <Card title={t('gi.userList')} className="xz-card">
        <Table<GiUser>
          rowKey="id"
          size="middle"
          loading={gi.isFetching}
          dataSource={g.users.items}
          scroll={{ x: 900 }}
          pagination={serverPagination(t, page, pageSize, g.users.total, setPage)}
          locale={{ emptyText: <EmptyState description={t('gi.noUsers')} /> }}
          columns={[
            {
              title: t('gi.firm'),
              dataIndex: 'name',
              fixed: compact ? undefined : 'left',
              width: 240,
              render: (name: string, u) => (
                <Space size={4} wrap>
                  <Link to={holderPath(u.holderId)}>{name}</Link>
                  {u.isDemo && !g.isDemo && <DemoTag inList />}
                </Space>
              ),
            },
            { title: t('holder.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => (v ? <span className="xz-mono">{v}</span> : none) },
            { title: t('reg.area'), key: 'area', width: 110, render: (_: unknown, u) => areaName(u.areaCode, u.areaName) },
            { title: t('gi.announcementNo'), dataIndex: 'announcementNo', width: 160, render: (v: string | null) => v ?? none },
            { title: t('gi.announcedOn'), dataIndex: 'announcedOn', width: 110, render: (v: string | null) => <span className="xz-num">{formatDate(v)}</span> },
            { title: t('common.status'), dataIndex: 'status', width: 90, render: (s: GiUser['status']) => <Tag color={USER_COLOR[s]}>{codeLabel(t, 'giUserStatus', s)}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
