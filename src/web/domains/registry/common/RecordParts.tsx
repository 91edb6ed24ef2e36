import { Card, Empty, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { HolderLink } from '../../../app/api-types';
import { formatDate } from '../../../app/format';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useAreaName } from './areas';
import { AreaSourceTag, holderKindName } from './labels';

export const holderPath = (id: number) => `/registry/holders/${id}`;

/** The holders of a right in their order (the first is the main applicant), each linking to its page. */
export function HolderList({ holders }: { holders: readonly HolderLink[] }) {
  const { t } = useI18n();
  const areaName = useAreaName();
  if (holders.length === 0) return <Typography.Text type="secondary">{t('reg.noHolders')}</Typography.Text>;
  return (
    <ol className="xz-holder-list">
      {holders.map((h) => (
        <li key={h.id}>
          <Link to={holderPath(h.id)}>{h.name}</Link>
          <div className="xz-holder-meta">
            <span>{holderKindName(t, h.kind)}</span>
            <span>{areaName(h.areaCode, h.areaName)}</span>
            <AreaSourceTag source={h.areaSource} />
          </div>
        </li>
      ))}
    </ol>
  );
}

interface HistoryEvent {
  status: string;
  eventDate: string | null;
  recordedAt: string;
}

/** Status changes as the register recorded them, oldest first; the newest is marked as current. */
export function StatusHistory({ events, name }: { events: readonly HistoryEvent[]; name: (status: string) => string }) {
  const { t } = useI18n();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reg.noHistory')} />;
  return (
    <Timeline
      items={events.map((e, i) => {
        const last = i === events.length - 1;
        return {
          key: `${e.recordedAt}-${i}`,
          color: last ? 'blue' : 'gray',
          content: (
            <div>
              <div className="xz-num xz-muted">{formatDate(e.eventDate ?? e.recordedAt)}</div>
              <strong>{name(e.status)}</strong>
              {last && <span className="xz-muted">{t('reg.currentMark')}</span>}
              {!e.eventDate && <div className="xz-footnote">{t('reg.recordedOn', { date: formatDate(e.recordedAt) })}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

/** 相关预警 / 相关案件: said plainly that they come with those modules, never filled with made-up data. */
export function ModulePlaceholder({ title, hint }: { title: MessageKey; hint: MessageKey }) {
  const { t } = useI18n();
  return (
    <Card title={t(title)} className="xz-card">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(hint)} />
    </Card>
  );
}
