import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Col, Flex, Form, Row, Select, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applicationsDrill, drillHref, grantsDrill, type ViewFilter } from '../../../shared/insight/drill';
import { INDICATORS, INDICATOR_DEFINITIONS, type IndicatorCode } from '../../../shared/insight/indicators';
import { PATENT_TYPES } from '../../../shared/registry/types';
import { AREAS, CITY_CODE } from '../../../shared/validators/region';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useUser } from '../../app/session';
import { EChart } from '../../app/ui/EChart';
import { FilterBar } from '../../app/ui/FilterBar';
import { LinkButton } from '../../app/ui/LinkButton';
import { PageHeader } from '../../app/ui/PageHeader';
import { LoadError } from '../../app/ui/States';
import { patentTypeName } from '../registry/common/labels';
import { insightApi, type Dashboard, type DashboardQuery } from './api';
import type { DashboardReportQuery } from './reports/api';
import { ReportButton } from './reports/ReportButton';
import { COUNTY_MAP_NAME, SCALE, TYPE_COLORS, registerCountyMap } from './charts';
import { indicatorText } from './format';

const KEYS = ['area', 'from', 'to', 'type', 'industry', 'indicator'] as const;

/** The city or county dashboard: every number and chart element opens the records it counted. */
export default function DashboardPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: DashboardQuery = Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])));
  const cityWide = user.areaScope === CITY_CODE;
  const result = useQuery({ queryKey: ['insight-dashboard', query], queryFn: ({ signal }) => insightApi.dashboard(query, signal), placeholderData: keepPreviousData });
  const geo = useQuery({ queryKey: ['insight-county-map'], queryFn: () => insightApi.countyMap(), staleTime: Infinity });
  if (geo.data) registerCountyMap(geo.data);
  const d = result.data;

  const set = (patch: Partial<Record<(typeof KEYS)[number], string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );

  const thisYear = new Date().getFullYear();
  const yearOptions = Array.from({ length: thisYear - 1985 + 1 }, (_, i) => thisYear - i).map((y) => ({ value: String(y), label: String(y) }));
  const indicator = (query.indicator ?? 'high_value_per_10k') as IndicatorCode;
  const def = INDICATOR_DEFINITIONS[indicator];
  const areaLabel = (code: string, name: string) => (lang === 'zh' ? name : (AREAS.find((a) => a.code === code)?.nameEn ?? name));

  return (
    <>
      <PageHeader
        title={d ? t('ins.dashTitle', { area: d.area.isCity ? areaLabel(CITY_CODE, '信阳市') : areaLabel(d.area.code, d.area.name) }) : t('nav.dashboard')}
        docTitle={t('nav.dashboard')}
        subtitle={t('ins.dashSubtitle')}
        extra={
          <Flex gap={8} wrap="wrap">
            <ReportButton body={{ kind: 'dashboard', query: query as DashboardReportQuery }} />
            <LinkButton to="/insight/indicators">{t('ins.openIndicators')}</LinkButton>
          </Flex>
        }
      />
      <FilterBar>
        {cityWide && (
          <Form.Item label={t('ins.area')}>
            <Select
              style={{ width: 200 }}
              value={query.area ?? CITY_CODE}
              onChange={(v) => set({ area: v === CITY_CODE ? null : v })}
              options={AREAS.map((a) => ({ value: a.code, label: a.code === CITY_CODE ? t('ins.city') : areaLabel(a.code, a.name) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('ins.years')}>
          <Flex gap={4} align="center">
            <Select aria-label={t('ins.years')} style={{ width: 90 }} value={String(d?.filter.from ?? '')} onChange={(v) => set({ from: v })} options={yearOptions} />
            <span>–</span>
            <Select aria-label={t('ins.years')} style={{ width: 90 }} value={String(d?.filter.to ?? '')} onChange={(v) => set({ to: v })} options={yearOptions} />
          </Flex>
        </Form.Item>
        <Form.Item label={t('ins.types')}>
          <Checkbox.Group
            value={query.type ? query.type.split(',') : [...PATENT_TYPES]}
            onChange={(v) => set({ type: v.length === 0 || v.length === PATENT_TYPES.length ? null : (v as string[]).join(',') })}
            options={PATENT_TYPES.map((p) => ({ value: p, label: patentTypeName(t, p) }))}
          />
        </Form.Item>
        <Form.Item label={t('ins.industry')}>
          <Select
            style={{ width: 200 }}
            value={query.industry ?? ''}
            onChange={(v) => set({ industry: v || null })}
            options={[{ value: '', label: t('ins.allIndustries') }, ...(d?.industries ?? []).map((i) => ({ value: i.code, label: i.name }))]}
          />
        </Form.Item>
        <Form.Item label={t('ins.mapBy')}>
          <Select
            style={{ width: 260 }}
            value={indicator}
            onChange={(v) => set({ indicator: v === 'high_value_per_10k' ? null : v })}
            options={INDICATORS.map((c) => ({ value: c, label: INDICATOR_DEFINITIONS[c].name[lang] }))}
          />
        </Form.Item>
      </FilterBar>
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : !d ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <div className={result.isFetching ? 'xz-dash xz-hits-busy' : 'xz-dash'} aria-busy={result.isFetching}>
          <Totals d={d} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('ins.patentTrend')}>
                <PatentTrend d={d} onOpen={(href) => navigate(href)} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('ins.tmTrend')}>
                <TrademarkTrend d={d} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={`${t('ins.map')} · ${def.name[lang]}（${t('ins.yearEnd', { year: d.year })}）`}>
                {geo.data ? <CountyMapChart d={d} indicator={indicator} onOpen={(href) => navigate(href)} /> : <Skeleton active />}
                <Typography.Paragraph type="secondary" className="xz-dash-note">
                  {t('ins.mapHint')}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('ins.ranking')}>
                <Ranking d={d} indicator={indicator} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={`${t('ins.topHolders')}（${t('ins.inYears', { from: d.filter.from, to: d.filter.to })}）`}>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.topHolders}
                  locale={{ emptyText: t('ins.noData') }}
                  columns={[
                    { title: t('ins.rank'), width: 56, render: (_v, _r, i) => i + 1 },
                    { title: t('ins.holder'), dataIndex: 'name', render: (name: string, h) => <Link to={`/registry/holders/${h.id}`}>{name}</Link> },
                    { title: t('ins.area'), dataIndex: 'areaName', width: 130 },
                    { title: t('ins.patentsFiled'), dataIndex: 'patents', align: 'right', width: 80, render: (n: number, h) => <Link to={drillHref(h.drill)}>{formatNumber(n)}</Link> },
                    { title: t('ins.validInventions'), dataIndex: 'validInventions', align: 'right', width: 110, render: (n: number) => formatNumber(n) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('ins.industries')} extra={d.industryMapIsDemo ? <Tag color="orange">{t('ins.industriesDemo')}</Tag> : null}>
                <IndustryBars d={d} onOpen={(href) => navigate(href)} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('ins.sections')}>
                <SectionPie d={d} onOpen={(href) => navigate(href)} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={`${t('ins.indicatorsTitle')}（${t('ins.yearEnd', { year: d.year })}）`} extra={<Link to="/insight/indicators">{t('ins.openIndicators')}</Link>}>
                <IndicatorList d={d} />
              </Card>
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}

function Totals({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  const years = t('ins.inYears', { from: d.filter.from, to: d.filter.to });
  const items: Array<{ key: keyof Dashboard['totals']; label: string; note: string }> = [
    { key: 'applications', label: t('ins.applications'), note: years },
    { key: 'grants', label: t('ins.grants'), note: years },
    { key: 'validPatents', label: t('ins.validPatents'), note: t('ins.today') },
    { key: 'validInventions', label: t('ins.validInventions'), note: t('ins.yearEnd', { year: d.year }) },
    { key: 'highValueInventions', label: t('ins.highValue'), note: t('ins.yearEnd', { year: d.year }) },
    { key: 'trademarkApplications', label: t('ins.tmApplications'), note: years },
    { key: 'trademarkRegistrations', label: t('ins.tmRegistrations'), note: years },
    { key: 'validTrademarks', label: t('ins.validTrademarks'), note: t('ins.today') },
    { key: 'gis', label: t('ins.gis'), note: t('ins.yearEnd', { year: d.year }) },
    { key: 'giUsers', label: t('ins.giUsers'), note: t('ins.today') },
  ];
  return (
    <>
      <div className="xz-kpis">
        {items.map((it) => (
          <Link key={it.key} to={drillHref(d.totals[it.key].drill)} className="xz-kpi" aria-label={`${it.label}（${it.note}）: ${d.totals[it.key].value}`}>
            <Statistic title={it.label} value={d.totals[it.key].value} formatter={(v) => formatNumber(Number(v))} />
            <Typography.Text type="secondary" className="xz-kpi-note">
              {it.note}
            </Typography.Text>
          </Link>
        ))}
      </div>
      {d.area.isCity && d.totals.unresolvedPatents.value > 0 && (
        <Alert
          type="warning"
          showIcon
          className="xz-dash-alert"
          message={<Link to={drillHref(d.totals.unresolvedPatents.drill)}>{t('ins.unresolved', { n: formatNumber(d.totals.unresolvedPatents.value) })}</Link>}
        />
      )}
    </>
  );
}

function viewOf(d: Dashboard): ViewFilter {
  return { area: d.area.isCity ? null : d.area.code, from: d.filter.from, to: d.filter.to, types: d.filter.types, industry: d.filter.industry };
}

function PatentTrend({ d, onOpen }: { d: Dashboard; onOpen: (href: string) => void }) {
  const { t } = useI18n();
  const years = [...new Set(d.patentSeries.map((s) => s.year))];
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value' },
      series: [
        ...d.filter.types.map((type) => ({
          name: `${patentTypeName(t, type)}·${t('ins.applications')}`,
          type: 'bar',
          stack: 'applications',
          itemStyle: { color: TYPE_COLORS[type] },
          data: years.map((y) => d.patentSeries.find((s) => s.year === y && s.type === type)?.applications ?? 0),
        })),
        {
          name: t('ins.grants'),
          type: 'line',
          itemStyle: { color: '#cf1322' },
          data: years.map((y) => d.patentSeries.filter((s) => s.year === y).reduce((n, s) => n + s.grants, 0)),
        },
      ],
    }),
    [d, t, years],
  );
  const view = viewOf(d);
  return (
    <EChart
      option={option}
      height={300}
      label={t('ins.patentTrendLabel')}
      onClick={({ dataIndex, seriesIndex }) => {
        const year = years[dataIndex];
        if (year === undefined) return;
        const type = d.filter.types[seriesIndex];
        onOpen(drillHref(type ? applicationsDrill({ ...view, types: [type] }, {}, year) : grantsDrill(view, {}, year)));
      }}
    />
  );
}

