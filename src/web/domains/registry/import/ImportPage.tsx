import { useQueryClient } from '@tanstack/react-query';
import { Flex, Steps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ImportAnalysis, ImportKind } from '../../../app/api-types';
import { importsApi } from '../../../app/endpoints';
import { useReportError } from '../../../app/errors';
import { useT } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useCompact } from '../../../app/ui/responsive';
import { MappingStep, type StartRequest } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { RecentImports } from './RecentImports';
import { UploadStep } from './UploadStep';

const JOB_ID = /^[0-9a-f-]{36}$/i;

/**
 * 数据导入: choose the kind and the file → check how its columns map → run it and see what happened.
 * The running import's id is in the address (?job=…), so a reload or a bookmark comes back to it.
 */
export default function ImportPage() {
  const t = useT();
  const compact = useCompact();
  const report = useReportError();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const jobParam = params.get('job');
  const jobId = jobParam && JOB_ID.test(jobParam) ? jobParam : null;
  const [kind, setKind] = useState<ImportKind>('patents');
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [starting, setStarting] = useState(false);
  const step = jobId ? 2 : analysis ? 1 : 0;

  const openJob = (id: string) => {
    setAnalysis(null);
    setParams({ job: id });
    window.scrollTo({ top: 0 });
  };
  const reset = () => {
    setAnalysis(null);
    setParams({});
  };
  const start = async (r: StartRequest) => {
    if (!analysis) return;
    setStarting(true);
    try {
      const job = await importsApi.start({ uploadKey: analysis.uploadKey, mapping: r.mapping, ...(r.saveProfileAs ? { saveProfileAs: r.saveProfileAs } : {}) });
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      if (r.saveProfileAs) void queryClient.invalidateQueries({ queryKey: ['import-profiles'] });
      openJob(job.id);
    } catch (e) {
      report(e);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <PageHeader title={t('nav.import')} subtitle={t('import.subtitle')} />
      <Flex vertical gap={16}>
        <Steps
          current={step}
          size="small"
          orientation="horizontal"
          titlePlacement={compact ? 'vertical' : 'horizontal'}
          responsive={false}
          items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.step3') }]}
          className="xz-import-steps"
        />
        {step === 0 && (
          <UploadStep
            kind={kind}
            onKind={setKind}
            onAnalysed={(a) => {
              setKind(a.kind);
              setAnalysis(a);
            }}
          />
        )}
        {step === 1 && analysis && <MappingStep analysis={analysis} busy={starting} onBack={() => setAnalysis(null)} onStart={start} />}
        {step === 2 && jobId && <ProgressStep key={jobId} jobId={jobId} onNewImport={reset} />}
        <RecentImports current={jobId ?? undefined} onOpen={openJob} />
      </Flex>
    </>
  );
}
