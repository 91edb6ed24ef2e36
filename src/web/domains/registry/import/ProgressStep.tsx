import { CheckCircleFilled, DownloadOutlined, RedoOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ImportRejection, JobView } from '../../../app/api-types';
import { importsApi, jobsApi } from '../../../app/endpoints';
import { useReportError } from '../../../app/errors';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { LinkButton } from '../../../app/ui/LinkButton';
import { LoadError } from '../../../app/ui/States';
import { importKindName, isFinished, jobPhaseName, jobProblem, jobStatusName, paramsOf, resultOf } from './jobText';

const STATUS_COLOR: Record<JobView['status'], string> = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error', interrupted: 'warning', cancelled: 'default' };
const SEARCH_PAGE: Record<string, string> = { patents: '/registry/patents', trademarks: '/registry/trademarks', gis: '/registry/gis', gi_users: '/registry/gis' };

export function JobStatusTag({ job }: { job: JobView }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[job.status]}>{jobStatusName(t, job.status)}</Tag>;
}

function Rejections({ job, total }: { job: JobView; total: number }) {
  const { t, lang } = useI18n();
  const list = useQuery({ queryKey: ['import-rejections', job.id], queryFn: () => importsApi.rejections(job.id) });
  const kind = paramsOf(job).kind;
  const fields = useQuery({ queryKey: ['import-fields', kind], queryFn: () => importsApi.fields(kind ?? 'patents'), enabled: !!kind, staleTime: Infinity });
  const fieldName = (key: string) => {
    if (key === '*') return t('import.wholeRow');
    const f = fields.data?.find((x) => x.key === key);
    return f ? (lang === 'zh' ? f.zh : f.en) : key;
  };
  return (
    <Card
      title={t('import.rejectedTitle', { n: formatNumber(total) })}
      extra={
        <Button icon={<DownloadOutlined />} href={importsApi.rejectionsXlsxUrl(job.id)} download>
          {t('import.downloadReport')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('import.rejectedHint')}</Typography.Paragraph>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<ImportRejection>
          rowKey={(r, i) => `${r.rowNo}-${r.field}-${i}`}
          size="small"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          scroll={{ x: 720 }}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { title: t('import.rowNo'), dataIndex: 'rowNo', width: 80, render: (n: number) => <span className="xz-num">{n}</span> },
            { title: t('import.field'), dataIndex: 'field', width: 140, render: (f: string) => fieldName(f) },
            { title: t('import.value'), dataIndex: 'value', width: 200, render: (v: string) => <span className="xz-break">{v || '—'}</span> },
            { title: t('import.reason'), key: 'reason', render: (_: unknown, r) => (lang === 'zh' ? r.reasonZh : r.reasonEn) },
          ]}
        />
      )}
    </Card>
  );
}

