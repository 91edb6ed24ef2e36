import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { DIMENSIONS, type Dimension } from '../../../../shared/workplan/satisfaction';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { KpiTiles } from '../../../app/ui/KpiTiles';
import { LoadError } from '../../../app/ui/States';
import { surveyApi, type ResultsView } from './api';
import { dimensionName, likertLabels, questionKindName, respondentTypeName } from './labels';

const BLUE = '#1d4ed8';
const GREY = '#a3b8d9';
const TYPE_COLOURS = ['#1d4ed8', '#0e9f6e', '#d97706', '#94a3b8'];
/** Below this many responses an area's index is shown with a small-sample warning. */
const FEW = 10;
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));

type IndexRow = { responses: number; index: number | null; dimensions: Record<Dimension, number | null> };

/** Results of a published or closed survey: the index by county and respondent type, each question, the national reference. */
export function SurveyResults({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const res = useQuery({ queryKey: ['survey-results', id], queryFn: ({ signal }) => surveyApi.results(id, signal) });
  if (res.isError) return <LoadError error={res.error} onRetry={() => res.refetch()} />;
  if (!res.data) return <Card loading />;
  const r = res.data;
  const national2024 = r.national.overall.find((n) => n.year === 2024)?.value ?? null;
  const diff = r.city.index !== null && national2024 !== null ? r.city.index - national2024 : null;
  const own = r.scopeArea ? r.byArea[0] : null;

  return (
    <Flex vertical gap={16}>
      <KpiTiles
        kpis={[
          { key: 'responses', label: own ? t('sv.res.responsesArea', { area: own.areaName }) : t('sv.res.responses'), value: own ? own.responses : r.city.responses },
          ...(own ? [{ key: 'area', label: t('sv.res.indexArea', { area: own.areaName }), value: fmt(own.index) }] : []),
          { key: 'city', label: t('sv.res.indexCity'), value: fmt(r.city.index), note: diff === null ? undefined : t(diff >= 0 ? 'sv.res.aboveNational' : 'sv.res.belowNational', { d: Math.abs(diff).toFixed(2) }) },
          { key: 'national', label: t('sv.res.national2024'), value: fmt(national2024) },
        ]}
      />
      <Alert type="info" showIcon message={t('sv.res.formulaTitle')} description={r.formula[lang]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sv.res.byAreaChart')}>
            <IndexByArea r={r} national={national2024} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sv.res.dimensionsChart')}>
            <DimensionChart r={r} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sv.res.responsesChart')}>
            <ResponsesByArea r={r} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sv.res.byTypeChart')}>
            <IndexByType r={r} national={national2024} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('sv.res.byArea')}>
        <IndexTable rows={[{ key: 'city', name: t('sv.res.city'), ...r.city }, ...r.byArea.map((a) => ({ key: a.areaCode, name: a.areaName, ...a }))]} />
        <Typography.Paragraph type="secondary" className="xz-small" style={{ margin: '8px 0 0' }}>
          {t('sv.res.fewHint', { n: FEW })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('sv.res.byType')}>
        <IndexTable rows={r.byType.map((x) => ({ key: x.type, name: respondentTypeName(t, x.type), ...x }))} />
      </Card>
      <Card size="small" title={t('sv.res.questions')}>
        <Row gutter={[32, 24]}>
          {r.questions.map((q) => (
            <Col key={q.id} xs={24} xl={12}>
              <QuestionResult q={q} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('sv.res.texts', { n: r.texts.length })}>
        <Table
          rowKey={(x) => `${x.questionId}-${x.submittedOn}-${x.body}`}
          size="small"
          dataSource={r.texts}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('sv.res.noTexts') }}
          columns={[
            { title: t('sv.res.text'), dataIndex: 'body', render: (v: string) => <span className="xz-break">{v}</span> },
            { title: t('sv.res.area'), dataIndex: 'areaName', width: 110 },
            { title: t('sv.pub.respondentType'), dataIndex: 'respondentType', width: 120, render: (v: string) => respondentTypeName(t, v) },
            { title: t('sv.res.date'), dataIndex: 'submittedOn', width: 110, render: (v: string) => <span className="xz-num">{v}</span> },
          ]}
        />
      </Card>
      <Card size="small" title={t('sv.res.nationalTitle')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
          {r.national.overall.map((n) => (
            <Descriptions.Item key={n.year} label={t('sv.res.nationalYear', { year: n.year })}>
              <span className="xz-num">{fmt(n.value)}</span>
            </Descriptions.Item>
          ))}
          {DIMENSIONS.map((d) => (
            <Descriptions.Item key={d} label={`2024 ${dimensionName(lang, d)}`}>
              <span className="xz-num">{fmt(r.national.dimensions2024[d])}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Paragraph type="secondary" className="xz-small" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('sv.res.source', { source: r.national.source[lang] })}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}

function IndexTable({ rows }: { rows: Array<IndexRow & { key: string; name: string }> }) {
  const { t, lang } = useI18n();
  return (
    <Table
      rowKey="key"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
      columns={[
        {
          title: t('sv.res.scope'),
          dataIndex: 'name',
          fixed: 'left',
          width: 170,
          render: (v: string, x: IndexRow) => (
            <>
              {v}
              {x.responses > 0 && x.responses < FEW && (
                <Tag color="warning" bordered={false} style={{ marginInlineStart: 6 }}>
                  {t('sv.res.few')}
                </Tag>
              )}
            </>
          ),
        },
        { title: t('sv.responses'), dataIndex: 'responses', width: 80, align: 'right', sorter: (a, b) => a.responses - b.responses, render: (v: number) => <span className="xz-num">{v}</span> },
        {
          title: t('sv.res.index'),
          dataIndex: 'index',
          width: 90,
          align: 'right',
          sorter: (a, b) => (a.index ?? -1) - (b.index ?? -1),
          render: (v: number | null) => <strong className="xz-num">{fmt(v)}</strong>,
        },
        ...DIMENSIONS.map((d) => ({
          title: dimensionName(lang, d),
          key: d,
          width: 90,
          align: 'right' as const,
          render: (_v: unknown, x: IndexRow) => <span className="xz-num">{fmt(x.dimensions[d])}</span>,
        })),
      ]}
    />
  );
}

function IndexByArea({ r, national }: { r: ResultsView; national: number | null }) {
  const { t } = useI18n();
  const rows = useMemo(() => {
    const list = r.byArea.filter((a) => a.index !== null).map((a) => ({ name: a.areaName, value: a.index as number, kind: 'area' }));
    list.push({ name: t('sv.res.city'), value: r.city.index ?? 0, kind: 'city' });
    if (national !== null) list.push({ name: t('sv.res.national2024Short'), value: national, kind: 'national' });
    return list.sort((a, b) => a.value - b.value);
  }, [r, national, t]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: rows.map((x) => x.name) },
      xAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(2) },
          data: rows.map((x) => ({ value: x.value, itemStyle: { color: x.kind === 'national' ? '#d97706' : x.kind === 'city' ? '#0e9f6e' : BLUE } })),
        },
      ],
    }),
    [rows],
  );
  if (rows.length <= 1) return <Empty description={t('sv.res.noData')} />;
  return <EChart option={option} height={Math.max(220, rows.length * 26 + 30)} label={rows.map((x) => `${x.name} ${x.value.toFixed(2)}`).join('，')} />;
}

