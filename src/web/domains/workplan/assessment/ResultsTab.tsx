import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Modal, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { assessmentApi, type ResultRow, type RubricView } from './api';
import { IndicatorInputs } from './IndicatorInputs';
import { Delta, GradeTag, gradeName, pts } from './labels';

const GRADE_BAR: Record<string, string> = { excellent: '#52c41a', good: '#1677ff', pass: '#faad14', fail: '#ff4d4f' };

/** The ranking: a bar chart of totals and a table of every indicator's points, each cell opening its inputs. */
export function ResultsTab({ year, rubric }: { year: number; rubric: RubricView }) {
  const { t, lang } = useI18n();
  const results = useQuery({ queryKey: ['assessment-results', year, rubric.status, rubric.currentRun?.id ?? null], queryFn: ({ signal }) => assessmentApi.results(year, signal) });
  const [cell, setCell] = useState<{ area: string; indicator: number } | null>(null);
  const data = results.data;
  const yoy = data?.previousYear ?? null;

  const columns = useMemo<ColumnsType<ResultRow>>(() => {
    if (!data) return [];
    const dims = new Map<string, typeof data.indicators>();
    for (const i of data.indicators) dims.set(i.dimension, [...(dims.get(i.dimension) ?? []), i]);
    const cols: ColumnsType<ResultRow> = [
      { title: t('asm.rank'), dataIndex: 'rank', width: 64, fixed: 'left', align: 'center', render: (r: number | null) => r ?? '—' },
      {
        title: t('asm.area'),
        dataIndex: 'name',
        width: 150,
        fixed: 'left',
        render: (name: string, row) => (row.detail ? <Link to={`/workplan/assessment/${year}/areas/${row.code}`}>{name}</Link> : name),
      },
      ...[...dims.entries()].map(([dim, inds]) => ({
        title: dim,
        children: inds.map((i) => ({
          key: String(i.id),
          title: (
            <Tooltip title={t('asm.fullPoints', { points: pts(i.points) })}>
              <span>
                {i.kind === 'deduction' ? '−' : i.kind === 'bonus' ? '+' : ''}
                {i.name}
              </span>
            </Tooltip>
          ),
          width: 100,
          align: 'right' as const,
          render: (_: unknown, row: ResultRow) => {
            const v = row.points[String(i.id)];
            if (v === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
            const missing = row.missing.includes(i.id);
            return (
              <Tooltip title={missing ? t('asm.missingCell') : t('asm.openCell')}>
                <Typography.Link type={missing ? 'warning' : undefined} onClick={() => setCell({ area: row.code, indicator: i.id })}>
                  {i.kind === 'deduction' && v > 0 ? `−${pts(v)}` : pts(v)}
                  {missing ? ' *' : ''}
                </Typography.Link>
              </Tooltip>
            );
          },
        })),
      })),
      { title: t('asm.total'), dataIndex: 'total', width: 90, align: 'right', fixed: 'right', render: (v: number) => <Typography.Text strong>{pts(v)}</Typography.Text> },
      { title: t('asm.gradeCol'), dataIndex: 'grade', width: 84, fixed: 'right', render: (g: ResultRow['grade']) => <GradeTag grade={g} /> },
    ];
    if (yoy) {
      cols.push({
        title: t('asm.yoy', { year: yoy }),
        children: [
          { title: t('asm.prevTotal'), key: 'pt', width: 90, align: 'right', render: (_: unknown, r: ResultRow) => (r.previous ? pts(r.previous.total) : '—') },
          { title: t('asm.change'), key: 'pc', width: 80, align: 'right', render: (_: unknown, r: ResultRow) => <Delta now={r.total} before={r.previous?.total} /> },
          { title: t('asm.prevGrade'), key: 'pg', width: 84, render: (_: unknown, r: ResultRow) => (r.previous ? gradeName(t, r.previous.grade) : '—') },
          { title: t('asm.prevRank'), key: 'pr', width: 84, align: 'right', render: (_: unknown, r: ResultRow) => (r.previous ? <Space size={4}>{r.previous.rank}{r.rank !== null && <Delta now={r.rank} before={r.previous.rank} lowerIsBetter />}</Space> : '—') },
        ],
      });
    }
    return cols;
  }, [data, t, year, yoy]);

  if (results.isError) return <LoadError error={results.error} onRetry={() => results.refetch()} />;
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!data.run || data.areas.length === 0) return <EmptyState description={rubric.actions.includes('compute') ? t('asm.noRunManage') : t('asm.noRun')} />;

  const bar = {
    tooltip: { trigger: 'axis' },
    grid: { left: 130, right: 50, top: 10, bottom: yoy ? 50 : 20 },
    xAxis: { type: 'value', max: Math.max(100, ...data.areas.map((a) => a.total)) },
    yAxis: { type: 'category', inverse: true, data: data.areas.map((a) => a.name) },
    series: [
      { name: t('asm.total'), type: 'bar', data: data.areas.map((a) => ({ value: a.total, itemStyle: { color: GRADE_BAR[a.grade] } })), label: { show: true, position: 'right' } },
      ...(yoy ? [{ name: t('asm.prevTotalOf', { year: yoy }), type: 'bar', itemStyle: { color: '#d9d9d9' }, data: data.areas.map((a) => a.previous?.total ?? null) }] : []),
    ],
    // The totals' colours are the grades'; the legend names only last year's grey bars.
    legend: yoy ? { bottom: 0, data: [t('asm.prevTotalOf', { year: yoy })] } : undefined,
  };
  const card = cell ? data.areas.find((a) => a.code === cell.area) : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 's', label: t('asm.resultKind'), children: data.published ? t('asm.resultPublished') : t('asm.resultWorking') },
            { key: 'c', label: t('asm.computedAt'), children: `${formatDateTime(data.run.computedAt)}${data.run.computedBy ? ` · ${data.run.computedBy}` : ''}` },
            {
              key: 'h',
              label: t('asm.inputsHash'),
              children: (
                <Tooltip title={t('asm.hashHint')}>
                  <Typography.Text code copyable={{ text: data.run.sha256 }}>
                    {data.run.sha256.slice(0, 16)}…
                  </Typography.Text>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
      {data.areas.length > 1 && (
        <Card size="small" title={t('asm.chartTitle')}>
          <EChart option={bar} height={Math.max(240, data.areas.length * (yoy ? 34 : 26) + 70)} label={t('asm.chartTitle')} />
        </Card>
      )}
      <Table<ResultRow>
        rowKey="code"
        size="small"
        bordered
        columns={columns}
        dataSource={data.areas}
        pagination={false}
        scroll={{ x: 'max-content' }}
        footer={() => <Typography.Text type="secondary">{t('asm.tableFoot')}</Typography.Text>}
      />
      <Modal open={!!cell} footer={null} width={680} onCancel={() => setCell(null)} title={card ? `${card.name} · ${data.indicators.find((i) => i.id === cell?.indicator)?.name ?? ''}` : ''} destroyOnHidden>
        {cell && <IndicatorInputs year={year} area={cell.area} indicatorId={cell.indicator} lang={lang} />}
      </Modal>
    </Space>
  );
}