/** Step 3: the job running (polled every second), then what it did. */
export function ProgressStep({ jobId, onNewImport }: { jobId: string; onNewImport: () => void }) {
  const { t, lang } = useI18n();
  const report = useReportError();
  const queryClient = useQueryClient();
  const [resuming, setResuming] = useState(false);
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => jobsApi.get(jobId),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 1000),
    staleTime: 0,
  });

  // The recent-imports list follows when this import ends.
  const ended = job.data ? isFinished(job.data) : false;
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['imports'] });
  }, [ended, queryClient]);

  if (job.isError) return <LoadError error={job.error} onRetry={() => job.refetch()} />;
  if (!job.data) return <Skeleton active />;
  const j = job.data;
  const params = paramsOf(j);
  const result = resultOf(j);
  const total = j.progress.total;
  const percent = total ? Math.min(100, Math.round((j.progress.done / Math.max(total, 1)) * 100)) : 0;
  const problem = jobProblem(t, lang, j);
  const finished = isFinished(j);

  const resume = async () => {
    setResuming(true);
    try {
      queryClient.setQueryData(['job', jobId], await jobsApi.resume(jobId));
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
    } catch (e) {
      report(e);
    } finally {
      setResuming(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={12}>
          <Flex gap={8} wrap="wrap" align="center">
            <Typography.Text strong className="xz-break">
              {params.fileName ?? '—'}
            </Typography.Text>
            {params.kind && <Tag>{importKindName(t, params.kind)}</Tag>}
            <JobStatusTag job={j} />
          </Flex>
          {!finished && (
            <div role="status" aria-live="polite">
              <Typography.Text>
                {j.status === 'queued' ? t('import.queued') : jobPhaseName(t, j.phase) || t('import.running')}
                {total ? ` · ${t('import.progressRows', { done: formatNumber(j.progress.done), total: formatNumber(total) })}` : j.progress.done > 0 ? ` · ${formatNumber(j.progress.done)}` : ''}
              </Typography.Text>
            </div>
          )}
          <Progress
            percent={j.status === 'succeeded' ? 100 : percent}
            status={j.status === 'failed' ? 'exception' : j.status === 'succeeded' ? 'success' : finished ? 'normal' : 'active'}
            aria-label={t('import.progressLabel')}
          />
          {finished && (
            <Typography.Text type="secondary">
              {t('import.finishedAt', { time: formatDateTime(j.finishedAt) })}
              {j.createdBy ? ` · ${t('import.by', { name: j.createdBy })}` : ''}
            </Typography.Text>
          )}
        </Flex>
      </Card>

      {problem && (j.status === 'failed' || j.status === 'interrupted') && (
        <Alert
          type={j.status === 'failed' ? 'error' : 'warning'}
          showIcon
          title={j.status === 'failed' ? t('import.failedTitle') : t('import.interruptedTitle')}
          description={
            <>
              <div>{problem}</div>
              <div className="xz-footnote">{t('import.resumeHint')}</div>
            </>
          }
          action={
            <Button type="primary" icon={<RedoOutlined />} loading={resuming} onClick={resume}>
              {t('import.resume')}
            </Button>
          }
        />
      )}

      {result && (
        <>
          {j.status === 'succeeded' && (
            <Alert
              type={result.rejected > 0 ? 'warning' : 'success'}
              showIcon
              icon={result.rejected > 0 ? undefined : <CheckCircleFilled />}
              title={result.rejected > 0 ? t('import.doneWithRejections', { n: formatNumber(result.rows), r: formatNumber(result.rejected) }) : t('import.doneOk', { n: formatNumber(result.rows) })}
            />
          )}
          <Row gutter={[12, 12]}>
            {(
              [
                ['rows', result.rows, undefined],
                ['inserted', result.inserted, result.inserted > 0 ? '#389e0d' : undefined],
                ['updated', result.updated, result.updated > 0 ? '#1d4ed8' : undefined],
                ['unchanged', result.unchanged, undefined],
                ['rejected', result.rejected, result.rejected > 0 ? '#cf1322' : undefined],
                ['warnings', result.warnings, result.warnings > 0 ? '#d48806' : undefined],
              ] as const
            ).map(([key, value, color]) => (
              <Col key={key} xs={12} sm={8} xl={4}>
                <Card size="small" className="xz-stat-card">
                  <Statistic title={t(`import.count.${key}`)} value={value} groupSeparator="," styles={color ? { content: { color } } : undefined} />
                </Card>
              </Col>
            ))}
          </Row>
          {result.warnings > 0 && <Typography.Text type="secondary">{t('import.warningsHint')}</Typography.Text>}
          {result.rejected > 0 && <Rejections job={j} total={result.rejected} />}
        </>
      )}

      {finished && (
        <Flex gap={8} wrap="wrap">
          <Button icon={<UploadOutlined />} onClick={onNewImport}>
            {t('import.another')}
          </Button>
          {j.status === 'succeeded' && params.kind && (
            <LinkButton type="primary" to={SEARCH_PAGE[params.kind] ?? '/registry/patents'}>
              {t('import.goSearch')}
            </LinkButton>
          )}
        </Flex>
      )}
    </Flex>
  );
}
