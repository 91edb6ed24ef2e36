import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PatentSummary, TrademarkSummary } from '../../../app/api-types';
import { patentsApi, trademarksApi } from '../../../app/endpoints';
import { formatDate, formatNumber } from '../../../app/format';
import { useI18n, useT } from '../../../app/i18n';
import { serverPagination } from '../../../app/ui/pagination';
import { useCompact } from '../../../app/ui/responsive';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { DemoTag, LegalStatusTag, niceLabel, patentTypeName, TrademarkStatusTag } from '../common/labels';
import { patentPath } from '../patents/PatentHit';
import { trademarkPath } from '../trademarks/TrademarkHit';

const PAGE = 10;

function PatentRights({ holderId }: { holderId: number }) {
  const t = useT();
  const compact = useCompact();
  const [page, setPage] = useState({ page: 1, pageSize: PAGE });
  const list = useQuery({
    queryKey: ['patents', 'holder', holderId, page],
    queryFn: () => patentsApi.search({ ...page, holder: String(holderId), sort: 'date' }),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Table<PatentSummary>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      scroll={{ x: 860 }}
      pagination={serverPagination(t, page.page, page.pageSize, list.data?.total ?? 0, (p, s) => setPage({ page: p, pageSize: s }))}
      locale={{ emptyText: <EmptyState description={t('holder.noPatents')} /> }}
      columns={[
        {
          title: t('patent.title'),
          dataIndex: 'title',
          fixed: compact ? undefined : 'left',
          width: 300,
          render: (title: string, p) => (
            <Space size={4} wrap>
              <Link to={patentPath(p)}>{title}</Link>
              {p.isDemo && <DemoTag inList />}
            </Space>
          ),
        },
        { title: t('patent.appNo'), dataIndex: 'appNoDisplay', width: 170, render: (v: string) => <span className="xz-mono">{v}</span> },
        { title: t('patent.type'), dataIndex: 'type', width: 90, render: (v: string) => patentTypeName(t, v) },
        { title: t('patent.status'), dataIndex: 'status', width: 120, render: (_: unknown, p) => <LegalStatusTag status={p.status} raw={p.statusRaw} /> },
        { title: t('patent.appDate'), dataIndex: 'appDate', width: 110, render: (v: string) => <span className="xz-num">{formatDate(v)}</span> },
      ]}
    />
  );
}

function TrademarkRights({ holderId }: { holderId: number }) {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const [page, setPage] = useState({ page: 1, pageSize: PAGE });
  const list = useQuery({
    queryKey: ['trademarks', 'holder', holderId, page],
    queryFn: () => trademarksApi.search({ ...page, holder: String(holderId), sort: 'date' }),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Table<TrademarkSummary>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      scroll={{ x: 760 }}
      pagination={serverPagination(t, page.page, page.pageSize, list.data?.total ?? 0, (p, s) => setPage({ page: p, pageSize: s }))}
      locale={{ emptyText: <EmptyState description={t('holder.noTrademarks')} /> }}
      columns={[
        {
          title: t('tm.name'),
          dataIndex: 'name',
          fixed: compact ? undefined : 'left',
          width: 220,
          render: (name: string, m) => (
            <Space size={4} wrap>
              <Link to={trademarkPath(m)}>{name}</Link>
              {m.isDemo && <DemoTag inList />}
            </Space>
          ),
        },
        { title: t('tm.regNo'), dataIndex: 'regNo', width: 120, render: (v: string) => <span className="xz-mono">{v}</span> },
        { title: t('tm.class'), dataIndex: 'niceClass', width: 90, render: (c: number) => <Tag>{niceLabel(t, lang, c)}</Tag> },
        { title: t('tm.status'), dataIndex: 'status', width: 100, render: (_: unknown, m) => <TrademarkStatusTag status={m.status} /> },
        { title: t('tm.appDate'), dataIndex: 'appDate', width: 110, render: (v: string | null) => <span className="xz-num">{formatDate(v)}</span> },
      ]}
    />
  );
}

/** A holder's patents and trademarks, newest first. */
export function HolderRights({ holderId, patents, trademarks }: { holderId: number; patents: number; trademarks: number }) {
  const t = useT();
  const [tab, setTab] = useState(patents === 0 && trademarks > 0 ? 'trademarks' : 'patents');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'patents', label: t('holder.patentsTab', { n: formatNumber(patents) }), children: <PatentRights holderId={holderId} /> },
        { key: 'trademarks', label: t('holder.trademarksTab', { n: formatNumber(trademarks) }), children: <TrademarkRights holderId={holderId} /> },
      ]}
    />
  );
}
