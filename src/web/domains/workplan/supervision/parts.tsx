import { FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { ChainEntry } from '../../protection/api';
import { HistoryTimeline } from '../../protection/reports/HistoryTimeline';
import { supervisionApi, type RectificationItem } from './api';
import { RectStatusTag } from './labels';

/** The .docx of a notice, circular or interview record. */
export function DocxButton({ kind, id }: { kind: 'notices' | 'circulars' | 'interviews'; id: number }) {
  const { t } = useI18n();
  return (
    <Button icon={<FileWordOutlined />} href={supervisionApi.documentUrl(kind, id)} download>
      {t('sup.downloadDocx')}
    </Button>
  );
}

/** A record's hash-chained history, with the record's own status names. */
export function History({ entries, statusName, firstLabel }: { entries: ChainEntry[]; statusName: (s: string) => string; firstLabel: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('sup.history')}>
      <HistoryTimeline
        entries={entries}
        statusName={statusName}
        submittedLabel={firstLabel}
        extraLines={(e) => {
          const p = e.payload;
          const out: string[] = [];
          for (const k of ['reply', 'report', 'comment'] as const) if (typeof p[k] === 'string') out.push(`${t(`sup.hist.${k}`)}：${p[k] as string}`);
          if (typeof p.replyDue === 'string') out.push(`${t('sup.f.replyDue')}：${p.replyDue}`);
          if (typeof p.deadline === 'string') out.push(`${t('sup.f.deadline')}：${p.deadline}`);
          return out;
        }}
      />
    </Card>
  );
}

/** Rectification items that came of a notice, a circular or an interview. */
export function RelatedRectifications({ kind, id, extra }: { kind: 'notice' | 'circular' | 'interview'; id: number; extra?: React.ReactNode }) {
  const { t } = useI18n();
  const query = { sourceKind: kind, sourceId: id, pageSize: 100 };
  const q = useQuery({ queryKey: ['supervision', 'rectifications', query], queryFn: ({ signal }) => supervisionApi.rectifications(query, signal) });
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title={t('sup.relatedRect')} extra={extra}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('sup.noRect')}</Typography.Text>
      ) : (
        <Table<RectificationItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items}
          columns={[
            { title: t('sup.col.ref'), dataIndex: 'ref', width: 120, render: (ref: string, r) => <Link to={`/workplan/supervision/rectifications/${r.id}`}>{ref}</Link> },
            { title: t('common.status'), key: 's', width: 130, render: (_v, r) => <RectStatusTag status={r.status} overdue={r.overdue} /> },
            { title: t('sup.col.unit'), key: 'u', width: 180, render: (_v, r) => r.unit.name },
            { title: t('sup.f.rectDescription'), dataIndex: 'description' },
            { title: t('sup.f.deadline'), dataIndex: 'deadline', width: 106 },
          ]}
        />
      )}
    </Card>
  );
}

/** Multi-line text as written, never as HTML. */
export const Prose = ({ text }: { text: string }) => <span className="xz-pre">{text}</span>;