function TrademarkTrend({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: d.trademarkSeries.map((s) => String(s.year)) },
      yAxis: { type: 'value' },
      series: [
        { name: t('ins.tmApplications'), type: 'bar', itemStyle: { color: '#722ed1' }, data: d.trademarkSeries.map((s) => s.applications) },
        { name: t('ins.tmRegistrations'), type: 'line', itemStyle: { color: '#eb2f96' }, data: d.trademarkSeries.map((s) => s.registrations) },
      ],
    }),
    [d, t],
  );
  return <EChart option={option} height={300} label={t('ins.tmTrend')} />;
}

function CountyMapChart({ d, indicator, onOpen }: { d: Dashboard; indicator: IndicatorCode; onOpen: (href: string) => void }) {
  const { t, lang } = useI18n();
  const def = INDICATOR_DEFINITIONS[indicator];
  const drawn = d.ranking.filter((r) => r.kind === 'county' || r.kind === 'district');
  const values = drawn.map((r) => r.indicator.value).filter((v): v is number => v !== null);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) => `${p.name}<br/>${def.name[lang]}：${Number.isFinite(p.value) ? indicatorText(p.value, def, lang) : t('ins.noFigure')}`,
      },
      visualMap: {
        min: Math.min(0, ...values),
        max: Math.max(1e-9, ...values),
        left: 8,
        bottom: 8,
        calculable: true,
        precision: def.digits,
        inRange: { color: SCALE },
        text: [def.unit[lang], ''],
      },
      series: [
        {
          type: 'map',
          map: COUNTY_MAP_NAME,
          roam: false,
          label: { show: true, fontSize: 11 },
          emphasis: { label: { fontWeight: 'bold' }, itemStyle: { areaColor: '#ffd666' } },
          data: drawn.map((r) => ({ name: r.name, value: r.indicator.value ?? Number.NaN })),
        },
      ],
    }),
    [drawn, values, def, lang, t],
  );
  return (
    <EChart
      option={option}
      height={420}
      label={t('ins.mapLabel', { indicator: def.name[lang] })}
      onClick={({ name }) => {
        const row = drawn.find((r) => r.name === name);
        if (row) onOpen(drillHref(row.indicator.drill));
      }}
    />
  );
}

