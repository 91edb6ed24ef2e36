import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Form, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { CITY_CODE } from '../../../../shared/validators/region';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { SearchInput } from '../../../app/ui/SearchInput';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { DemoTag } from '../../registry/common/labels';
import { reportsApi, type ReportListItem, type ReportQuery } from '../api';
import { DueText, REPORT_STATUSES, REWARD_STATUSES, ReportStatusTag, RewardStatusTag, reportStatusName, rewardStatusName, rightKindName } from '../labels';
import { ReportStats } from './ReportStats';

const KEYS = ['status', 'area', 'q', 'overdue', 'reward'] as const;

/** 举报线索: the reports of one's area (the city office: all), overdue first, with the counts above. */
export default function ReportListPage() {
  const { t } = useI18n();
  const user = useUser();
  const cityWide = user.areaScope === CITY_CODE;
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const query: ReportQuery = {
    page,
    pageSize,
    status: (REPORT_STATUSES as readonly string[]).includes(filters.status ?? '') ? (filters.status as ReportQuery['status']) : undefined,
    area: filters.area,
    q: filters.q,
    overdue: filters.overdue === '1' ? '1' : undefined,
    reward: (REWARD_STATUSES as readonly string[]).includes(filters.reward ?? '') ? (filters.reward as ReportQuery['reward']) : undefined,
  };
  const list = useQuery({ queryKey: ['protection-reports', query], queryFn: ({ signal }) => reportsApi.list(query, signal), placeholderData: (prev) => prev });
  const stats = useQuery({ queryKey: ['protection-report-stats'], queryFn: ({ signal }) => reportsApi.stats(signal) });
  const active = KEYS.filter((k) => filters[k]).length;

  return (
    <>
      <PageHeader title={t('nav.reportList')} subtitle={cityWide ? t('prl.subtitleCity') : t('prl.subtitleArea', { area: user.areaName })} />
      {stats.isError ? <LoadError error={stats.error} onRetry={() => stats.refetch()} /> : <ReportStats stats={stats.data} onArea={(area) => setFilters({ area })} />}
      <Card size="small" className="xz-pr-list">
        <FilterBar active={active} onReset={clear}>
          <Form.Item label={t('common.search')}>
            <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('prl.searchPlaceholder')} onSearch={(q) => setFilters({ q })} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('common.status')}>
            <Select
              allowClear
              style={{ width: 130 }}
              value={query.status}
              placeholder={t('common.all')}
              onChange={(v) => setFilters({ status: v })}
              options={REPORT_STATUSES.map((s) => ({ value: s, label: reportStatusName(t, s) }))}
            />
          </Form.Item>
          {cityWide && (
            <Form.Item label={t('prl.area')}>
              <AreaSelectWithNone value={filters.area} onChange={(area) => setFilters({ area })} />
            </Form.Item>
          )}
          <Form.Item label={t('prl.reward')}>
            <Select
              allowClear
              style={{ width: 150 }}
              value={query.reward}
              placeholder={t('common.all')}
              onChange={(v) => setFilters({ reward: v })}
              options={REWARD_STATUSES.filter((s) => s !== 'none').map((s) => ({ value: s, label: rewardStatusName(t, s) }))}
            />
          </Form.Item>
          <Form.Item label={t('prl.overdueOnly')}>
            <Switch checked={filters.overdue === '1'} onChange={(on) => setFilters({ overdue: on ? '1' : undefined })} aria-label={t('prl.overdueOnly')} />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<ReportListItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            scroll={{ x: 1100 }}
            rowClassName={(r) => (r.due.overdue ? 'xz-row-overdue' : '')}
            locale={{ emptyText: <EmptyState description={active > 0 ? t('prl.emptyFiltered') : t('prl.empty')} /> }}
            columns={[
              {
                title: t('pr.ref'),
                dataIndex: 'ref',
                width: 124,
                fixed: 'left',
                render: (ref: string, r) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Link to={`/protection/reports/${r.id}`} className="xz-mono">
                      {ref}
                    </Link>
                    {r.isDemo && <DemoTag inList />}
                  </Flex>
                ),
              },
              { title: t('common.status'), dataIndex: 'status', width: 92, render: (s: ReportListItem['status']) => <ReportStatusTag status={s} /> },
              {
                title: t('pr.subject'),
                key: 'subject',
                render: (_v, r) => (
                  <Flex vertical gap={2}>
                    <span>
                      <Tag>{rightKindName(t, r.rightKind)}</Tag>
                      {r.subject}
                    </span>
                    {r.infringer && (
                      <Typography.Text type="secondary" className="xz-small">
                        {t('pr.infringer')}：{r.infringer}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
              {
                title: t('prl.area'),
                key: 'area',
                width: 104,
                render: (_v, r) =>
                  r.areaName ?? (
                    <Tooltip title={r.address}>
                      <Tag color="orange" tabIndex={0}>
                        {t('prl.areaNone')}
                      </Tag>
                    </Tooltip>
                  ),
              },
              {
                title: t('pr.reporter'),
                key: 'reporter',
                width: 112,
                render: (_v, r) =>
                  r.anonymous ? (
                    <Typography.Text type="secondary">{t('pr.anonymous')}</Typography.Text>
                  ) : (
                    <Flex vertical gap={0}>
                      <span>{r.reporterName ?? '—'}</span>
                      <span className="xz-small xz-muted xz-num">{r.reporterPhone ?? ''}</span>
                    </Flex>
                  ),
              },
              { title: t('pr.receivedAt'), dataIndex: 'receivedAt', width: 108, render: (v: string) => <Tooltip title={formatDateTime(v)}><span className="xz-num">{formatDate(v)}</span></Tooltip> },
              { title: t('pr.due'), key: 'due', width: 156, render: (_v, r) => <DueText date={r.due.date} overdue={r.due.overdue} /> },
              { title: t('pr.handler'), dataIndex: 'handler', width: 84, render: (v: string | null) => v ?? '—' },
              { title: t('prl.reward'), dataIndex: 'rewardStatus', width: 124, render: (s: ReportListItem['rewardStatus']) => <RewardStatusTag status={s} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function AreaSelectWithNone({ value, onChange }: { value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useI18n();
  if (value === 'none') {
    return (
      <Tag closable onClose={() => onChange(undefined)} color="orange" style={{ lineHeight: '30px' }}>
        {t('prl.areaNone')}
      </Tag>
    );
  }
  return (
    <Flex gap={8} align="center">
      <AreaSelect allowClear style={{ width: 170 }} value={value} placeholder={t('common.all')} onChange={(v) => onChange(v ?? undefined)} filter={(a) => a.kind !== 'city'} />
      <Typography.Link onClick={() => onChange('none')} className="xz-nowrap">
        {t('prl.areaNone')}
      </Typography.Link>
    </Flex>
  );
}