function IndexByType({ r, national }: { r: ResultsView; national: number | null }) {
  const { t } = useI18n();
  const rows = useMemo(() => {
    const list = r.byType.filter((x) => x.index !== null).map((x) => ({ name: respondentTypeName(t, x.type), value: x.index as number, kind: 'type' }));
    if (r.city.index !== null) list.push({ name: t('sv.res.city'), value: r.city.index, kind: 'city' });
    if (national !== null) list.push({ name: t('sv.res.national2024Short'), value: national, kind: 'national' });
    return list;
  }, [r, national, t]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: rows.map((x) => x.name), inverse: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(2) },
          data: rows.map((x) => ({ value: x.value, itemStyle: { color: x.kind === 'national' ? '#d97706' : x.kind === 'city' ? '#0e9f6e' : '#7c3aed' } })),
        },
      ],
    }),
    [rows],
  );
  if (rows.length <= 2) return <Empty description={t('sv.res.noData')} />;
  return <EChart option={option} height={Math.max(200, rows.length * 34 + 30)} label={rows.map((x) => `${x.name} ${x.value.toFixed(2)}`).join('，')} />;
}

function DimensionChart({ r }: { r: ResultsView }) {
  const { t, lang } = useI18n();
  const own = r.scopeArea ? r.byArea[0] : null;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: DIMENSIONS.map((d) => dimensionName(lang, d)) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        ...(own ? [{ name: own.areaName, type: 'bar', barMaxWidth: 18, itemStyle: { color: '#7c3aed' }, data: DIMENSIONS.map((d) => own.dimensions[d]) }] : []),
        { name: t('sv.res.city'), type: 'bar', barMaxWidth: 18, itemStyle: { color: BLUE }, data: DIMENSIONS.map((d) => r.city.dimensions[d]) },
        { name: t('sv.res.national2024Short'), type: 'bar', barMaxWidth: 18, itemStyle: { color: GREY }, data: DIMENSIONS.map((d) => r.national.dimensions2024[d]) },
      ],
    }),
    [r, lang, t, own],
  );
  return <EChart option={option} height={260} label={DIMENSIONS.map((d) => `${dimensionName(lang, d)} ${fmt(r.city.dimensions[d])}`).join('，')} />;
}

