import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Segmented, Skeleton, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { GiKind, GiView } from '../../../app/api-types';
import { gisApi } from '../../../app/endpoints';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { useListParams } from '../../../app/useListParams';
import { GI_KINDS } from '../../../../shared/registry/types';
import { useAreaName } from '../common/areas';
import { HitField } from '../common/Hit';
import { DemoTag, giKindName, GiKindTag } from '../common/labels';
import { holderPath } from '../common/RecordParts';
import { RightTypeTabs } from '../common/RightTypeTabs';
import { RULE_PARAMS, ruleCleared, RuleNotice } from '../common/RuleNotice';
import { SearchForm } from '../common/SearchFrame';

export const giPath = (id: number) => `/registry/gis/${id}`;

const FILTERS = ['q', 'kind', ...RULE_PARAMS.gis] as const;

function GiCard({ g }: { g: GiView }) {
  const { t } = useI18n();
  const areaName = useAreaName();
  return (
    <Card className="xz-gi-card" size="small">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <h3 className="xz-gi-name">
            <Link to={giPath(g.id)}>{g.name}</Link>
          </h3>
          <Statistic className="xz-gi-users" title={t('gi.users')} value={g.activeUsers} suffix={t('gi.usersUnit')} />
        </Flex>
        <Space size={[0, 4]} wrap>
          <GiKindTag kind={g.kind} />
          {g.productCategory && <Typography.Text type="secondary">{g.productCategory}</Typography.Text>}
          {g.isDemo && <DemoTag inList />}
        </Space>
        <dl className="xz-hit-meta xz-gi-meta">
          <HitField label={t('gi.holder')} wide>
            {g.holderId && g.holderName ? <Link to={holderPath(g.holderId)}>{g.holderName}</Link> : (g.holderName ?? '—')}
          </HitField>
          <HitField label={t('gi.area')} wide>
            {g.areaCode ? areaName(g.areaCode, g.areaName) : null}
            {g.areaText && (
              <Typography.Text type="secondary" ellipsis={{ tooltip: g.areaText }} className="xz-gi-areatext">
                {g.areaCode ? ` · ${g.areaText}` : g.areaText}
              </Typography.Text>
            )}
            {!g.areaCode && !g.areaText && '—'}
          </HitField>
          <HitField label={t('gi.approvedOn')} className="xz-num">
            {formatDate(g.approvedOn)}
          </HitField>
          {g.regNo && <HitField label={t('gi.regNo')}>{g.regNo}</HitField>}
        </dl>
      </Flex>
    </Card>
  );
}

export default function GiListPage() {
  const { t } = useI18n();
  const { filters, setFilters } = useListParams(FILTERS);
  const kind = GI_KINDS.includes(filters.kind as GiKind) ? (filters.kind as GiKind) : undefined;
  const query = { q: filters.q, kind, county: filters.county, approvedBy: filters.approvedBy, local: filters.local };
  const hasRule = RULE_PARAMS.gis.some((k) => filters[k]);
  const list = useQuery({ queryKey: ['gis', query], queryFn: ({ signal }) => gisApi.list(query, signal) });

  return (
    <>
      <PageHeader title={t('nav.gis')} subtitle={t('gi.subtitle')} />
      <Card className="xz-search-card">
        <RightTypeTabs current="gis" q={filters.q} />
        <SearchForm q={filters.q} placeholder={t('gi.searchPlaceholder')} onSearch={(q) => setFilters({ q })} />
        <Segmented<string>
          aria-label={t('gi.kind')}
          value={kind ?? 'all'}
          onChange={(v) => setFilters({ kind: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('common.all') }, ...GI_KINDS.map((k) => ({ value: k, label: giKindName(t, k) }))]}
          className="xz-gi-kinds"
        />
      </Card>
      <RuleNotice list="gis" filters={filters} onClear={() => setFilters(ruleCleared('gis'))} />
      <div role="status" aria-live="polite" className="xz-search-summary">
        {list.data && <Typography.Text>{t('gi.found', { n: list.data.length })}</Typography.Text>}
      </div>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : !list.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : list.data.length === 0 ? (
        <Card>
          <EmptyState description={filters.q || kind || hasRule ? t('reg.emptyFiltered') : t('gi.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {list.data.map((g) => (
            <Col key={g.id} xs={24} md={12} xxl={8}>
              <GiCard g={g} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
