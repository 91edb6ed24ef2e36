import { Button, Descriptions, Flex, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n, type Translate } from '../../../app/i18n';
import type { ReportDetail } from '../api';
import { formatYuan, RewardStatusTag } from '../labels';
import type { DialogAction } from './ActionModal';

const REWARD_STEPS: DialogAction[] = ['propose', 'approve', 'refuse', 'pay'];

/** What happens next with the reward, in a sentence. */
function hintOf(report: ReportDetail, t: Translate): string | null {
  switch (report.reward.status) {
    case 'none':
      if (report.status !== 'concluded') return t('prd.rewardHintNone');
      return report.violation ? t('prd.rewardHintPropose') : t('prd.rewardHintNotApplicable');
    case 'approved':
      return t('prd.rewardHintApproved');
    case 'claimed':
      return t('prd.rewardHintClaimed');
    default:
      return null;
  }
}

/** The reward of a report: where it stands, who proposed and approved it, the claim, the payment. */
export function RewardPanel({ report, onAction }: { report: ReportDetail; onAction: (a: DialogAction) => void }) {
  const { t } = useI18n();
  const r = report.reward;
  const steps = REWARD_STEPS.filter((a) => report.actions.includes(a));
  const items = [
    { key: 'status', label: t('common.status'), children: <RewardStatusTag status={r.status} /> },
    ...(r.level !== null ? [{ key: 'level', label: t('pr.rewardLevel'), children: t('pr.levelN', { n: r.level }) }] : []),
    ...(r.amount !== null ? [{ key: 'amount', label: t('pr.rewardAmount'), children: <strong className="xz-num">{formatYuan(r.amount)}</strong> }] : []),
    ...(r.proposedBy ? [{ key: 'proposed', label: t('prd.proposedBy'), children: r.proposedBy }] : []),
    ...(r.approvedBy ? [{ key: 'approved', label: t('prd.approvedBy'), children: r.approvedBy }] : []),
    ...(r.note ? [{ key: 'note', label: r.status === 'refused' ? t('prd.refuseReason') : t('prd.proposeNote'), children: r.note }] : []),
    ...(r.claimDue ? [{ key: 'due', label: t('pub.claimDue'), children: formatDate(r.claimDue) }] : []),
    ...(r.claimant
      ? [
          {
            key: 'claimant',
            label: t('prd.claimant'),
            children: (
              <Flex vertical gap={0} className="xz-small">
                <span>{r.claimant.name}</span>
                <span className="xz-num">{r.claimant.idNumber}</span>
                <span className="xz-num">{r.claimant.phone}</span>
                <span className="xz-num">{r.claimant.account}</span>
              </Flex>
            ),
          },
        ]
      : []),
    ...(r.claimedAt ? [{ key: 'claimedAt', label: t('pub.claimedAt'), children: formatDateTime(r.claimedAt) }] : []),
    ...(r.paidAt ? [{ key: 'paidAt', label: t('pub.paidAt'), children: formatDateTime(r.paidAt) }] : []),
    ...(r.paidRef ? [{ key: 'paidRef', label: t('prd.paidRef'), children: <span className="xz-mono">{r.paidRef}</span> }] : []),
  ];
  const hint = hintOf(report, t);
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={1} items={items} />
      {hint && (
        <Typography.Text type="secondary" className="xz-small">
          {hint}
        </Typography.Text>
      )}
      {steps.length > 0 && (
        <Flex gap={8} wrap="wrap">
          {steps.map((a) => (
            <Button key={a} type={a === 'refuse' ? 'default' : 'primary'} danger={a === 'refuse'} onClick={() => onAction(a)}>
              {t(`prd.action.${a}`)}
            </Button>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