function Ranking({ d, indicator }: { d: Dashboard; indicator: IndicatorCode }) {
  const { t, lang } = useI18n();
  const def = INDICATOR_DEFINITIONS[indicator];
  const view = viewOf(d);
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={d.ranking}
      columns={[
        { title: t('ins.rank'), width: 56, render: (_v, _r, i) => i + 1 },
        { title: t('ins.area'), dataIndex: 'name', render: (name: string, r) => (lang === 'zh' ? name : (AREAS.find((a) => a.code === r.code)?.nameEn ?? name)) },
        {
          title: (
            <Tooltip title={`${t('ins.formula')}：${def.formula[lang]}`}>
              <span>
                {def.name[lang]}（{def.unit[lang]}）
              </span>
            </Tooltip>
          ),
          align: 'right',
          render: (_v, r) => (
            <Link to={drillHref(r.indicator.drill)} aria-label={`${r.name} ${def.name[lang]}`}>
              {indicatorText(r.indicator.value, def, lang)}
              {r.indicator.denominator?.isEstimate && <Tag className="xz-tag-inline">{t('ins.estimate')}</Tag>}
            </Link>
          ),
        },
        { title: t('ins.applications'), dataIndex: 'applications', align: 'right', render: (n: number, r) => <Link to={drillHref(applicationsDrill({ ...view, area: r.code }))}>{formatNumber(n)}</Link> },
        { title: t('ins.grants'), dataIndex: 'grants', align: 'right', render: (n: number, r) => <Link to={drillHref(grantsDrill({ ...view, area: r.code }))}>{formatNumber(n)}</Link> },
        { title: t('ins.validInventions'), dataIndex: 'validInventions', align: 'right', render: (n: number) => formatNumber(n) },
      ]}
    />
  );
}

