import { FilePdfOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { jobsApi } from '../../../app/endpoints';
import { useReportError } from '../../../app/errors';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { isFinished, jobPhaseName, jobProblem } from '../../registry/import/jobText';
import { reportsApi, type ReportBody, type ReportView } from './api';

/** The two files of a finished report, as download links. */
export function ReportFiles({ report }: { report: ReportView }) {
  const { t } = useI18n();
  return (
    <Flex gap={8} wrap="wrap">
      {report.files.map((f) => (
        <Button key={f.format} href={f.url} download icon={f.format === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />} data-testid={`report-${f.format}`}>
          {t(f.format === 'pdf' ? 'rp.downloadPdf' : 'rp.downloadDocx')} · {formatNumber(Math.ceil(f.bytes / 1024))} KB
        </Button>
      ))}
    </Flex>
  );
}

/** Follows a report's job until its files are ready. */
function ReportProgress({ reportId, jobId }: { reportId: number; jobId: string }) {
  const { t, lang } = useI18n();
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => jobsApi.get(jobId),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 700),
    staleTime: 0,
  });
  const done = job.data?.status === 'succeeded';
  const report = useQuery({ queryKey: ['report', reportId], queryFn: () => reportsApi.get(reportId), enabled: done });
  const j = job.data;
  if (!j) return <Progress percent={0} status="active" />;
  if (j.status === 'failed' || j.status === 'interrupted') return <Alert type="error" showIcon message={t('rp.failed')} description={jobProblem(t, lang, j) ?? undefined} />;
  const percent = j.progress.total ? Math.round((j.progress.done / Math.max(j.progress.total, 1)) * 100) : 0;
  return (
    <Flex vertical gap={12}>
      <div role="status" aria-live="polite">
        <Typography.Text>{done ? t('rp.ready') : j.status === 'queued' ? t('rp.queued') : jobPhaseName(t, j.phase) || t('rp.running')}</Typography.Text>
      </div>
      <Progress percent={done ? 100 : percent} status={done ? 'success' : 'active'} aria-label={t('rp.progress')} />
      {report.data && (
        <>
          <Typography.Text type="secondary">
            {report.data.docNumber} · {report.data.title}
          </Typography.Text>
          <ReportFiles report={report.data} />
        </>
      )}
    </Flex>
  );
}

/** One click: the view becomes a report (.docx and .pdf), built as a job whose progress is shown. */
export function ReportButton({ body, disabled }: { body: ReportBody; disabled?: boolean }) {
  const { t } = useI18n();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<{ reportId: number; jobId: string } | null>(null);
  const start = async () => {
    setBusy(true);
    try {
      const res = await reportsApi.request(body);
      setStarted({ reportId: res.report.id, jobId: res.job.id });
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<FileTextOutlined />} onClick={start} loading={busy} disabled={disabled} data-testid="report-button">
        {t('rp.generate')}
      </Button>
      <Modal open={!!started} title={t('rp.title')} footer={null} onCancel={() => setStarted(null)} destroyOnHidden>
        {started && <ReportProgress reportId={started.reportId} jobId={started.jobId} />}
      </Modal>
    </>
  );
}
