import { Flex, Tag, Tooltip } from 'antd';
import { DECISION_KINDS, DISCLOSURE_STATUSES } from '../../../../shared/protection/disclosure';
import { formatDate } from '../../../app/format';
import { useT, type MessageKey, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import type { ChainEntry } from '../api';
import { DueText, formatYuan } from '../labels';
import type { DecisionKind, DecisionListItem, DisclosureStatus } from './api';

export { DECISION_KINDS, DISCLOSURE_STATUSES };

export const disclosureStatusName = (t: Translate, s: string) => codeLabel(t, 'dc.status', s);
export const decisionKindName = (t: Translate, k: string) => codeLabel(t, 'dc.kind', k);
export const partyKindName = (t: Translate, k: string) => codeLabel(t, 'dc.partyKind', k);

const STATUS_COLOR: Record<DisclosureStatus, string> = { draft: 'gold', reviewed: 'blue', published: 'green', withdrawn: 'default' };

export function DisclosureStatusTag({ status }: { status: DisclosureStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{disclosureStatusName(t, status)}</Tag>;
}

export function KindTags({ kinds }: { kinds: readonly DecisionKind[] }) {
  const t = useT();
  return (
    <Flex gap={4} wrap="wrap">
      {kinds.map((k) => (
        <Tag key={k} className="xz-tag-tight">
          {decisionKindName(t, k)}
        </Tag>
      ))}
    </Flex>
  );
}

/** Fines and confiscations, one line each: ¥60,000 罚款 / ¥26,000 没收. */
export function Amounts({ fine, confiscated }: { fine: number | null; confiscated: number | null }) {
  const t = useT();
  if (!fine && !confiscated) return <span className="xz-muted">—</span>;
  return (
    <Flex vertical gap={0} className="xz-num">
      {fine ? <span>{t('dc.amountFine', { amount: formatYuan(fine) })}</span> : null}
      {confiscated ? <span>{t('dc.amountConfiscated', { amount: formatYuan(confiscated) })}</span> : null}
    </Flex>
  );
}

/** The publication deadline: red when passed unpublished, amber when two working days or less remain, a note when published late. */
export function PublishDue({ item }: { item: Pick<DecisionListItem, 'publishDue' | 'overdue' | 'dueSoon' | 'publishedLate' | 'status'> }) {
  const t = useT();
  if (item.status === 'published' || item.status === 'withdrawn') {
    return (
      <span className="xz-nowrap">
        <span className="xz-num xz-muted">{formatDate(item.publishDue)}</span>
        {item.publishedLate && (
          <Tooltip title={t('dc.publishedLateHint')}>
            <Tag color="orange" className="xz-tag-inline" tabIndex={0}>
              {t('dc.publishedLate')}
            </Tag>
          </Tooltip>
        )}
      </span>
    );
  }
  if (item.dueSoon) {
    return (
      <span className="xz-nowrap">
        <span className="xz-num">{formatDate(item.publishDue)}</span>
        <Tag color="orange" className="xz-tag-inline">
          {t('dc.dueSoon')}
        </Tag>
      </span>
    );
  }
  return <DueText date={item.publishDue} overdue={item.overdue} label="dc.overdue" hint="dc.overdueHint" />;
}

/** The record's own words for each step (in place of "from → to"). */
export function disclosureStepName(t: Translate, from: string, to: string): string | undefined {
  if (to === 'draft') return t('dc.hist.edited');
  if (to === 'reviewed') return t('dc.hist.reviewed');
  if (to === 'published') return t('dc.hist.published');
  if (to === 'withdrawn') return t('dc.hist.withdrawn');
  return from ? undefined : t('dc.hist.created');
}

const FIELD_LABEL: Record<string, MessageKey> = {
  decisionNo: 'dc.decisionNo',
  kinds: 'dc.kinds',
  party: 'dc.party',
  otherNames: 'dc.otherNames',
  facts: 'dc.facts',
  provisions: 'dc.provisions',
  basis: 'dc.basis',
  penalty: 'dc.penalty',
  fineAmount: 'dc.fineAmount',
  confiscatedAmount: 'dc.confiscatedAmount',
  decidedOn: 'dc.decidedOn',
  authority: 'dc.authority',
  areaCode: 'dc.area',
  reportId: 'dc.report',
};

/** What the timeline adds under a disclosure entry: the fields an edit changed, the reviewer, the due date, a file's record. */
export function disclosureLines(t: Translate, e: ChainEntry, sep: string): string[] {
  const p = e.payload;
  const out: string[] = [];
  if (e.kind === 'file' && (p.category === 'review' || p.category === 'process')) out.push(t(`dc.hist.category.${p.category}`));
  if (typeof p.publishDue === 'string' && p.to === 'draft' && p.from === null) out.push(t('dc.hist.publishDue', { date: p.publishDue }));
  if (Array.isArray(p.edited) && p.edited.length > 0) out.push(t('dc.hist.fields', { fields: p.edited.map((f) => (FIELD_LABEL[String(f)] ? t(FIELD_LABEL[String(f)] as MessageKey) : String(f))).join(sep) }));
  if (p.reviewVoided === true) out.push(t('dc.hist.reviewVoided'));
  if (typeof p.reviewer === 'string') out.push(t('dc.hist.reviewer', { name: p.reviewer, date: typeof p.reviewedOn === 'string' ? p.reviewedOn : '—' }));
  if (p.late === true && typeof p.publishDue === 'string') out.push(t('dc.hist.late', { date: p.publishDue }));
  return out;
}
