import { CloudDownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CreditCategory, CreditKind, CreditStatus } from '../../../../shared/protection/credit';
import { CITY_CODE } from '../../../../shared/validators/region';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession, useUser } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { serverPagination } from '../../../app/ui/pagination';
import { SearchInput } from '../../../app/ui/SearchInput';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { DemoTag } from '../../registry/common/labels';
import { areaText } from '../keylist/labels';
import { creditApi, type CreditQuery, type RecordView } from './api';
import { CreditFormDrawer } from './CreditFormDrawer';
import { CreditExportModal, CreditRulesModal } from './CreditModals';
import { CREDIT_CATEGORIES, CREDIT_KINDS, CREDIT_STATUSES, CreditKindTag, CreditStatusTag, categoriesOf, categoryName, creditKindName, creditStatusName, severityName } from './labels';
import { PublicationPeriod } from './parts';

const KEYS = ['kind', 'category', 'status', 'area', 'q', 'flag'] as const;
const FLAGS = ['ending', 'overdue', 'repair'] as const;
const oneOf = <T extends string>(all: readonly T[], v: string | undefined): T | undefined => (all as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** 知识产权信用: the 守信 and 失信 records of one's area (the city office: all), the steps due, export for the credit platform. */
export default function CreditListPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { can } = useSession();
  const navigate = useNavigate();
  const cityWide = user.areaScope === CITY_CODE;
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const kind = oneOf(CREDIT_KINDS, filters.kind);
  const query: CreditQuery = {
    page,
    pageSize,
    kind,
    category: oneOf(CREDIT_CATEGORIES, filters.category),
    status: oneOf(CREDIT_STATUSES, filters.status),
    area: filters.area,
    q: filters.q,
    flag: oneOf(FLAGS, filters.flag),
  };
  const list = useQuery({ queryKey: ['credit-records', query], queryFn: ({ signal }) => creditApi.list(query, signal), placeholderData: (prev) => prev });
  const active = KEYS.filter((k) => filters[k]).length;
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<'export' | 'rules' | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.credit')}
        subtitle={cityWide ? t('cr.subtitleCity') : t('cr.subtitleArea', { area: user.areaName })}
        extra={
          <Flex gap={8} wrap="wrap">
            {can('credit.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('cr.create')}
              </Button>
            )}
            {can('credit.export') && (
              <Button icon={<CloudDownloadOutlined />} onClick={() => setDialog('export')}>
                {t('cr.export')}
              </Button>
            )}
            {can('protection.settings') && (
              <Button icon={<SettingOutlined />} onClick={() => setDialog('rules')}>
                {t('cr.rules')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card size="small">
        <FilterBar active={active} onReset={clear}>
          <Form.Item label={t('common.search')}>
            <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('cr.searchPlaceholder')} onSearch={(q) => setFilters({ q })} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label={t('cr.kind')}>
            <Select
              allowClear
              style={{ width: 110 }}
              value={kind}
              placeholder={t('common.all')}
              onChange={(v?: CreditKind) => setFilters({ kind: v, category: v && query.category && !categoriesOf(v).includes(query.category) ? undefined : query.category })}
              options={CREDIT_KINDS.map((k) => ({ value: k, label: creditKindName(t, k) }))}
            />
          </Form.Item>
          <Form.Item label={t('cr.category')}>
            <Select<CreditCategory>
              allowClear
              style={{ width: 200 }}
              value={query.category}
              placeholder={t('common.all')}
              onChange={(v) => setFilters({ category: v })}
              options={(kind ? categoriesOf(kind) : CREDIT_CATEGORIES).map((c) => ({ value: c, label: categoryName(t, c) }))}
            />
          </Form.Item>
          <Form.Item label={t('common.status')}>
            <Select<CreditStatus>
              allowClear
              style={{ width: 130 }}
              value={query.status}
              placeholder={t('common.all')}
              onChange={(v) => setFilters({ status: v })}
              options={CREDIT_STATUSES.map((s) => ({ value: s, label: creditStatusName(t, s) }))}
            />
          </Form.Item>
          {cityWide && (
            <Form.Item label={t('kl.area')}>
              <AreaSelect allowClear style={{ width: 170 }} value={filters.area} placeholder={t('common.all')} onChange={(area) => setFilters({ area: area ?? undefined })} filter={(a) => a.kind !== 'city'} />
            </Form.Item>
          )}
          <Form.Item label={t('cr.flag')}>
            <Select
              allowClear
              style={{ width: 150 }}
              value={query.flag}
              placeholder={t('common.all')}
              onChange={(v?: string) => setFilters({ flag: v })}
              options={FLAGS.map((f) => ({ value: f, label: t(`cr.flag.${f}`) }))}
            />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<RecordView>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            scroll={{ x: 1160 }}
            rowClassName={(r) => (r.endOverdue || r.status === 'repairing' ? 'xz-row-overdue' : '')}
            locale={{ emptyText: <EmptyState description={active > 0 ? t('cr.emptyFiltered') : t('cr.empty')} /> }}
            columns={[
              {
                title: t('cr.subject'),
                key: 'subject',
                fixed: 'left',
                width: 280,
                render: (_v, r) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Link to={`/protection/credit/${r.id}`} className="xz-break">
                      {r.subjectName}
                    </Link>
                    <Typography.Text type="secondary" className="xz-small xz-mono">
                      {r.subjectUscc}
                    </Typography.Text>
                    {r.isDemo && <DemoTag inList />}
                  </Flex>
                ),
              },
              {
                title: t('cr.kindCategory'),
                key: 'kind',
                width: 190,
                render: (_v, r) => (
                  <Flex vertical gap={4} align="flex-start">
                    <Flex gap={4} wrap="wrap">
                      <CreditKindTag kind={r.kind} />
                      {r.severity === 'serious' && <Tag color="volcano">{severityName(t, r.severity)}</Tag>}
                    </Flex>
                    <span className="xz-small">{categoryName(t, r.category)}</span>
                  </Flex>
                ),
              },
              {
                title: t('common.status'),
                key: 'status',
                width: 130,
                render: (_v, r) => (
                  <Flex vertical gap={4} align="flex-start">
                    <CreditStatusTag status={r.status} />
                    {r.status === 'repairing' && r.actions.includes('repair-approve') && (
                      <Tag color="processing" bordered={false} className="xz-small">
                        {t('cr.todo.repair')}
                      </Tag>
                    )}
                    {r.status === 'draft' && r.actions.includes('publish') && (
                      <Tag color="processing" bordered={false} className="xz-small">
                        {t('cr.todo.publish')}
                      </Tag>
                    )}
                  </Flex>
                ),
              },
              { title: t('kl.area'), key: 'area', width: 100, render: (_v, r) => areaText(lang, r.areaCode, r.areaName) },
              {
                title: t('cr.decisionNo'),
                key: 'decision',
                width: 200,
                render: (_v, r) => (
                  <Flex vertical gap={2}>
                    <span className="xz-break">{r.decisionNo}</span>
                    <Typography.Text type="secondary" className="xz-small">
                      {r.decisionOrg}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('cr.period'), key: 'period', width: 220, render: (_v, r) => <PublicationPeriod record={r} /> },
              {
                title: t('cr.ref'),
                key: 'ref',
                width: 120,
                render: (_v, r) => (
                  <Tooltip title={t('cr.createdAt', { date: formatDate(r.createdAt), by: r.createdBy })}>
                    <span className="xz-mono xz-small" tabIndex={0}>
                      {r.ref}
                    </span>
                  </Tooltip>
                ),
              },
            ]}
          />
        )}
      </Card>
      <CreditFormDrawer open={creating} record={null} onClose={() => setCreating(false)} onSaved={(r) => navigate(`/protection/credit/${r.id}`)} />
      {dialog === 'export' && <CreditExportModal onClose={() => setDialog(null)} />}
      {dialog === 'rules' && <CreditRulesModal onClose={() => setDialog(null)} />}
    </>
  );
}
