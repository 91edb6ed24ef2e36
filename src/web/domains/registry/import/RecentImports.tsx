import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Typography } from 'antd';
import type { JobView } from '../../../app/api-types';
import { importsApi } from '../../../app/endpoints';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { useCompact } from '../../../app/ui/responsive';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { importKindName, isFinished, paramsOf, resultOf } from './jobText';
import { JobStatusTag } from './ProgressStep';

/** The last imports (of the officer's area), newest first; any of them can be opened again. */
export function RecentImports({ current, onOpen }: { current?: string; onOpen: (jobId: string) => void }) {
  const t = useT();
  const compact = useCompact();
  const list = useQuery({
    queryKey: ['imports'],
    queryFn: importsApi.recent,
    refetchInterval: (q) => (q.state.data?.some((j) => !isFinished(j)) ? 3000 : false),
  });
  return (
    <Card title={t('import.recent')} className="xz-card">
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<JobView>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(j) => (j.id === current ? 'xz-row-current' : '')}
          locale={{ emptyText: <EmptyState description={t('import.noRecent')} /> }}
          columns={[
            {
              title: t('import.fileName'),
              key: 'file',
              width: 220,
              fixed: compact ? undefined : 'left',
              render: (_: unknown, j) => (
                <Typography.Text className="xz-break" ellipsis={{ tooltip: paramsOf(j).fileName }}>
                  {paramsOf(j).fileName ?? '—'}
                </Typography.Text>
              ),
            },
            { title: t('import.kind'), key: 'kind', width: 130, render: (_: unknown, j) => (paramsOf(j).kind ? importKindName(t, paramsOf(j).kind as string) : '—') },
            { title: t('common.status'), key: 'status', width: 90, render: (_: unknown, j) => <JobStatusTag job={j} /> },
            {
              title: t('import.outcome'),
              key: 'outcome',
              width: 240,
              render: (_: unknown, j) => {
                const r = resultOf(j);
                if (!r) return j.progress.total ? t('import.progressRows', { done: formatNumber(j.progress.done), total: formatNumber(j.progress.total) }) : '—';
                return t('import.outcomeText', { inserted: formatNumber(r.inserted), updated: formatNumber(r.updated), rejected: formatNumber(r.rejected) });
              },
            },
            { title: t('import.operator'), dataIndex: 'createdBy', width: 100, render: (v: string | null) => v ?? '—' },
            { title: t('import.startedAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 80,
              fixed: compact ? undefined : 'right',
              render: (_: unknown, j) => (
                <Button type="link" size="small" onClick={() => onOpen(j.id)} aria-label={t('import.openFor', { name: paramsOf(j).fileName ?? j.id })}>
                  {t('import.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
