import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Segmented, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { useCompact } from '../../../app/ui/responsive';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { AnswerModal, type Answer } from './AnswerModal';
import { casesApi, INCOMING_KEY, type CaseListItem, type TransferView } from './api';
import { areaText, casePath, partiesText, TransferTag } from './labels';

type Show = 'waiting' | 'all';

/**
 * 移送接收: administrative cases that IP offices transferred to the caller's organisation (the police),
 * waiting ones first; each is received with the receipt number (受案回执) or refused with a reason.
 */
export default function TransfersPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const compact = useCompact();
  const incoming = useQuery({ queryKey: INCOMING_KEY, queryFn: ({ signal }) => casesApi.incoming(signal) });
  // The transferred cases' county and parties (the transfer itself names the unit and cause).
  const cases = useQuery({
    queryKey: ['cases', 'list', 'transferred'],
    queryFn: ({ signal }) => casesApi.list({ page: 1, pageSize: 200, source: 'administrative' }, signal),
    enabled: (incoming.data?.items.length ?? 0) > 0,
  });
  const byId = useMemo(() => new Map<number, CaseListItem>((cases.data?.items ?? []).map((c) => [c.id, c])), [cases.data]);
  const [show, setShow] = useState<Show>('waiting');
  const [dialog, setDialog] = useState<{ answer: Answer; transfer: TransferView } | null>(null);

  const items = incoming.data?.items ?? [];
  const waiting = items.filter((x) => x.status === 'sent').length;
  const rows = show === 'waiting' ? items.filter((x) => x.status === 'sent') : items;

  return (
    <>
      <PageHeader title={t('nav.caseTransfers')} subtitle={t('cs.in.subtitle', { org: user.org.name })} />
      {incoming.isError ? (
        <LoadError error={incoming.error} onRetry={() => incoming.refetch()} />
      ) : (
        <Card size="small">
          <Flex gap={12} align="center" wrap="wrap" style={{ marginBottom: 12 }}>
            <Segmented<Show>
              value={show}
              onChange={setShow}
              aria-label={t('cs.in.show')}
              options={[
                { value: 'waiting', label: t('cs.in.waitingN', { n: waiting }) },
                { value: 'all', label: t('cs.in.allN', { n: items.length }) },
              ]}
            />
            {waiting > 0 && <Alert type="warning" showIcon title={t('cs.in.waitingNote', { n: waiting })} style={{ flex: 1, minWidth: 240 }} />}
          </Flex>
          <Table<TransferView>
            rowKey="id"
            size="middle"
            loading={incoming.isFetching}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={compact ? undefined : { x: 1100 }}
            rowClassName={(r) => (r.status === 'sent' ? 'xz-cs-waiting' : '')}
            locale={{ emptyText: <EmptyState description={show === 'waiting' ? t('cs.in.emptyWaiting') : t('cs.in.empty')} /> }}
            columns={[
              {
                title: t('cs.caseNo'),
                key: 'case',
                width: 260,
                render: (_v, r) => {
                  const c = byId.get(r.caseId);
                  return (
                    <Flex vertical gap={2} align="flex-start">
                      <Link to={casePath(r.caseId)} className="xz-mono xz-break">
                        {r.caseNo}
                      </Link>
                      <Typography.Text type="secondary" className="xz-small">
                        {r.fromUnit}
                        {c ? ` · ${areaText(lang, c.areaCode, c.areaName)}` : ''}
                      </Typography.Text>
                      {compact && <TransferTag status={r.status} />}
                    </Flex>
                  );
                },
              },
              {
                title: t('cs.cause'),
                key: 'cause',
                responsive: ['md'],
                render: (_v, r) => {
                  const c = byId.get(r.caseId);
                  return (
                    <Flex vertical gap={2}>
                      <span>{r.cause}</span>
                      {c && (
                        <Typography.Text type="secondary" className="xz-small">
                          {partiesText(lang, c.parties)}
                        </Typography.Text>
                      )}
                    </Flex>
                  );
                },
              },
              {
                title: t('cs.transfer.reason'),
                dataIndex: 'reason',
                responsive: ['lg'],
                render: (v: string) => (
                  <Tooltip title={<div className="xz-pre">{v}</div>}>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }} tabIndex={0}>
                      {v}
                    </Typography.Paragraph>
                  </Tooltip>
                ),
              },
              {
                title: t('cs.in.sent'),
                key: 'sent',
                width: 150,
                responsive: ['md'],
                render: (_v, r) => (
                  <Flex vertical gap={0}>
                    <span>{r.sentBy}</span>
                    <span className="xz-small xz-num xz-muted">{formatDateTime(r.sentAt)}</span>
                  </Flex>
                ),
              },
              { title: t('common.status'), dataIndex: 'status', width: 130, responsive: ['md'], render: (s: TransferView['status']) => <TransferTag status={s} /> },
              {
                title: t('cs.in.answer'),
                key: 'answer',
                width: 220,
                render: (_v, r) =>
                  r.canAnswer ? (
                    <Flex gap={8} wrap="wrap">
                      <Button type="primary" size="small" onClick={() => setDialog({ answer: 'receive', transfer: r })}>
                        {t('cs.answer.receive')}
                      </Button>
                      <Button danger size="small" onClick={() => setDialog({ answer: 'refuse', transfer: r })}>
                        {t('cs.answer.refuse')}
                      </Button>
                    </Flex>
                  ) : (
                    <Flex vertical gap={0}>
                      {r.status === 'received' && (
                        <span>
                          {t('cs.in.receipt')}
                          <span className="xz-mono">{r.receiptNo}</span>
                        </span>
                      )}
                      {r.status === 'received' && r.policeCase && (
                        <span className="xz-small">
                          {t('cs.in.policeCase')}
                          <Link to={casePath(r.policeCase.id)} className="xz-mono">
                            {r.policeCase.caseNo}
                          </Link>
                        </span>
                      )}
                      {r.status === 'refused' && <span className="xz-small xz-break">{r.receiptNote}</span>}
                      <span className="xz-small xz-muted">
                        {r.answeredBy} · <span className="xz-num">{formatDateTime(r.answeredAt)}</span>
                      </span>
                    </Flex>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {dialog && <AnswerModal answer={dialog.answer} transfer={dialog.transfer} onClose={() => setDialog(null)} />}
    </>
  );
}