function ResponsesByArea({ r }: { r: ResultsView }) {
  const { t } = useI18n();
  const rows = useMemo(() => [...r.byArea].filter((a) => a.responses > 0).sort((a, b) => a.responses - b.responses), [r]);
  const types = r.byType.map((x) => x.type);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: rows.map((a) => a.areaName) },
      xAxis: { type: 'value', minInterval: 1 },
      series: types.map((type, i) => ({ name: respondentTypeName(t, type), type: 'bar', stack: 'all', barMaxWidth: 16, itemStyle: { color: TYPE_COLOURS[i] }, data: rows.map((a) => a.byType[type] ?? 0) })),
    }),
    [rows, types, t],
  );
  if (rows.length === 0) return <Empty description={t('sv.res.noData')} />;
  return <EChart option={option} height={Math.max(220, rows.length * 26 + 50)} label={rows.map((a) => `${a.areaName} ${a.responses}`).join('，')} />;
}

function QuestionResult({ q }: { q: ResultsView['questions'][number] }) {
  const { t, lang } = useI18n();
  const bars = q.kind === 'single' || q.kind === 'multiple' ? q.choices.map((c) => ({ name: c.label, n: c.n })) : q.scale.map((p) => ({ name: q.kind === 'likert5' ? `${p.value} ${likertLabels(t)[p.value - 1]}` : String(p.value), n: p.n }));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 80, top: 4, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: bars.map((b) => b.name), inverse: true, axisLabel: { width: 150, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: BLUE },
          label: { show: true, position: 'right', formatter: (p: { value: number }) => (q.answered > 0 ? `${p.value}（${Math.round((p.value / q.answered) * 1000) / 10}%）` : String(p.value)) },
          data: bars.map((b) => b.n),
        },
      ],
    }),
    [bars, q.answered],
  );
  return (
    <div className="xz-survey-qres">
      <Typography.Text strong>
        {q.seq}. {q.text}
      </Typography.Text>
      <div style={{ margin: '4px 0 8px' }}>
        <Tag bordered={false}>{questionKindName(t, q.kind)}</Tag>
        {q.dimension && <Tag color="blue" bordered={false}>{dimensionName(lang, q.dimension)} × {q.weight}</Tag>}
        <Typography.Text type="secondary" className="xz-small">
          {t('sv.res.answered', { n: q.answered })}
          {q.mean !== null && ` · ${t('sv.res.mean', { mean: fmt(q.mean), score: fmt(q.mean100) })}`}
        </Typography.Text>
      </div>
      {q.kind !== 'text' && <EChart option={option} height={Math.max(80, bars.length * 24 + 16)} label={bars.map((b) => `${b.name} ${b.n}`).join('，')} />}
    </div>
  );
}
