import { Tag } from 'antd';
import {
  BODY_KINDS,
  MEDIATION_KINDS,
  MEDIATION_OUTCOMES,
  MEDIATION_SOURCES,
  MEDIATION_STATUSES,
  SPECIALITIES,
  type ConfirmationStatus,
  type MediationOutcome,
  type MediationStatus,
  type SessionStatus,
} from '../../../../shared/protection/mediation';
import { useT, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import type { CaseListItem } from './api';

export { BODY_KINDS, MEDIATION_KINDS, MEDIATION_OUTCOMES, MEDIATION_SOURCES, MEDIATION_STATUSES, SPECIALITIES };

export const statusName = (t: Translate, s: string) => codeLabel(t, 'md.status', s);
export const outcomeName = (t: Translate, s: string) => codeLabel(t, 'md.outcome', s);
export const sourceName = (t: Translate, s: string) => codeLabel(t, 'md.source', s);
export const kindName = (t: Translate, s: string) => codeLabel(t, 'md.kind', s);
export const bodyKindName = (t: Translate, s: string) => codeLabel(t, 'md.bodyKind', s);
export const specialityName = (t: Translate, s: string) => codeLabel(t, 'md.spec', s);
export const confirmationName = (t: Translate, s: string) => codeLabel(t, 'md.confirm', s);
export const sessionStatusName = (t: Translate, s: string) => codeLabel(t, 'md.session', s);

const STATUS_COLOR: Record<MediationStatus, string> = { received: 'blue', assigned: 'cyan', in_mediation: 'gold', closed: 'default' };
export const OUTCOME_COLOR: Record<MediationOutcome, string> = { settled: 'green', not_settled: 'orange', litigation: 'purple', withdrawn: 'default' };
const CONFIRM_COLOR: Record<ConfirmationStatus, string> = { none: 'default', requested: 'blue', confirmed: 'green', refused: 'red' };
const SESSION_COLOR: Record<SessionStatus, string> = { scheduled: 'blue', held: 'green', cancelled: 'default' };

/** A case's state in one tag: its status while open, its outcome once closed. */
export function CaseStateTag({ c }: { c: Pick<CaseListItem, 'status' | 'outcome'> }) {
  const t = useT();
  if (c.status === 'closed' && c.outcome) return <Tag color={OUTCOME_COLOR[c.outcome]}>{outcomeName(t, c.outcome)}</Tag>;
  return <Tag color={STATUS_COLOR[c.status]}>{statusName(t, c.status)}</Tag>;
}

export function ConfirmationTag({ status }: { status: ConfirmationStatus }) {
  const t = useT();
  if (status === 'none') return null;
  return <Tag color={CONFIRM_COLOR[status]}>{confirmationName(t, status)}</Tag>;
}

export function SessionStatusTag({ status }: { status: SessionStatus }) {
  const t = useT();
  return <Tag color={SESSION_COLOR[status]}>{sessionStatusName(t, status)}</Tag>;
}

export function SourceTag({ source }: { source: CaseListItem['source'] }) {
  const t = useT();
  return <Tag color={source === 'court' ? 'geekblue' : undefined}>{sourceName(t, source)}</Tag>;
}
