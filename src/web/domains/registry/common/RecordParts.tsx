import { Card, Col, Descriptions, Empty, Skeleton, Space, Timeline, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isNotFound } from '../../../app/api';
import type { HolderLink } from '../../../app/api-types';
import { formatDate } from '../../../app/format';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useCompact } from '../../../app/ui/responsive';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { useAreaName } from './areas';
import { AreaSourceTag, DemoTag, holderKindName } from './labels';

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

/**
 * A record page before its record is there: not found (the API said 404, or the address cannot name
 * a record), a failed load with a retry, or a skeleton while it loads.
 */
export function RecordPending({ query, valid = true, backTo, backLabel }: { query: { isError: boolean; error: unknown; refetch: () => unknown }; valid?: boolean; backTo: string; backLabel: string }) {
  if (!valid || (query.isError && isNotFound(query.error))) return <RecordNotFound backTo={backTo} backLabel={backLabel} />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return <Skeleton active />;
}

/** A record page's header: its name, the way back to its list, its tags (and the demo tag on made-up records). */
export function RecordHeader({ title, docTitle, back, tags, isDemo, extra }: { title: string; docTitle?: string; back: string; tags: ReactNode; isDemo: boolean; extra?: ReactNode }) {
  return (
    <PageHeader
      title={title}
      docTitle={docTitle}
      back={back}
      tags={
        <Space size={[0, 4]} wrap>
          {tags}
          {isDemo && <DemoTag />}
        </Space>
      }
      extra={extra}
    />
  );
}

/** The side column of a patent or trademark page: its holders, its status history, its deadlines, the modules still to come. */
export function RecordSide({ holdersTitle, holders, history, statusName, deadlines }: { holdersTitle: string; holders: readonly HolderLink[]; history: readonly HistoryEvent[]; statusName: (status: string) => string; deadlines?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Col xs={24} xl={8}>
      <Card title={holdersTitle} className="xz-card">
        <HolderList holders={holders} />
      </Card>
      <Card title={t('reg.history')} className="xz-card">
        <StatusHistory events={history} name={statusName} />
      </Card>
      {deadlines}
      <ModulePlaceholder title="reg.relatedCases" hint="reg.relatedCasesHint" />
    </Col>
  );
}

/** The facts of a patent or trademark: two columns (one on phones), names on one line where there is room. */
export function RecordFacts({ items }: { items: DescriptionsProps['items'] }) {
  const compact = useCompact();
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} styles={{ label: compact ? undefined : { whiteSpace: 'nowrap' } }} items={items} />;
}
