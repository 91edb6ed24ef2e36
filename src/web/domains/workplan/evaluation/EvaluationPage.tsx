import { CalculatorOutlined, CheckCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Row, Select, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { drillHref } from '../../../../shared/insight/drill';
import { FORMULA, type EvaluationIndicator } from '../../../../shared/workplan/evaluation';
import { METRIC_DEFINITIONS, isMetric } from '../../../../shared/workplan/metrics';
import { useReportError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { FilterBar } from '../../../app/ui/FilterBar';
import { YearSelect, useYearParam } from '../../../app/ui/YearSelect';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { evaluationApi, type AreaRow, type EvaluationView, type IndicatorRow, type RunView } from './api';
import './charts';
import { ManualInputs } from './ManualInputs';
import { SystemEditor } from './SystemEditor';

const fmt = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits));

/** 保护水平评估: the index system, the ranking, a radar per county against the city average. */
export default function EvaluationPage() {
  const { t, lang } = useI18n();
  const { year, thisYear, setYear, params, setParams } = useYearParam();
  const runParam = Number(params.get('run')) || undefined;
  const result = useQuery({ queryKey: ['evaluation', year, runParam], queryFn: ({ signal }) => evaluationApi.get(year, runParam, signal), placeholderData: keepPreviousData });
  const client = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const data = result.data;

  const setData = (v: EvaluationView) => {
    client.setQueryData(['evaluation', year, undefined], v);
    void client.invalidateQueries({ queryKey: ['evaluation', year] });
  };
  const act = async (fn: () => Promise<EvaluationView>, done: string) => {
    setBusy(true);
    try {
      setData(await fn());
      if (runParam) setParams({ year: String(year) }, { replace: true });
      message.success(done);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const computeButton = data?.canManage && data.system && (
    <Button type="primary" icon={<CalculatorOutlined />} loading={busy} onClick={() => act(() => evaluationApi.compute(year), t('eva.computed'))}>
      {data.run ? t('eva.recompute') : t('eva.compute')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('eva.title')} subtitle={t('eva.subtitle')} extra={computeButton || undefined} />
      <FilterBar>
        <Form.Item label={t('eva.year')}>
          <YearSelect year={year} onChange={setYear} span={8} />
        </Form.Item>
        {data && data.runs.length > 1 && (
          <Form.Item label={t('eva.runPick')}>
            <Select
              style={{ width: 240 }}
              value={String(data.run?.id ?? '')}
              onChange={(v) => setParams(Number(v) === data.runs[0]?.id ? (year === thisYear ? {} : { year: String(year) }) : { year: String(year), run: v }, { replace: true })}
              options={data.runs.map((r, i) => ({ value: String(r.id), label: `${formatDateTime(r.computedAt)}${i === 0 ? ` (${t('eva.latest')})` : ''}` }))}
            />
          </Form.Item>
        )}
      </FilterBar>
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : !data.system ? (
        <Card>
          <EmptyState
            description={data.canManage ? t('eva.noSystemManage', { year }) : t('eva.noSystem', { year })}
            action={
              data.canManage && (
                <Button type="primary" loading={busy} onClick={() => act(() => evaluationApi.useDefault(year), t('eva.defaultUsed'))}>
                  {t('eva.useDefault')}
                </Button>
              )
            }
          />
        </Card>
      ) : (
        <Tabs
          defaultActiveKey="ranking"
          items={[
            { key: 'ranking', label: t('eva.tabRanking'), children: data.run ? <RankingView data={data} run={data.run} year={year} /> : <EmptyState description={data.canManage ? t('eva.noRunManage') : t('eva.noRun')} action={computeButton} /> },
            { key: 'system', label: t('eva.tabSystem'), children: <SystemEditor year={year} data={data} onSaved={setData} /> },
            {
              key: 'manual',
              label: t('eva.tabManual'),
              children: <ManualInputs year={year} data={data} onSaved={setData} />,
            },
            {
              key: 'method',
              label: t('eva.tabMethod'),
              children: (
                <Card size="small">
                  <Descriptions
                    column={1}
                    bordered
                    size="small"
                    items={[
                      { key: 'minmax', label: t('eva.method.minmax'), children: FORMULA.minmax[lang] },
                      { key: 'benchmark', label: t('eva.method.benchmark'), children: FORMULA.benchmark[lang] },
                      { key: 'missing', label: t('eva.missingRule'), children: FORMULA.missing[lang] },
                      { key: 'overall', label: t('eva.overallRule'), children: FORMULA.overall[lang] },
                      { key: 'hash', label: t('eva.hashRule'), children: t('eva.hashRuleText') },
                    ]}
                  />
                </Card>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

function RankingView({ data, run, year }: { data: EvaluationView; run: RunView; year: number }) {
  const { t, lang } = useI18n();
  const report = useReportError();
  const { message } = App.useApp();
  const dims = run.system.dimensions;
  const ranked = useMemo(() => [...run.areas].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999) || a.area.localeCompare(b.area)), [run]);
  const defaultArea = data.scope ?? ranked[0]?.area ?? '';
  const [picked, setPicked] = useState<string>(defaultArea);
  const area = run.areas.find((a) => a.area === picked) ?? run.areas[0]!;
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    try {
      const v = await evaluationApi.verify(year, run.id);
      if (v.hashMatches && v.resultsMatch) message.success(t('eva.verifyOk'));
      else message.error(t('eva.verifyBad'));
    } catch (e) {
      report(e);
    } finally {
      setVerifying(false);
    }
  };

  const radar = {
    tooltip: {},
    legend: { bottom: 0, data: [area.areaName, t('eva.cityAverage')] },
    radar: { radius: '62%', indicator: dims.map((d) => ({ name: `${d.name}\n（${d.weight}%）`, max: 100 })), axisName: { color: '#333' } },
    series: [
      {
        type: 'radar',
        data: [
          { name: area.areaName, value: area.dimensions.map((d) => d.score ?? 0), areaStyle: { opacity: 0.25 }, lineStyle: { width: 2 }, itemStyle: { color: '#1677ff' } },
          { name: t('eva.cityAverage'), value: run.cityAverage.dimensions.map((d) => d.score ?? 0), lineStyle: { type: 'dashed' }, itemStyle: { color: '#fa8c16' } },
        ],
      },
    ],
  };
  const barAreas = ranked.filter((a) => a.overall !== null);
  const bar = {
    tooltip: { trigger: 'axis' },
    grid: { left: 90, right: 40, top: 10, bottom: 20 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: barAreas.map((a) => a.areaName) },
    series: [
      {
        type: 'bar',
        data: barAreas.map((a) => ({ value: a.overall, itemStyle: { color: a.area === area.area ? '#1677ff' : '#91caff' } })),
        label: { show: true, position: 'right' },
        markLine: run.cityAverage.overall === null ? undefined : { symbol: 'none', data: [{ xAxis: run.cityAverage.overall, name: t('eva.cityAverage') }], label: { formatter: `${t('eva.cityAverage')} {c}` }, lineStyle: { color: '#fa8c16' } },
      },
    ],
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {run.stale && <Alert type="warning" showIcon message={data.canManage ? t('eva.staleManage') : t('eva.stale')} />}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'at', label: t('eva.computedAt'), children: formatDateTime(run.computedAt) },
            { key: 'by', label: t('eva.computedBy'), children: run.computedBy ?? t('eva.system') },
            {
              key: 'hash',
              label: t('eva.inputsHash'),
              children: (
                <Space size={4} wrap>
                  <Tooltip title={run.inputsHash}>
                    <Typography.Text code copyable={{ text: run.inputsHash }}>
                      {run.inputsHash.slice(0, 16)}…
                    </Typography.Text>
                  </Tooltip>
                  <Button size="small" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify}>
                    {t('eva.verify')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
        {run.isDemo && <Tag color="gold">{t('eva.demoRun')}</Tag>}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('eva.radarTitle')}
            extra={
              <Select
                aria-label={t('eva.pickArea')}
                style={{ width: 150 }}
                value={area.area}
                onChange={setPicked}
                options={ranked.map((a) => ({ value: a.area, label: a.areaName }))}
                showSearch
                optionFilterProp="label"
              />
            }
          >
            <EChart option={radar} height={340} label={t('eva.radarLabel', { area: area.areaName, score: fmt(area.overall), avg: fmt(run.cityAverage.overall) })} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('eva.barTitle')}>
            <EChart
              option={bar}
              height={340}
              label={t('eva.barLabel')}
              onClick={(p) => {
                const a = barAreas[p.dataIndex];
                if (a) setPicked(a.area);
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('eva.rankingTitle')}>
        <Table<AreaRow>
          size="small"
          rowKey="area"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={ranked}
          rowClassName={(a) => (a.area === area.area ? 'ant-table-row-selected' : '')}
          onRow={(a) => ({ onClick: () => setPicked(a.area), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('eva.rank'), width: 70, render: (_v, a) => (a.rank === null ? <Tag>{t('eva.unranked')}</Tag> : a.rank <= 3 ? <Tag color={['gold', 'blue', 'cyan'][a.rank - 1]}>{a.rank}</Tag> : a.rank) },
            { title: t('eva.area'), dataIndex: 'areaName', width: 130, render: (v: string, a) => (data.scope === a.area ? <strong>{v}</strong> : v) },
            { title: t('eva.overall'), dataIndex: 'overall', width: 110, align: 'right', render: (v: number | null) => (v === null ? <Tag>{t('eva.missing')}</Tag> : <strong>{fmt(v)}</strong>) },
            ...dims.map((d, i) => ({
              key: d.key,
              title: `${d.name}（${d.weight}%）`,
              align: 'right' as const,
              width: 130,
              render: (_v: unknown, a: AreaRow) => (a.dimensions[i]?.score === null ? <Tag>{t('eva.missing')}</Tag> : fmt(a.dimensions[i]?.score)),
            })),
            {
              title: (
                <Tooltip title={t('eva.coverageHelp')}>
                  <span>{t('eva.coverage')}</span>
                </Tooltip>
              ),
              dataIndex: 'coverage',
              width: 100,
              align: 'right',
              render: (v: number) => <Typography.Text type={v < 80 ? 'warning' : undefined}>{fmt(v, 0)}%</Typography.Text>,
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>
                <strong>{t('eva.cityAverage')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{fmt(run.cityAverage.overall)}</strong>
              </Table.Summary.Cell>
              {run.cityAverage.dimensions.map((d, i) => (
                <Table.Summary.Cell key={d.key} index={3 + i} align="right">
                  {fmt(d.score)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={3 + dims.length} />
            </Table.Summary.Row>
          )}
        />
      </Card>
      <IndicatorDetail run={run} area={area} lang={lang} />
    </Space>
  );
}

function sourceTag(t: ReturnType<typeof useI18n>['t'], i: EvaluationIndicator) {
  const color = { metric: 'blue', satisfaction: 'purple', manual: 'orange' }[i.source];
  return <Tag color={color}>{t(`eva.source.${i.source}`)}</Tag>;
}

/** One area's indicators: raw value (linked to its records), score, weight and contribution. */
function IndicatorDetail({ run, area, lang }: { run: RunView; area: AreaRow; lang: 'zh' | 'en' }) {
  const { t } = useI18n();
  if (!area.indicators) {
    return (
      <Card size="small" title={t('eva.detailTitle', { area: area.areaName })}>
        <Typography.Text type="secondary">{t('eva.detailOwnOnly')}</Typography.Text>
      </Card>
    );
  }
  const byKey = new Map(area.indicators.map((i) => [i.key, i]));
  const rows = run.system.dimensions.flatMap((d, di) =>
    d.indicators.map((ind, ii) => ({ d, di, ind: ind as EvaluationIndicator, first: ii === 0, span: d.indicators.length, r: byKey.get(ind.key) as IndicatorRow | undefined })),
  );
  const raw = (ind: EvaluationIndicator, r: IndicatorRow | undefined) => {
    if (!r || r.raw === null) return <Tag color="default">{t('eva.missing')}</Tag>;
    const text = `${fmt(r.raw)} ${ind.unit}`;
    const title = ind.source === 'metric' && ind.metric && isMetric(ind.metric) ? METRIC_DEFINITIONS[ind.metric].rule[lang] : r.note ?? undefined;
    return (
      <Tooltip title={title}>
        {r.drill ? <Link to={drillHref(r.drill)}>{text}</Link> : <span>{text}</span>}
        {r.count !== null && ind.source !== 'manual' && r.count !== r.raw && (
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            {t(ind.source === 'satisfaction' ? 'eva.responses' : 'eva.records', { n: r.count })}
          </Typography.Text>
        )}
      </Tooltip>
    );
  };
  return (
    <Card size="small" title={t('eva.detailTitle', { area: area.areaName })} extra={<Typography.Text strong>{t('eva.overall')} {fmt(area.overall)}</Typography.Text>}>
      <Table
        size="small"
        rowKey={(x) => x.ind.key}
        pagination={false}
        scroll={{ x: 1000 }}
        dataSource={rows}
        columns={[
          {
            title: t('eva.dimension'),
            width: 150,
            onCell: (x) => ({ rowSpan: x.first ? x.span : 0 }),
            render: (_v, x) => (
              <>
                <div>{x.d.name}</div>
                <Typography.Text type="secondary">
                  {t('eva.weight')} {x.d.weight}% · {t('eva.score')} {fmt(area.dimensions[x.di]?.score)}
                </Typography.Text>
              </>
            ),
          },
          { title: t('eva.indicator'), render: (_v, x) => x.ind.name },
          { title: t('eva.source'), width: 110, render: (_v, x) => sourceTag(t, x.ind) },
          { title: t('eva.raw'), width: 170, render: (_v, x) => raw(x.ind, x.r) },
          {
            title: t('eva.method'),
            width: 130,
            render: (_v, x) => (
              <Tooltip title={FORMULA[x.ind.method][lang]}>
                <span>
                  {t(`eva.method.${x.ind.method}`)}
                  {x.ind.method === 'benchmark' && `（${x.ind.benchmark}）`}
                  {x.ind.better === 'lower' && <Tag style={{ marginLeft: 4 }}>{t('eva.lowerBetter')}</Tag>}
                </span>
              </Tooltip>
            ),
          },
          { title: t('eva.score'), width: 80, align: 'right', render: (_v, x) => (x.r?.score === null || !x.r ? '—' : fmt(x.r.score)) },
          { title: t('eva.weightInDim'), width: 90, align: 'right', render: (_v, x) => `${x.ind.weight}%` },
          {
            title: (
              <Tooltip title={t('eva.effectiveWeightHelp')}>
                <span>{t('eva.effectiveWeight')}</span>
              </Tooltip>
            ),
            width: 100,
            align: 'right',
            render: (_v, x) => (x.r ? `${fmt(x.r.effectiveWeight)}%` : '—'),
          },
          {
            title: t('eva.contribution'),
            width: 90,
            align: 'right',
            render: (_v, x) =>
              x.r && x.r.score !== null ? (
                <span>
                  <CheckCircleOutlined style={{ color: '#52c41a', marginRight: 4 }} />
                  {fmt(x.r.contribution)}
                </span>
              ) : (
                '0'
              ),
          },
        ]}
      />
    </Card>
  );
}

