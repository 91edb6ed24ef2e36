import { Flex, Tag, Tooltip, Typography } from 'antd';
import { formatDate } from '../../../app/format';
import { useT } from '../../../app/i18n';
import type { RecordView } from './api';

/** The publication period as one line, with a mark when it ends soon or has passed without ending. */
export function PublicationPeriod({ record: r }: { record: Pick<RecordView, 'startsOn' | 'endsOn' | 'endingSoon' | 'endOverdue' | 'status' | 'endedOn'> }) {
  const t = useT();
  return (
    <Flex vertical gap={2} align="flex-start">
      <span className="xz-num xz-nowrap">
        {formatDate(r.startsOn)} {t('cr.to')} {r.endsOn ? formatDate(r.endsOn) : t('cr.openEnded')}
      </span>
      {r.endingSoon && (
        <Tooltip title={t('cr.endingSoonHint')}>
          <Tag color="orange" className="xz-tag-inline" tabIndex={0}>
            {t('cr.flag.ending')}
          </Tag>
        </Tooltip>
      )}
      {r.endOverdue && (
        <Tooltip title={t('cr.endOverdueHint')}>
          <Tag color="red" className="xz-tag-inline" tabIndex={0}>
            {t('cr.flag.overdue')}
          </Tag>
        </Tooltip>
      )}
      {r.endedOn && (r.status === 'ended' || r.status === 'revoked') && (
        <Typography.Text type="secondary" className="xz-small xz-num">
          {t('cr.endedOnShort', { date: formatDate(r.endedOn) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
