import { Tag } from 'antd';
import type { CircularKind, InterviewStatus, NoticeStatus, RectificationSource, RectificationStatus } from '../../../../shared/workplan/supervision';
import { useI18n, type Translate } from '../../../app/i18n';

const NOTICE_COLOR: Record<NoticeStatus, string> = { issued: 'processing', replied: 'purple', returned: 'orange', accepted: 'success' };
const RECT_COLOR: Record<RectificationStatus, string> = { open: 'processing', submitted: 'purple', returned: 'orange', closed: 'success' };

export const noticeStatusName = (t: Translate, s: string) => t(`sup.noticeStatus.${s as NoticeStatus}`);
export const rectStatusName = (t: Translate, s: string) => t(`sup.rectStatus.${s as RectificationStatus}`);
export const interviewStatusName = (t: Translate, s: string) => t(`sup.interviewStatus.${s as InterviewStatus}`);
export const sourceName = (t: Translate, s: RectificationSource) => t(`sup.source.${s}`);

export function NoticeStatusTag({ status, overdue }: { status: NoticeStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={NOTICE_COLOR[status]}>{noticeStatusName(t, status)}</Tag>
      {overdue && <Tag color="error">{t('sup.overdue')}</Tag>}
    </>
  );
}

export function RectStatusTag({ status, overdue }: { status: RectificationStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={RECT_COLOR[status]}>{rectStatusName(t, status)}</Tag>
      {overdue && <Tag color="error">{t('sup.overdue')}</Tag>}
    </>
  );
}

export function InterviewStatusTag({ status, overdue }: { status: InterviewStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={status === 'open' ? 'processing' : 'success'}>{interviewStatusName(t, status)}</Tag>
      {overdue && <Tag color="error">{t('sup.followUpOverdue')}</Tag>}
    </>
  );
}

export function CircularKindTag({ kind }: { kind: CircularKind }) {
  const { t } = useI18n();
  return <Tag color={kind === 'praise' ? 'green' : 'red'}>{t(`sup.circularKind.${kind}`)}</Tag>;
}
