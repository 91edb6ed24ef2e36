import { useQueryClient } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n';
import type { ReportDetail } from '../api';

export type ActionOutcome = { ok: true } | { ok: false; error: unknown; conflict: boolean };

/**
 * Runs one step on a report and puts the answer (the report as it now is) in place. A 409 means
 * someone else moved the report meanwhile: the page reloads it and says so.
 */
export function useReportAction(id: number) {
  const queryClient = useQueryClient();
  const { message } = AntdApp.useApp();
  const t = useT();
  return useCallback(
    async (run: () => Promise<ReportDetail>): Promise<ActionOutcome> => {
      try {
        const detail = await run();
        queryClient.setQueryData(['protection-report', id], detail);
        void queryClient.invalidateQueries({ queryKey: ['protection-reports'] });
        void queryClient.invalidateQueries({ queryKey: ['protection-report-stats'] });
        return { ok: true };
      } catch (e) {
        if (isApiError(e) && e.status === 409) {
          message.warning({ content: t('prd.conflict'), duration: 6 });
          void queryClient.invalidateQueries({ queryKey: ['protection-report', id] });
          return { ok: false, error: e, conflict: true };
        }
        return { ok: false, error: e, conflict: false };
      }
    },
    [id, queryClient, message, t],
  );
}
