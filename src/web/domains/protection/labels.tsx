import { Tag, Tooltip } from 'antd';
import { REPORT_STATUSES, REWARD_STATUSES, RIGHT_KINDS, type ReportStatus, type RewardStatus, type RightKind } from '../../../shared/protection/reports';
import { codeLabel } from '../../app/labels';
import { useT, type MessageKey, type Translate } from '../../app/i18n';
import { formatDate } from '../../app/format';

export { REPORT_STATUSES, REWARD_STATUSES, RIGHT_KINDS };

export const reportStatusName = (t: Translate, s: string) => codeLabel(t, 'pr.status', s);
export const rewardStatusName = (t: Translate, s: string) => codeLabel(t, 'pr.reward', s);
export const rightKindName = (t: Translate, k: string) => codeLabel(t, 'pr.right', k);
export const whyName = (t: Translate, w: string) => codeLabel(t, 'pr.why', w);

const STATUS_COLOR: Record<ReportStatus, string> = {
  received: 'blue',
  accepted: 'cyan',
  rejected: 'default',
  investigating: 'gold',
  concluded: 'green',
};

const REWARD_COLOR: Record<RewardStatus, string> = {
  none: 'default',
  proposed: 'gold',
  approved: 'blue',
  refused: 'default',
  claimed: 'purple',
  paid: 'green',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{reportStatusName(t, status)}</Tag>;
}

export function RewardStatusTag({ status }: { status: RewardStatus }) {
  const t = useT();
  if (status === 'none') return <span className="xz-muted">—</span>;
  return <Tag color={REWARD_COLOR[status]}>{rewardStatusName(t, status)}</Tag>;
}

export function RightKindTag({ kind }: { kind: RightKind }) {
  const t = useT();
  return <Tag>{rightKindName(t, kind)}</Tag>;
}

/** A deadline: its date, and a red 已逾期 when it has passed without the step being taken. */
export function DueText({ date, overdue, label = 'pr.overdue', hint = 'pr.overdueHint' }: { date: string | null; overdue: boolean; label?: MessageKey; hint?: MessageKey }) {
  const t = useT();
  if (!date) return <span className="xz-muted">—</span>;
  return (
    <span className="xz-nowrap">
      <span className="xz-num">{formatDate(date)}</span>
      {overdue && (
        <Tooltip title={t(hint)}>
          <Tag color="red" className="xz-tag-inline" tabIndex={0}>
            {t(label)}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

/** Yuan with thousands separators: ¥10,000 (fen shown only when there are any). */
export function formatYuan(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const whole = Number.isInteger(n);
  return `¥${n.toLocaleString('en-US', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })}`;
}

export const formatRate = (rate: number) => `${Math.round(rate * 10000) / 100}%`;
