import { Tag, Tooltip } from 'antd';
import { useT, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import type { AssignmentStatus, PlanStatus, ProgressStatus, Rag } from './api';

export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['not_started', 'in_progress', 'completed', 'cancelled'];
export const RAG_LIST: readonly Rag[] = ['red', 'amber', 'green', 'grey'];

const PLAN_COLOR: Record<PlanStatus, string> = { draft: 'default', issued: 'processing', closed: 'default' };
const STATUS_COLOR: Record<AssignmentStatus, string> = { not_started: 'default', in_progress: 'processing', completed: 'success', cancelled: 'default' };
const REPORT_COLOR: Record<ProgressStatus, string> = { submitted: 'processing', returned: 'warning', accepted: 'success' };
/** Colours of the board; the words say the same for those who do not see colour. */
export const RAG_COLOR: Record<Rag, string> = { red: '#cf1322', amber: '#d48806', green: '#389e0d', grey: '#8c8c8c' };
const RAG_TAG: Record<Rag, string> = { red: 'error', amber: 'warning', green: 'success', grey: 'default' };

export const planStatusName = (t: Translate, s: string) => codeLabel(t, 'wp.planStatus', s);
export const assignmentStatusName = (t: Translate, s: string) => codeLabel(t, 'wp.status', s);
export const ragName = (t: Translate, r: string) => codeLabel(t, 'wp.rag', r);

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const t = useT();
  return <Tag color={PLAN_COLOR[status]}>{planStatusName(t, status)}</Tag>;
}

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{assignmentStatusName(t, status)}</Tag>;
}

export function ReportStatusTag({ status }: { status: ProgressStatus }) {
  const t = useT();
  return <Tag color={REPORT_COLOR[status]}>{codeLabel(t, 'wp.reportStatus', status)}</Tag>;
}

export function RagTag({ rag }: { rag: Rag }) {
  const t = useT();
  return (
    <Tooltip title={codeLabel(t, 'wp.ragHint', rag)}>
      <Tag color={RAG_TAG[rag]} className="xz-rag-tag">
        {ragName(t, rag)}
      </Tag>
    </Tooltip>
  );
}

export function OfficialTag() {
  const t = useT();
  return (
    <Tooltip title={t('wp.officialHint')}>
      <Tag color="red" bordered>
        {t('wp.official')}
      </Tag>
    </Tooltip>
  );
}

/** Days left (or overdue) in words. */
export function dueText(t: Translate, a: { daysLeft: number; status: AssignmentStatus; planClosed: boolean }): string {
  if (a.status === 'completed' || a.status === 'cancelled') return '';
  // Days overdue stop counting once the plan is closed.
  if (a.planClosed) return t('wp.unfinishedAtClose');
  if (a.daysLeft < 0) return t('wp.overdueDays', { n: -a.daysLeft });
  if (a.daysLeft === 0) return t('wp.dueToday');
  return t('wp.daysLeft', { n: a.daysLeft });
}
