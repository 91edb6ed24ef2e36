import { DeleteOutlined, EditOutlined, RedoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Descriptions, Flex, Popconfirm, Progress, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isNotFound } from '../../../app/api';
import type { JobView } from '../../../app/api-types';
import { jobsApi } from '../../../app/endpoints';
import { useReportError } from '../../../app/errors';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { isFinished, jobPhaseName, jobProblem } from '../../registry/import/jobText';
import { landscapeApi, type LandscapeDetail, type LandscapeRunSummary } from '../api';
import { deltaText, fieldParts, ipcAreaText, KIND_COLORS, kindName, sameField, yearSpan } from './format';
import { LandscapeFormModal } from './LandscapeForm';
import { LandscapeResultView } from './LandscapeResultView';
import { RunStatusTag, StaleTag } from './parts';
import { ReportButton } from '../reports/ReportButton';

/** One navigation project: its field, its runs, and the landscape of the run chosen (the latest by default). */
export default function LandscapeDetailPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const report = useReportError();
  const { message } = AntdApp.useApp();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [starting, setStarting] = useState(false);

  const detail = useQuery({
    queryKey: ['landscape', id],
    queryFn: ({ signal }) => landscapeApi.get(id, signal),
    enabled: Number.isInteger(id) && id > 0,
    // While a run goes on, its row follows (a desk that may not read the city's job still sees it end).
    refetchInterval: (q) => {
      const latest = q.state.data?.runs[0];
      if (latest?.status !== 'running') return false;
      const job = latest.jobId ? queryClient.getQueryData<JobView>(['job', latest.jobId]) : undefined;
      return job && isFinished(job) ? false : 2000;
    },
  });
  const d = detail.data;
  const runs = d?.runs ?? [];
  const latest = runs[0] ?? null;
  const chosen = Number(params.get('run')) || null;
  const selected = runs.find((r) => r.id === chosen) ?? runs.find((r) => r.status === 'done') ?? null;
  const run = useQuery({
    queryKey: ['landscape-run', selected?.id],
    queryFn: ({ signal }) => landscapeApi.getRun(selected?.id ?? 0, signal),
    enabled: selected?.status === 'done',
    staleTime: Infinity,
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['landscape', id] });
    void queryClient.invalidateQueries({ queryKey: ['landscapes'] });
  };

  const rerun = async () => {
    setStarting(true);
    try {
      const started = await landscapeApi.run(id);
      queryClient.setQueryData(['job', started.job.id], started.job);
      // The new run shows when it is done: forget an older run picked in the address bar.
      setParams({}, { replace: true });
      refresh();
    } catch (e) {
      report(e);
    } finally {
      setStarting(false);
    }
  };

  const remove = async () => {
    try {
      await landscapeApi.remove(id);
      message.success(t('ls.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['landscapes'] });
      navigate('/insight/landscapes', { replace: true });
    } catch (e) {
      report(e);
    }
  };

  if (!(Number.isInteger(id) && id > 0)) return <RecordNotFound backTo="/insight/landscapes" backLabel={t('ls.backToList')} />;
  if (detail.isError) {
    return isNotFound(detail.error) ? (
      <RecordNotFound backTo="/insight/landscapes" backLabel={t('ls.backToList')} />
    ) : (
      <LoadError error={detail.error} onRetry={() => detail.refetch()} />
    );
  }
  if (!d) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const running = latest?.status === 'running' ? latest : null;
  const ranDifferently = run.data && !sameField(run.data.definition, d);

  return (
    <>
      <PageHeader
        title={d.name}
        back="/insight/landscapes"
        tags={
          <Space size={4}>
            <Tag color={KIND_COLORS[d.kind]}>{kindName(t, d.kind)}</Tag>
            {d.stale && <StaleTag />}
            {d.isDemo && <DemoTag />}
          </Space>
        }
        subtitle={d.description ?? undefined}
        extra={
          <>
            {selected?.status === 'done' && <ReportButton body={{ kind: 'landscape', runId: selected.id }} />}
            {d.canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            {d.canEdit && (
              <Popconfirm title={t('ls.deleteConfirm', { name: d.name })} description={t('ls.deleteHint')} okButtonProps={{ danger: true }} onConfirm={() => void remove()}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            {can('insight.landscape') && (
              <Button type="primary" icon={<RedoOutlined />} loading={starting} disabled={!!running} onClick={() => void rerun()}>
                {t('ls.rerun')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" className="xz-ls-head">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'ipc', label: t('ls.ipcAreas'), children: d.ipc.length ? d.ipc.map(ipcAreaText).join(t('ls.listSep')) : '—' },
            { key: 'words', label: t('ls.keywords'), children: d.keywords.length ? d.keywords.join(t('ls.listSep')) : '—' },
            { key: 'combine', label: t('ls.combine'), children: d.ipc.length && d.keywords.length ? t(d.combine === 'all' ? 'ls.combineAll' : 'ls.combineAny') : '—' },
            { key: 'years', label: t('ls.years'), children: yearSpan(d) },
          ]}
        />
        <RunBar detail={d} selected={selected} onPick={(runId) => setParams(runId === runs.find((r) => r.status === 'done')?.id ? {} : { run: String(runId) }, { replace: true })} />
        {run.data?.result?.change && <ChangeLine change={run.data.result.change} />}
        {ranDifferently && run.data && (
          <Alert
            className="xz-ls-head-alert"
            type="info"
            showIcon
            // Only the latest run calls for a new one; an older run simply ran on another field.
            title={t(selected?.id === latest?.id ? 'ls.ranOnOldField' : 'ls.ranOnOtherField', { field: fieldParts(t, run.data.definition).join(' · ') })}
          />
        )}
      </Card>
      {running && <RunProgress run={running} number={runs.length} onEnded={refresh} />}
      {latest?.status === 'failed' && !running && latest.id !== selected?.id && <FailedRun run={latest} />}
      {selected?.status === 'failed' && <FailedRun run={selected} />}
      {selected?.status === 'done' &&
        (run.isError ? (
          <LoadError error={run.error} onRetry={() => run.refetch()} />
        ) : !run.data?.result ? (
          <Card>
            <Skeleton active paragraph={{ rows: 10 }} />
          </Card>
        ) : (
          <LandscapeResultView runId={run.data.id} r={run.data.result} />
        ))}
      {!selected && !running && latest === null && <Alert type="info" showIcon title={t('ls.neverRun')} />}
      {editing && (
        <LandscapeFormModal
          open
          editing={d}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            queryClient.setQueryData(['landscape', id], saved);
            void queryClient.invalidateQueries({ queryKey: ['landscapes'] });
          }}
        />
      )}
    </>
  );
}

/** The runs of the project, newest first, each with its patents and the change against the run before. */
function RunBar({ detail, selected, onPick }: { detail: LandscapeDetail; selected: LandscapeRunSummary | null; onPick: (runId: number) => void }) {
  const { t } = useI18n();
  const runs = detail.runs;
  // Nothing to choose before the first run is done (its progress shows below).
  if (!runs.some((r) => r.status === 'done')) return null;
  // The runs are newest first: the one before a run is the next finished one in the list.
  const previousDone = (i: number) => runs.slice(i + 1).find((r) => r.status === 'done' && r.patents !== null);
  const options = runs.map((r, i) => {
    const before = previousDone(i);
    const diff = r.status === 'done' && r.patents !== null && before && before.patents !== null ? r.patents - before.patents : null;
    return {
      value: r.id,
      disabled: r.status !== 'done',
      label: (
        <span className="xz-ls-run-option">
          {t('ls.runN', { n: runs.length - i })} · <span className="xz-num">{formatDateTime(r.finishedAt ?? r.startedAt)}</span>
          {r.status === 'done' ? ` · ${t('ls.nPatents', { n: formatNumber(r.patents) })}` : ` · ${t(`ls.runStatus.${r.status}`)}`}
          {diff !== null && <span className={diff > 0 ? 'xz-ls-delta-up' : diff < 0 ? 'xz-ls-delta-down' : 'xz-muted'}> {t('ls.deltaVsPrevious', { delta: deltaText(diff) })}</span>}
        </span>
      ),
    };
  });
  const sel = selected ? runs.indexOf(selected) : -1;
  return (
    <Flex gap={8} align="center" wrap="wrap" className="xz-ls-runbar">
      <label htmlFor="ls-run-select" className="xz-nowrap">
        {t('ls.runs')}
      </label>
      <Select<number> id="ls-run-select" value={selected?.id} onChange={onPick} options={options} style={{ width: '100%', maxWidth: 480 }} placeholder={t('ls.noDoneRun')} aria-label={t('ls.runs')} />
      {selected && (
        <Typography.Text type="secondary">
          {selected.startedBy ? t('ls.runBy', { name: selected.startedBy, time: formatDateTime(selected.startedAt) }) : t('ls.runAt', { time: formatDateTime(selected.startedAt) })}
          {sel === 0 ? '' : ` · ${t('ls.notLatest')}`}
        </Typography.Text>
      )}
      {selected && <RunStatusTag status={selected.status} />}
    </Flex>
  );
}

function ChangeLine({ change }: { change: { added: number; removed: number } }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph className="xz-ls-change">
      {t('ls.change', { added: formatNumber(change.added), removed: formatNumber(change.removed) })}
    </Typography.Paragraph>
  );
}

/** A run going on: the job's phase and progress, polled each second; when it ends the project reloads. */
function RunProgress({ run, number, onEnded }: { run: LandscapeRunSummary; number: number; onEnded: () => void }) {
  const { t, lang } = useI18n();
  const job = useQuery({
    queryKey: ['job', run.jobId],
    queryFn: () => jobsApi.get(run.jobId ?? ''),
    enabled: !!run.jobId,
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 1000),
    staleTime: 0,
    // A county desk may not read the city's job: the project's own row still shows the run end.
    retry: false,
  });
  const j = job.data;
  const ended = j ? isFinished(j) : false;
  const endedRef = useRef(onEnded);
  endedRef.current = onEnded;
  useEffect(() => {
    if (ended) endedRef.current();
  }, [ended]);

  const stopped = j && (j.status === 'failed' || j.status === 'interrupted' || j.status === 'cancelled');
  const percent = j && j.progress.total ? Math.round((j.progress.done / Math.max(1, j.progress.total)) * 100) : 0;
  const phase = !j ? t('ls.running') : j.status === 'queued' ? t('import.queued') : jobPhaseName(t, j.phase) || t('ls.running');
  return (
    <Card size="small" className="xz-ls-progress">
      {stopped ? (
        <Alert type="warning" showIcon title={t('ls.runStopped', { n: number })} description={jobProblem(t, lang, j) ?? t('ls.runStoppedHint')} />
      ) : (
        <Flex vertical gap={6}>
          <div role="status" aria-live="polite">
            <Typography.Text>{t('ls.runningN', { n: number, phase })}</Typography.Text>
          </div>
          <Progress percent={ended ? 100 : Math.max(percent, 5)} status={ended ? 'success' : 'active'} showInfo={j?.status === 'running' || ended} aria-label={t('ls.progressLabel')} />
        </Flex>
      )}
    </Card>
  );
}

function FailedRun({ run }: { run: LandscapeRunSummary }) {
  const { t, lang } = useI18n();
  const job = useQuery({ queryKey: ['job', run.jobId], queryFn: () => jobsApi.get(run.jobId ?? ''), enabled: !!run.jobId, retry: false });
  return (
    <Alert
      className="xz-ls-head-alert"
      type="error"
      showIcon
      title={t('ls.runFailed', { time: formatDateTime(run.finishedAt ?? run.startedAt) })}
      description={(job.data && jobProblem(t, lang, job.data)) ?? t('ls.runFailedHint')}
    />
  );
}