function SectionPie({ d, onOpen }: { d: Dashboard; onOpen: (href: string) => void }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [{ type: 'pie', center: ['35%', '50%'], radius: ['38%', '72%'], label: { show: false }, data: d.sections.map((s) => ({ name: s.label, value: s.count })) }],
    }),
    [d],
  );
  return <EChart option={option} height={300} label={t('ins.sections')} onClick={({ dataIndex }) => d.sections[dataIndex] && onOpen(drillHref(d.sections[dataIndex].drill))} />;
}

function IndustryBars({ d, onOpen }: { d: Dashboard; onOpen: (href: string) => void }) {
  const { t } = useI18n();
  const list = [...d.industries].sort((a, b) => a.applications - b.applications);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: list.map((i) => i.name) },
      series: [{ name: t('ins.applications'), type: 'bar', itemStyle: { color: '#52c41a' }, data: list.map((i) => i.applications) }],
    }),
    [list, t],
  );
  if (list.length === 0) return <Typography.Text type="secondary">{t('ins.noData')}</Typography.Text>;
  return <EChart option={option} height={300} label={t('ins.industries')} onClick={({ dataIndex }) => list[dataIndex] && onOpen(drillHref(list[dataIndex].drill))} />;
}

function IndicatorList({ d }: { d: Dashboard }) {
  const { t, lang } = useI18n();
  return (
    <ul className="xz-ind-list">
      {INDICATORS.map((code) => {
        const def = INDICATOR_DEFINITIONS[code];
        const v = d.indicators[code];
        return (
          <li key={code}>
            <Tooltip title={`${t('ins.formula')}：${def.formula[lang]}`}>
              <span>{def.name[lang]}</span>
            </Tooltip>
            <span>
              <Link to={drillHref(v.drill)}>{indicatorText(v.value, def, lang)}</Link> <Typography.Text type="secondary">{def.unit[lang]}</Typography.Text>
              {v.denominator?.isEstimate && <Tag className="xz-tag-inline">{t('ins.estimate')}</Tag>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
