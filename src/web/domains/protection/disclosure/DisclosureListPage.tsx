import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Form, Row, Select, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CITY_CODE } from '../../../../shared/validators/region';
import { formatDate } from '../../../app/format';
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
import { disclosureApi, type DecisionKind, type DecisionList, type DecisionListItem, type DecisionQuery, type DisclosureStatus } from './api';
import { Amounts, DECISION_KINDS, DISCLOSURE_STATUSES, DisclosureStatusTag, KindTags, PublishDue, decisionKindName, disclosureStatusName, partyKindName } from './labels';

const KEYS = ['status', 'area', 'kind', 'q', 'overdue'] as const;

/** 处罚决定公示: the decisions of one's area (the city office: all), unpublished and nearest their deadline first. */
export default function DisclosureListPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const cityWide = user.areaScope === CITY_CODE;
  const { page, pageSize, filters, setFilters, setPage, clear } = useListParams(KEYS);
  const query: DecisionQuery = {
    page,
    pageSize,
    status: (DISCLOSURE_STATUSES as readonly string[]).includes(filters.status ?? '') ? (filters.status as DisclosureStatus) : undefined,
    area: filters.area,
    kind: (DECISION_KINDS as readonly string[]).includes(filters.kind ?? '') ? (filters.kind as DecisionKind) : undefined,
    q: filters.q,
    overdue: filters.overdue === '1' ? '1' : undefined,
  };
  const list = useQuery({ queryKey: ['disclosures', query], queryFn: ({ signal }) => disclosureApi.list(query, signal), placeholderData: (prev) => prev });
  const active = KEYS.filter((k) => filters[k]).length;

  return (
    <>
      <PageHeader
        title={t('nav.disclosure')}
        subtitle={cityWide ? t('dc.subtitleCity') : t('dc.subtitleArea', { area: user.areaName })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/protection/disclosure/new')}>
            {t('dc.new')}
          </Button>
        }
      />
      {list.data && <Summary summary={list.data.summary} onPick={setFilters} />}
      <Card size="small">
        <FilterBar active={active} onReset={clear}>
          <Form.Item label={t('common.search')}>
            <SearchInput allowClear defaultValue={filters.q} key={filters.q ?? ''} placeholder={t('dc.searchPlaceholder')} onSearch={(q) => setFilters({ q })} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item label={t('common.status')}>
            <Select
              allowClear
              style={{ width: 130 }}
              value={query.status}
              placeholder={t('common.all')}
              onChange={(v) => setFilters({ status: v })}
              options={DISCLOSURE_STATUSES.map((s) => ({ value: s, label: disclosureStatusName(t, s) }))}
            />
          </Form.Item>
          <Form.Item label={t('dc.kinds')}>
            <Select
              allowClear
              style={{ width: 170 }}
              value={query.kind}
              placeholder={t('common.all')}
              onChange={(v) => setFilters({ kind: v })}
              options={DECISION_KINDS.map((k) => ({ value: k, label: decisionKindName(t, k) }))}
            />
          </Form.Item>
          {cityWide && (
            <Form.Item label={t('dc.area')}>
              <AreaSelect allowClear style={{ width: 170 }} value={filters.area} placeholder={t('common.all')} onChange={(area) => setFilters({ area: area ?? undefined })} />
            </Form.Item>
          )}
          <Form.Item label={t('dc.overdueOnly')}>
            <Switch checked={filters.overdue === '1'} onChange={(on) => setFilters({ overdue: on ? '1' : undefined })} aria-label={t('dc.overdueOnly')} />
          </Form.Item>
        </FilterBar>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<DecisionListItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={serverPagination(t, page, pageSize, list.data?.total ?? 0, setPage)}
            scroll={{ x: 1000 }}
            rowClassName={(r) => (r.overdue ? 'xz-row-overdue' : '')}
            locale={{ emptyText: <EmptyState description={active > 0 ? t('dc.emptyFiltered') : t('dc.empty')} /> }}
            columns={[
              {
                title: t('dc.decisionNo'),
                dataIndex: 'decisionNo',
                width: 180,
                fixed: 'left',
                render: (no: string, r) => (
                  <Flex vertical gap={2} align="flex-start">
                    <Link to={`/protection/disclosure/${r.id}`}>{no}</Link>
                    {r.isDemo && <DemoTag inList />}
                  </Flex>
                ),
              },
              { title: t('common.status'), dataIndex: 'status', width: 100, render: (s: DisclosureStatus) => <DisclosureStatusTag status={s} /> },
              {
                title: t('dc.party'),
                key: 'party',
                render: (_v, r) => (
                  <Flex vertical gap={2}>
                    <span className="xz-break">{r.party.name}</span>
                    <span>
                      <Tag className="xz-tag-tight">{partyKindName(t, r.party.kind)}</Tag>
                      <Typography.Text type="secondary" className="xz-small xz-num">
                        {r.party.kind === 'organisation' ? r.party.uscc : r.party.idNumber}
                      </Typography.Text>
                    </span>
                  </Flex>
                ),
              },
              { title: t('dc.kinds'), dataIndex: 'kinds', width: 190, render: (k: DecisionKind[]) => <KindTags kinds={k} /> },
              { title: t('dc.amounts'), key: 'amounts', width: 170, render: (_v, r) => <Amounts fine={r.fineAmount} confiscated={r.confiscatedAmount} /> },
              {
                title: t('dc.datesColumn'),
                key: 'dates',
                width: 170,
                render: (_v, r) => (
                  <Flex vertical gap={2}>
                    <span className="xz-small">
                      <Typography.Text type="secondary">{t('dc.decidedShort')}</Typography.Text> <span className="xz-num">{formatDate(r.decidedOn)}</span>
                    </span>
                    <span className="xz-small">
                      <Typography.Text type="secondary">{t('dc.dueShort')}</Typography.Text> <PublishDue item={r} />
                    </span>
                    <Typography.Text type="secondary" className="xz-small">
                      {r.areaName}
                    </Typography.Text>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** The counts that matter to a desk: what waits for review, what waits for publication, what is late. */
function Summary({ summary: s, onPick }: { summary: DecisionList['summary']; onPick: (f: { status?: string; overdue?: string }) => void }) {
  const { t } = useI18n();
  const cards: Array<{ key: string; label: string; value: number; tone?: 'danger' | 'warning'; pick: { status?: string; overdue?: string } }> = [
    { key: 'draft', label: t('dc.sum.draft'), value: s.draft, pick: { status: 'draft', overdue: undefined } },
    { key: 'reviewed', label: t('dc.sum.reviewed'), value: s.reviewed, pick: { status: 'reviewed', overdue: undefined } },
    { key: 'overdue', label: t('dc.sum.overdue'), value: s.overdue, tone: s.overdue > 0 ? 'danger' : undefined, pick: { status: undefined, overdue: '1' } },
    { key: 'soon', label: t('dc.sum.dueSoon'), value: s.dueSoon, tone: s.dueSoon > 0 ? 'warning' : undefined, pick: { status: undefined, overdue: undefined } },
    { key: 'published', label: t('dc.sum.published'), value: s.published, pick: { status: 'published', overdue: undefined } },
  ];
  return (
    <Row gutter={[12, 12]} className="xz-dc-summary">
      {cards.map((c) => (
        <Col key={c.key} flex="1 1 150px">
          <Card size="small" hoverable onClick={() => onPick(c.pick)} role="button" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onPick(c.pick)}>
            <Statistic title={c.label} value={c.value} styles={{ content: { color: c.tone === 'danger' ? '#cf1322' : c.tone === 'warning' ? '#d46b08' : undefined } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
