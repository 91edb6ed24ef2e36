import { CloudUploadOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Select, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CITY_CODE } from '../../../../shared/validators/region';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession, useUser } from '../../../app/session';
import { FilterBar } from '../../../app/ui/FilterBar';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useCompact } from '../../../app/ui/responsive';
import { serverPagination } from '../../../app/ui/pagination';
import { SearchInput } from '../../../app/ui/SearchInput';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { AreaSelect } from '../../identity/orgs/AreaSelect';
import { DemoTag } from '../../registry/common/labels';
import { casesApi, type CaseListItem, type CaseQuery } from './api';
import { CaseFormModal } from './CaseFormModal';
import { CaseStats } from './CaseStats';
import { ImportModal } from './ImportModal';
import {
  areaText,
  CASE_PROCEDURES,
  CASE_RIGHT_TYPES,
  CASE_SOURCES,
  CASE_STAGES,
  caseLabel,
  caseOptions,
  casePath,
  isPoliceOrg,
  partiesText,
  SameNumberTag,
  SourceTag,
  StageTag,
  TransferTag,
} from './labels';

const KEYS = ['source', 'rightType', 'procedure', 'stage', 'area', 'q', 'duplicates', 'from', 'to'] as const;

const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined => (values as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
const isDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/**
 * 案件信息共享: the cases that the court, procuratorate, police and IP offices record, in one list;
 * a case number recorded by more than one of them is marked, and administrative cases show whether
 * they were transferred to the police.
 */
export default function CaseListPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { can } = useSession();
  const navigate = useNavigate();
  const cityWide = user.areaScope === CITY_CODE;
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const [dialog, setDialog] = useState<'record' | 'import' | null>(null);
  const query: CaseQuery = {
    page,
    pageSize,
    source: oneOf(CASE_SOURCES, filters.source),
    rightType: oneOf(CASE_RIGHT_TYPES, filters.rightType),
    procedure: oneOf(CASE_PROCEDURES, filters.procedure),
    stage: oneOf(CASE_STAGES, filters.stage),
    area: filters.area,
    q: filters.q,
    duplicates: filters.duplicates === '1' ? '1' : undefined,
    from: isDate(filters.from),
    to: isDate(filters.to),
  };
  const list = useQuery({ queryKey: ['cases', 'list', query], queryFn: ({ signal }) => casesApi.list(query, signal), placeholderData: (prev) => prev });
  const stats = useQuery({ queryKey: ['cases', 'stats'], queryFn: ({ signal }) => casesApi.stats(signal) });
  const active = KEYS.filter((k) => filters[k] && !(k === 'to' && filters.from)).length;
  const police = isPoliceOrg(user.org.name);
  const canRecord = can('cases.record');
  const compact = useCompact();

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: t('cs.caseNo'),
      key: 'caseNo',
      width: 210,
      fixed: 'left',
      render: (_v, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={casePath(r.id)} className="xz-mono xz-break">
            {r.caseNo}
          </Link>
          <Flex gap={4} wrap="wrap">
            <SameNumberTag n={r.duplicates} />
            {r.links > 0 && (
              <Tooltip title={t('cs.linksHint', { n: r.links })}>
                <Tag icon={<LinkOutlined aria-hidden />} className="xz-tag-inline" tabIndex={0}>
                  {t('cs.linksN', { n: r.links })}
                </Tag>
              </Tooltip>
            )}
            {r.isDemo && <DemoTag inList />}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('cs.sourceUnit'),
      key: 'source',
      width: 180,
      render: (_v, r) => (
        <Flex vertical gap={2} align="flex-start">
          <SourceTag source={r.source} />
          <span className="xz-small">{r.unit}</span>
        </Flex>
      ),
    },
    {
      title: t('cs.cause'),
      key: 'cause',
      width: 180,
      render: (_v, r) => (
        <Flex vertical gap={2} align="flex-start">
          <span>{r.cause}</span>
          <Typography.Text type="secondary" className="xz-small">
            {caseLabel(lang, 'procedure', r.procedure)} · {caseLabel(lang, 'rightType', r.rightType)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('cs.parties'), key: 'parties', render: (_v, r) => <span className="xz-small">{partiesText(lang, r.parties)}</span> },
    {
      title: t('cs.areaFiled'),
      key: 'area',
      width: 112,
      render: (_v, r) => (
        <Flex vertical gap={0}>
          <span>{areaText(lang, r.areaCode, r.areaName)}</span>
          <span className="xz-num xz-small xz-muted">{formatDate(r.filedOn)}</span>
        </Flex>
      ),
    },
    { title: t('cs.stage'), dataIndex: 'stage', width: 92, render: (s: CaseListItem['stage']) => <StageTag stage={s} /> },
    { title: t('cs.transfer'), dataIndex: 'transfer', width: 124, render: (s: CaseListItem['transfer']) => <TransferTag status={s} /> },
  ];
  // On a phone one column that reads like a card: nothing scrolls sideways.
  const compactColumns: TableColumnsType<CaseListItem> = [
    {
      title: t('cs.case'),
      key: 'case',
      render: (_v, r) => (
        <Flex vertical gap={4}>
          <Link to={casePath(r.id)} className="xz-mono xz-break">
            {r.caseNo}
          </Link>
          <Flex gap={4} wrap="wrap">
            <SourceTag source={r.source} />
            <StageTag stage={r.stage} />
            {r.transfer && <TransferTag status={r.transfer} />}
            <SameNumberTag n={r.duplicates} />
          </Flex>
          <span>{r.cause}</span>
          <Typography.Text type="secondary" className="xz-small">
            {r.unit} · {areaText(lang, r.areaCode, r.areaName)} · <span className="xz-num">{formatDate(r.filedOn)}</span>
          </Typography.Text>
          <Typography.Text type="secondary" className="xz-small">
            {partiesText(lang, r.parties)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  const subtitle = user.roles.includes('partner') ? t('cs.subtitlePartner', { org: user.org.name }) : cityWide ? t('cs.subtitleCity') : t('cs.subtitleArea', { area: user.areaName });

  return (
    <>
      <PageHeader
        title={t('nav.cases')}
        subtitle={subtitle}
        extra={
          canRecord && (
            <Flex gap={8} wrap="wrap">
              <Button icon={<CloudUploadOutlined />} onClick={() => setDialog('import')}>
                {t('cs.importButton')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('record')}>
                {t('cs.recordButton')}
              </Button>
            </Flex>
          )
        }
      />
      {stats.isError ? (
        <LoadError error={stats.error} onRetry={() => stats.refetch()} />
      ) : (
        <CaseStats stats={stats.data} partner={user.roles.includes('partner')} transfersTo={police ? '/protection/cases/transfers' : undefined} onFilter={setFilters} />
      )}
      <Card size="small">
        <FilterBar active={active} onReset={clear}>
          <Form.Item label={t('common.search')}>
            <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('cs.searchPlaceholder')} onSearch={(q) => setFilters({ q: q.trim() })} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item label={t('cs.source')}>
            <Select allowClear style={{ width: 120 }} value={query.source} placeholder={t('common.all')} onChange={(v) => setFilters({ source: v })} options={caseOptions(lang, 'source', CASE_SOURCES)} />
          </Form.Item>
          <Form.Item label={t('cs.rightType')}>
            <Select allowClear style={{ width: 130 }} value={query.rightType} placeholder={t('common.all')} onChange={(v) => setFilters({ rightType: v })} options={caseOptions(lang, 'rightType', CASE_RIGHT_TYPES)} />
          </Form.Item>
          <Form.Item label={t('cs.procedure')}>
            <Select allowClear style={{ width: 100 }} value={query.procedure} placeholder={t('common.all')} onChange={(v) => setFilters({ procedure: v })} options={caseOptions(lang, 'procedure', CASE_PROCEDURES)} />
          </Form.Item>
          <Form.Item label={t('cs.stage')}>
            <Select allowClear style={{ width: 120 }} value={query.stage} placeholder={t('common.all')} onChange={(v) => setFilters({ stage: v })} options={caseOptions(lang, 'stage', CASE_STAGES)} />
          </Form.Item>
          {cityWide && (
            <Form.Item label={t('cs.area')}>
              <AreaSelect allowClear style={{ width: 170 }} value={filters.area} placeholder={t('common.all')} onChange={(area) => setFilters({ area: area ?? undefined })} />
            </Form.Item>
          )}
          <Form.Item label={t('cs.filedBetween')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
              onChange={(v) => setFilters({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
              aria-label={t('cs.filedBetween')}
              style={{ width: 250 }}
            />
          </Form.Item>
          <Form.Item label={t('cs.duplicatesOnly')}>
            <Switch checked={query.duplicates === '1'} onChange={(on) => setFilters({ duplicates: on ? '1' : undefined })} aria-label={t('cs.duplicatesOnly')} />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<CaseListItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            scroll={compact ? undefined : { x: 1120 }}
            locale={{ emptyText: <EmptyState description={active > 0 ? t('cs.emptyFiltered') : t('cs.empty')} /> }}
            columns={compact ? compactColumns : columns}
          />
        )}
      </Card>
      {dialog === 'record' && <CaseFormModal onClose={() => setDialog(null)} onSaved={(c) => navigate(casePath(c.id))} />}
      {dialog === 'import' && <ImportModal onClose={() => setDialog(null)} />}
    </>
  );
}
