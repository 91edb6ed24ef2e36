import type { ImportKind, ImportResult, JobView } from '../../../app/api-types';
import type { Lang, Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';

export const IMPORT_KINDS: readonly ImportKind[] = ['patents', 'trademarks', 'gis', 'gi_users'];

export const importKindName = (t: Translate, kind: string) => codeLabel(t, 'importKind', kind);
export const jobStatusName = (t: Translate, status: string) => codeLabel(t, 'jobStatus', status);
export const jobPhaseName = (t: Translate, phase: string | null) => (phase ? codeLabel(t, 'jobPhase', phase) : '');

export const isFinished = (j: Pick<JobView, 'status'>) => j.status === 'succeeded' || j.status === 'failed' || j.status === 'interrupted' || j.status === 'cancelled';

export interface ImportParamsView {
  kind?: ImportKind;
  fileName?: string;
}

export const paramsOf = (j: JobView) => j.params as ImportParamsView;

export function resultOf(j: JobView): ImportResult | null {
  const r = j.result as Partial<ImportResult> | null | undefined;
  if (!r || typeof r !== 'object' || typeof r.rows !== 'number') return null;
  return { rows: r.rows, rejected: r.rejected ?? 0, warnings: r.warnings ?? 0, inserted: r.inserted ?? 0, updated: r.updated ?? 0, unchanged: r.unchanged ?? 0 };
}

/**
 * Why a job stopped, in the UI language. The server stores "中文 / English" in one message (either
 * order); interruptions get this app's own wording.
 */
export function jobProblem(t: Translate, lang: Lang, j: JobView): string | null {
  const e = j.errors as { code?: string; message?: string } | null | undefined;
  if (!e) return null;
  if (e.code === 'interrupted') return t('import.interruptedReason');
  const msg = e.message ?? '';
  const parts = msg.split(' / ');
  if (parts.length === 2) {
    const zhFirst = /[\u4e00-\u9fff]/.test(parts[0] ?? '');
    const zh = zhFirst ? parts[0] : parts[1];
    const en = zhFirst ? parts[1] : parts[0];
    return (lang === 'zh' ? zh : en) ?? msg;
  }
  return e.code === 'internal' ? t('import.internalReason', { detail: msg }) : msg || t('error.unexpected');
}
