import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError } from '../../../app/ui/States';
import { useUser } from '../../../app/session';
import { CITY_CODE } from '../../../../shared/validators/region';
import { reportsApi, type ReportView } from './api';
import { ReportButton, ReportFiles } from './ReportButton';

const STATUS_COLOR = { queued: 'processing', done: 'success', failed: 'error' } as const;

/** The reports of one's area (the city office: all), with their files; the city starts the yearly report here. */
export default function ReportsPage() {
  const { t } = useI18n();
  const user = useUser();
  const list = useQuery({ queryKey: ['reports'], queryFn: ({ signal }) => reportsApi.list(signal), refetchInterval: (q) => (q.state.data?.some((r) => r.status === 'queued') ? 2000 : false) });
  const cityWide = user.areaScope === CITY_CODE;
  const lastYear = new Date().getFullYear() - 1;
  return (
    <>
      <PageHeader title={t('nav.reports')} subtitle={t('rp.subtitle')} extra={cityWide ? <ReportButton body={{ kind: 'yearly', year: lastYear }} /> : undefined} />
      <Card>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<ReportView>
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            scroll={{ x: 900 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('rp.empty') }}
            columns={[
              { title: t('rp.docNumber'), dataIndex: 'docNumber', width: 170 },
              { title: t('rp.reportTitle'), dataIndex: 'title', render: (v: string, r) => (<>{v}{r.synthetic && <Tag style={{ marginInlineStart: 8 }}>{t('rp.synthetic')}</Tag>}</>) },
              { title: t('rp.kind'), dataIndex: 'kind', width: 120, render: (k: ReportView['kind']) => t(`rp.kind.${k}`) },
              { title: t('rp.area'), dataIndex: 'areaName', width: 110 },
              { title: t('rp.status'), dataIndex: 'status', width: 100, render: (s: ReportView['status']) => <Tag color={STATUS_COLOR[s]}>{t(`rp.status.${s}`)}</Tag> },
              { title: t('rp.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string, r) => `${formatDateTime(v)}${r.createdBy ? ` · ${r.createdBy}` : ''}` },
              { title: t('rp.files'), key: 'files', width: 300, render: (_: unknown, r) => <ReportFiles report={r} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
