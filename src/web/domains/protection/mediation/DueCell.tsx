import { Flex, Tag, Typography } from 'antd';
import { formatDate } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { DueText } from '../labels';
import type { CaseListItem } from './api';

/** The deadline of the case's current stage (分派 or 调解), red when passed, amber when near; the close date once closed. */
export function DueCell({ c }: { c: Pick<CaseListItem, 'due' | 'closedAt' | 'status'> }) {
  const t = useT();
  if (c.status === 'closed') {
    return (
      <Typography.Text type="secondary" className="xz-small">
        {t('md.closedOn', { date: formatDate(c.closedAt) })}
      </Typography.Text>
    );
  }
  if (!c.due.stage) return <span className="xz-muted">—</span>;
  return (
    <Flex vertical gap={0} align="flex-start">
      <Typography.Text type="secondary" className="xz-small">
        {t(c.due.stage === 'assign' ? 'md.stage.assign' : 'md.stage.mediation')}
      </Typography.Text>
      <span className="xz-nowrap">
        <DueText date={c.due.date} overdue={c.due.overdue} hint="md.overdueHint" />
        {c.due.soon && (
          <Tag color="orange" className="xz-tag-inline">
            {t('md.soon')}
          </Tag>
        )}
      </span>
    </Flex>
  );
}
