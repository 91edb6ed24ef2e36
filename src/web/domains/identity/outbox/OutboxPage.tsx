import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { OutboxMail } from '../../../app/api-types';
import { outboxApi } from '../../../app/endpoints';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';

function MailStatus({ mail }: { mail: OutboxMail }) {
  const t = useT();
  if (mail.error) return <Tag color="red">{t('outbox.failed')}</Tag>;
  if (mail.sentAt) return <Tag color="green">{t('outbox.sent')}</Tag>;
  return <Tag color="gold">{t('outbox.held')}</Tag>;
}

/** Mail the platform sent, or holds for an administrator to pass on when no SMTP server is set. */
export default function OutboxPage() {
  const t = useT();
  const { page, pageSize, setPage } = useListParams([] as const);
  const list = useQuery({ queryKey: ['outbox', page, pageSize], queryFn: () => outboxApi.list({ page, pageSize }), placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader title={t('nav.outbox')} subtitle={t('outbox.subtitle')} />
      {list.data && !list.data.smtp && <Alert type="info" showIcon title={t('outbox.noSmtp')} style={{ marginBottom: 16 }} />}
      <Card>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<OutboxMail>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 860 }}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            locale={{ emptyText: <EmptyState description={t('outbox.empty')} /> }}
            expandable={{
              expandedRowRender: (m) => (
                <div>
                  {m.error && <Alert type="error" showIcon title={m.error} style={{ marginBottom: 8 }} />}
                  <Typography.Paragraph copyable={{ text: m.body }} style={{ marginBottom: 0 }}>
                    <pre className="xz-secret" style={{ fontSize: 13 }}>{m.body}</pre>
                  </Typography.Paragraph>
                </div>
              ),
            }}
            columns={[
              { title: t('outbox.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
              { title: t('outbox.to'), dataIndex: 'to', width: 220, render: (v: string) => <span className="xz-mono">{v}</span> },
              { title: t('outbox.subject'), dataIndex: 'subject' },
              { title: t('common.status'), key: 'status', width: 100, render: (_: unknown, m) => <MailStatus mail={m} /> },
              { title: t('outbox.sentAt'), dataIndex: 'sentAt', width: 150, render: (v: string | null) => <span className="xz-num">{formatDateTime(v)}</span> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
