import { Tag } from 'antd';
import {
  CREDIT_CATEGORIES,
  CREDIT_KINDS,
  CREDIT_STATUSES,
  CREDIT_SUBJECT_KINDS,
  categoriesOf,
  type CreditKind,
  type CreditStatus,
} from '../../../../shared/protection/credit';
import { useT, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';

export { CREDIT_CATEGORIES, CREDIT_KINDS, CREDIT_STATUSES, CREDIT_SUBJECT_KINDS, categoriesOf };

export const creditKindName = (t: Translate, k: string) => codeLabel(t, 'cr.kind', k);
export const categoryName = (t: Translate, c: string) => codeLabel(t, 'cr.cat', c);
export const severityName = (t: Translate, s: string) => codeLabel(t, 'cr.sev', s);
export const subjectKindName = (t: Translate, k: string) => codeLabel(t, 'cr.subjectKind', k);
export const creditStatusName = (t: Translate, s: string) => codeLabel(t, 'cr.status', s);
export const repairStatusName = (t: Translate, s: string) => codeLabel(t, 'cr.repairStatus', s);

const STATUS_COLOR: Record<CreditStatus, string> = { draft: 'default', published: 'blue', repairing: 'gold', ended: 'green', revoked: 'default' };

export function CreditStatusTag({ status }: { status: CreditStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{creditStatusName(t, status)}</Tag>;
}

/** 守信 in green, 失信 in red: the first thing a reader needs to know about a record. */
export function CreditKindTag({ kind }: { kind: CreditKind }) {
  const t = useT();
  return <Tag color={kind === 'trust' ? 'green' : 'red'}>{creditKindName(t, kind)}</Tag>;
}

/** The record's own words for each step of its history (in place of "from → to"). */
export function creditStepName(t: Translate, from: string, to: string, p: Record<string, unknown>): string | undefined {
  if (Array.isArray(p.edited)) return t('cr.hist.edited');
  if (typeof p.decisionFile === 'string') return t('cr.hist.decision');
  if (to === 'published' && from === 'repairing') return t('cr.hist.repairRefused');
  if (to === 'published') return t('cr.hist.published');
  if (to === 'repairing') return t('cr.hist.repairApplied');
  if (to === 'ended' && p.repair === 'approved') return t('cr.hist.repairApproved');
  if (to === 'ended') return t('cr.hist.ended');
  if (to === 'revoked' && from === 'draft') return t('cr.hist.discarded');
  if (to === 'revoked') return t('cr.hist.revoked');
  return undefined;
}
