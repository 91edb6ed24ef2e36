import { BellOutlined, CheckOutlined, SyncOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, List, Pagination, Segmented, Switch, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useReportError } from '../../app/errors';
import { formatDate, formatDateTime } from '../../app/format';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useSession } from '../../app/session';
import { LinkButton } from '../../app/ui/LinkButton';
import { PageHeader } from '../../app/ui/PageHeader';
import { serverPagination } from '../../app/ui/pagination';
import { EmptyState, LoadError } from '../../app/ui/States';
import { useListParams } from '../../app/useListParams';
import { legalStatusName } from '../registry/common/labels';
import { alertsApi, type AlertView } from './api';

const KINDS = ['fee_due', 'fee_grace', 'expiry', 'status_change', 'new_filing', 'tm_renewal', 'tm_grace', 'similar_mark'] as const;
const COLOR: Record<string, string> = { fee_due: 'orange', fee_grace: 'red', expiry: 'volcano', status_change: 'purple', new_filing: 'blue', tm_renewal: 'gold', tm_grace: 'red', similar_mark: 'magenta' };

/** My alerts: unread first, by kind, each linking to its record. */
export default function AlertsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const queryClient = useQueryClient();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(['kind', 'unread'] as const);
  const q = { page, pageSize, ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.unread ? { unread: '1' } : {}) };
  const result = useQuery({ queryKey: ['alerts', q], queryFn: ({ signal }) => alertsApi.list(q, signal), placeholderData: keepPreviousData });
  const data = result.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['alerts'] });
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await refresh();
    } catch (e) {
      report(e);
    }
  };
  const countOf = (kind: string) => data?.counts.find((c) => c.kind === kind)?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('al.title')}
        subtitle={t('al.subtitle')}
        extra={
          <Flex gap={8} wrap="wrap">
            <LinkButton to="/insight/watches">{t('nav.watches')}</LinkButton>
            {can('alerts.scan') && (
              <Button
                icon={<SyncOutlined />}
                onClick={() =>
                  act(async () => {
                    await alertsApi.scan();
                    message.info(t('al.scanStarted'));
                    setTimeout(() => void refresh(), 3000);
                  })
                }
              >
                {t('al.scanNow')}
              </Button>
            )}
            <Button icon={<CheckOutlined />} disabled={!data?.unread} onClick={() => act(() => alertsApi.markRead())}>
              {t('al.markAllRead')}
            </Button>
          </Flex>
        }
      />
      <Card size="small" className="xz-alert-filters">
        <Flex gap={16} align="center" wrap="wrap">
          <Segmented
            value={filters.kind ?? ''}
            onChange={(v) => setFilters({ kind: String(v) || null })}
            options={[
              { value: '', label: <Badge count={data?.unread ?? 0} size="small" offset={[8, -2]}>{t('al.all')}</Badge> },
              ...KINDS.map((k) => ({ value: k, label: <Badge count={countOf(k)} size="small" offset={[8, -2]}>{t(`al.kind.${k}` as MessageKey)}</Badge> })),
            ]}
          />
          <label className="xz-inline-switch">
            <Switch size="small" checked={!!filters.unread} onChange={(on) => setFilters({ unread: on ? '1' : null })} /> {t('al.unreadOnly')}
          </label>
        </Flex>
      </Card>
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <Card loading={!data} className="xz-alerts">
          {data && data.items.length === 0 ? (
            <EmptyState description={t('al.empty')} />
          ) : (
            <>
              <List
                dataSource={data?.items ?? []}
                renderItem={(a) => <AlertItem a={a} onRead={() => act(() => alertsApi.markRead([a.id]))} />}
              />
              {data && (
                <Pagination
                  {...serverPagination(t, page, pageSize, data.total, setPage)}
                  align="end"
                  className="xz-hits-pagination"
                />
              )}
            </>
          )}
        </Card>
      )}
    </>
  );
}

function AlertItem({ a, onRead }: { a: AlertView; onRead: () => void }) {
  const { t } = useI18n();
  const d = a.detail as Record<string, string | number | null | undefined>;
  const text = (() => {
    switch (a.kind) {
      case 'fee_due':
        return t('al.text.fee_due', { year: d.feeYear ?? '', date: formatDate(String(d.dueDate ?? '')), days: d.daysLeft ?? '' });
      case 'fee_grace':
        return t('al.text.fee_grace', { year: d.feeYear ?? '', due: formatDate(String(d.dueDate ?? '')), date: formatDate(String(d.graceEnd ?? '')) });
      case 'expiry':
        return t('al.text.expiry', { date: formatDate(String(d.termEnd ?? '')), days: d.daysLeft ?? '' });
      case 'status_change':
        return t('al.text.status_change', { status: `${legalStatusName(t, String(d.status ?? ''))}${d.statusRaw ? `（${d.statusRaw}）` : ''}` });
      case 'new_filing':
        return t('al.text.new_filing');
      case 'tm_renewal':
        return t('al.text.tm_renewal', { term: formatDate(String(d.termEnd ?? '')) });
      case 'tm_grace':
        return t('al.text.tm_grace', { term: formatDate(String(d.termEnd ?? '')), date: formatDate(String(d.graceEnd ?? '')) });
      case 'similar_mark': {
        const like = (a.detail.similarTo ?? {}) as { regNo?: string; name?: string };
        return t('al.text.similar_mark', { class: d.class ?? '', mark: like.name ?? '', regNo: like.regNo ?? '', reason: t(`al.reason.${String(d.reason ?? 'near')}` as MessageKey) });
      }
    }
  })();
  const what = a.rightType === 'patent' ? `${d.appNo ?? ''} ${d.title ?? ''}` : `${d.regNo ?? ''} 第${d.class ?? ''}类 ${d.name ?? ''}`;
  return (
    <List.Item
      className={a.readAt ? 'xz-alert xz-alert-read' : 'xz-alert'}
      actions={a.readAt ? [] : [<Button key="read" size="small" type="link" onClick={onRead}>{t('al.markRead')}</Button>]}
    >
      <List.Item.Meta
        avatar={a.readAt ? <BellOutlined className="xz-alert-icon-read" /> : <Badge dot><BellOutlined /></Badge>}
        title={
          <Flex gap={8} wrap="wrap" align="center">
            <Tag color={COLOR[a.kind]}>{t(`al.kind.${a.kind}` as MessageKey)}</Tag>
            <Link to={a.link}>{what}</Link>
          </Flex>
        }
        description={
          <>
            <div>{text}</div>
            <Typography.Text type="secondary" className="xz-alert-meta">
              {a.watch ? t('al.via', { label: a.watch.label }) : t('al.own')} · {t('al.raised')} {formatDateTime(a.createdAt)}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}
