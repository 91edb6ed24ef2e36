import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditEntry, ChainReport } from '../../../app/api-types';
import { useReportError } from '../../../app/errors';
import { auditApi } from '../../../app/endpoints';
import { DATE_TIME, formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { actionName, auditResultName, codeLabel } from '../../../app/labels';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { SearchInput } from '../../../app/ui/SearchInput';
import { serverPagination } from '../../../app/ui/pagination';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { AuditDetails } from './AuditDetails';
import { AuditTarget } from './AuditTarget';

const FILTERS = ['from', 'to', 'actor', 'action', 'result', 'targetType', 'targetId'] as const;
const RESULT_COLOR: Record<AuditEntry['result'], string> = { ok: 'green', denied: 'volcano', failed: 'red' };

function ChainResult({ report }: { report: ChainReport }) {
  const t = useT();
  if (report.ok) return <Alert type="success" showIcon title={t('audit.chainOk', { n: report.checked.toLocaleString('en-US') })} />;
  const b = report.firstBroken;
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.chainBroken', { n: report.checked.toLocaleString('en-US') })}
      description={b ? t('audit.chainBrokenAt', { id: b.id, reason: t(`audit.reason.${b.reason}`), message: b.message }) : undefined}
    />
  );
}

export default function AuditPage() {
  const t = useT();
  const report = useReportError();
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(FILTERS);
  const [verifying, setVerifying] = useState(false);
  const [chain, setChain] = useState<ChainReport | null>(null);
  const list = useQuery({
    queryKey: ['audit', page, pageSize, filters],
    queryFn: () => auditApi.list({ page, pageSize, ...filters, result: filters.result as AuditEntry['result'] | undefined }),
    placeholderData: keepPreviousData,
  });
  const hasFilters = FILTERS.some((k) => filters[k]);

  const verify = async () => {
    setVerifying(true);
    try {
      setChain(await auditApi.verify());
      void list.refetch();
    } catch (e) {
      report(e);
    } finally {
      setVerifying(false);
    }
  };

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null;

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify}>
            {t('audit.verify')}
          </Button>
        }
      />
      {chain && (
        <div style={{ marginBottom: 16 }} role="status">
          <ChainResult report={chain} />
        </div>
      )}
      <Card>
        <FilterBar active={FILTERS.filter((k) => filters[k] && !(k === 'to' && filters.from)).length} onReset={clear}>
          <Form.Item label={t('audit.timeRange')} htmlFor="audit-range">
            <DatePicker.RangePicker
              id={{ start: 'audit-range' }}
              showTime={{ format: 'HH:mm' }}
              format={DATE_TIME}
              value={range}
              onChange={(v) => setFilters({ from: v?.[0]?.toISOString(), to: v?.[1]?.toISOString() })}
              presets={[
                { label: t('audit.last24h'), value: [dayjs().subtract(24, 'hour'), dayjs()] },
                { label: t('audit.last7d'), value: [dayjs().subtract(7, 'day'), dayjs()] },
                { label: t('audit.last30d'), value: [dayjs().subtract(30, 'day'), dayjs()] },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('audit.actor')} htmlFor="audit-actor">
            <SearchInput id="audit-actor" key={filters.actor ?? ''} defaultValue={filters.actor} allowClear placeholder={t('audit.actorPlaceholder')} onSearch={(v) => setFilters({ actor: v.trim() })} style={{ width: 180 }} aria-label={t('audit.actor')} />
          </Form.Item>
          <Form.Item label={t('audit.action')} htmlFor="audit-action">
            <Select
              id="audit-action"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.all')}
              value={filters.action}
              onChange={(v?: string) => setFilters({ action: v })}
              options={(list.data?.actions ?? []).map((a) => ({ value: a, label: `${actionName(t, a)} (${a})` }))}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item label={t('common.result')} htmlFor="audit-result">
            <Select
              id="audit-result"
              allowClear
              placeholder={t('common.all')}
              value={filters.result}
              onChange={(v?: string) => setFilters({ result: v })}
              options={(['ok', 'denied', 'failed'] as const).map((r) => ({ value: r, label: auditResultName(t, r) }))}
              style={{ width: 110 }}
            />
          </Form.Item>
          {(filters.targetType || filters.targetId) && (
            <Form.Item label={t('audit.target')}>
              <Tag closable onClose={() => setFilters({ targetType: undefined, targetId: undefined })}>
                {[filters.targetType, filters.targetId].filter(Boolean).join(': ')}
              </Tag>
            </Form.Item>
          )}
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            expandable={{ expandedRowRender: (e) => <AuditDetails entry={e} /> }}
            locale={{ emptyText: <EmptyState description={hasFilters ? t('audit.emptyFiltered') : t('audit.empty')} /> }}
            columns={[
              { title: '#', dataIndex: 'id', width: 70, render: (id: number) => <span className="xz-num">{id}</span> },
              { title: t('common.time'), dataIndex: 'at', width: 150, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
              {
                title: t('audit.actor'),
                key: 'actor',
                width: 160,
                render: (_: unknown, e) => (
                  <span>
                    {e.actorKind === 'user' || e.actorKind === 'token' ? <span className="xz-mono">{e.actorName ?? '—'}</span> : codeLabel(t, 'audit.actorKind', e.actorKind)}
                    {e.actorKind === 'token' && <span className="xz-muted"> · {codeLabel(t, 'audit.actorKind', e.actorKind)}</span>}
                  </span>
                ),
              },
              { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => <span className="xz-mono">{ip ?? '—'}</span> },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                width: 220,
                render: (a: string) => (
                  <span>
                    {actionName(t, a)}
                    <br />
                    <span className="xz-mono xz-muted" style={{ fontSize: 12 }}>{a}</span>
                  </span>
                ),
              },
              { title: t('audit.target'), key: 'target', render: (_: unknown, e) => <AuditTarget entry={e} /> },
              { title: t('common.result'), dataIndex: 'result', width: 80, render: (r: AuditEntry['result']) => <Tag color={RESULT_COLOR[r]}>{auditResultName(t, r)}</Tag> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
