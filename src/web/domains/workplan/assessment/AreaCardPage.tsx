import { LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { drillHref } from '../../../../shared/insight/drill';
import { isNotFound } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../app/ui/PageHeader';
import { LoadError, RecordNotFound } from '../../../app/ui/States';
import { assessmentApi, type CardIndicator } from './api';
import { ruleText } from './IndicatorInputs';
import { Delta, GradeTag, gradeName, kindName, pts, sourceName } from './labels';

/** One area's score card: each indicator's inputs, rule, points and the records behind them, with last year's. */
export default function AreaCardPage() {
  const { t, lang } = useI18n();
  const { year: y, code = '' } = useParams();
  const year = Number(y);
  const card = useQuery({ queryKey: ['assessment-card', year, code], queryFn: ({ signal }) => assessmentApi.card(year, code, signal) });
  const back = `/workplan/assessment${year === new Date().getFullYear() ? '' : `?year=${year}`}`;
  if (card.isError && isNotFound(card.error)) return <RecordNotFound backTo={back} backLabel={t('asm.backToList')} />;
  if (card.isError) return <LoadError error={card.error} onRetry={() => card.refetch()} />;
  const d = card.data;
  if (!d) return <Skeleton active paragraph={{ rows: 10 }} />;

  const columns = [
    { title: t('asm.dimension'), dataIndex: 'dimension', width: 100 },
    {
      title: t('asm.indicator'),
      dataIndex: 'name',
      render: (name: string, i: CardIndicator) => (
        <Space direction="vertical" size={0}>
          <span>
            {i.kind !== 'score' && <Tag color={i.kind === 'bonus' ? 'green' : 'red'}>{kindName(t, i.kind)}</Tag>}
            {name}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sourceName(t, i.source)}
            {i.metricName ? `：${i.metricName[lang]}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('asm.ruleCol'), key: 'rule', width: 200, render: (_: unknown, i: CardIndicator) => <Typography.Text style={{ fontSize: 12 }}>{ruleText(t, { ...i, target: i.appliedTarget ?? i.target })}</Typography.Text> },
    {
      title: t('asm.value'),
      key: 'value',
      width: 150,
      align: 'right' as const,
      render: (_: unknown, i: CardIndicator) =>
        i.kind !== 'score' || i.rule === 'manual' ? (
          '—'
        ) : i.missing ? (
          <Tag color="warning">{t('asm.noData')}</Tag>
        ) : (
          <Space size={4}>
            {pts(i.value)}
            {i.drill && (
              <Tooltip title={t('asm.openRecords')}>
                <Link to={drillHref(i.drill)} aria-label={t('asm.openRecords')}>
                  <LinkOutlined />
                </Link>
              </Tooltip>
            )}
          </Space>
        ),
    },
    {
      title: t('asm.points'),
      key: 'score',
      width: 110,
      align: 'right' as const,
      render: (_: unknown, i: CardIndicator) => (
        <Typography.Text strong type={i.kind === 'deduction' && i.score > 0 ? 'danger' : undefined}>{`${i.kind === 'deduction' && i.score > 0 ? '−' : ''}${pts(i.score)} / ${pts(i.points)}`}</Typography.Text>
      ),
    },
    {
      title: t('asm.noteCol'),
      key: 'note',
      width: 300,
      render: (_: unknown, i: CardIndicator) => (
        <Space direction="vertical" size={0}>
          <span>{i.note[lang]}</span>
          {i.kind !== 'score' && i.entries.map((e, n) => <Typography.Text key={n} type="secondary" style={{ fontSize: 12 }}>{`${pts(e.points)} ${t('asm.pointsUnit')}：${e.reason}`}</Typography.Text>)}
          {i.evidence && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${t('asm.evidence')}：${i.evidence}`}</Typography.Text>}
        </Space>
      ),
    },
    ...(d.previous
      ? [{ title: t('asm.lastYear'), key: 'prev', width: 110, align: 'right' as const, render: (_: unknown, i: CardIndicator) => (i.previous ? <Space size={4}>{pts(i.previous.score)}<Delta now={i.score} before={i.previous.score} lowerIsBetter={i.kind === 'deduction'} /></Space> : '—') }]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('asm.cardTitle', { area: d.area.name, year })} back={back} tags={<GradeTag grade={d.grade} />} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {!d.published && <Alert type="info" showIcon message={t('asm.cardWorking')} />}
        {d.changed.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('asm.cardChanged')}
            description={d.changed.map((c, n) => <div key={n}>{t('asm.changedLine', { area: c.areaName, indicator: c.indicator, before: c.before ?? '—', after: c.after ?? '—' })}</div>)}
          />
        )}
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 4 }}
            items={[
              { key: 't', label: t('asm.total'), children: <Typography.Text strong style={{ fontSize: 20 }}>{pts(d.total)}</Typography.Text> },
              { key: 'g', label: t('asm.gradeCol'), children: <GradeTag grade={d.grade} /> },
              { key: 'r', label: t('asm.rank'), children: d.rank === null ? t('asm.rankHidden') : t('asm.rankOf', { rank: d.rank, of: d.of }) },
              { key: 'b', label: t('asm.breakdown'), children: t('asm.breakdownLine', { base: pts(d.base), bonus: pts(d.bonus), deduction: pts(d.deduction) }) },
              ...(d.previous
                ? [
                    { key: 'py', label: t('asm.lastYearTotal'), children: <Space>{pts(d.previous.total)}<Delta now={d.total} before={d.previous.total} /></Space> },
                    { key: 'pg', label: t('asm.lastYearGrade'), children: `${gradeName(t, d.previous.grade)} · ${t('asm.rankOf', { rank: d.previous.rank, of: d.of })}` },
                  ]
                : []),
              { key: 'c', label: t('asm.computedAt'), children: formatDateTime(d.run.computedAt) },
              { key: 'h', label: t('asm.inputsHash'), children: <Typography.Text code copyable={{ text: d.run.sha256 }}>{d.run.sha256.slice(0, 16)}…</Typography.Text> },
            ]}
          />
        </Card>
        <Table<CardIndicator> rowKey="id" size="small" bordered columns={columns} dataSource={d.indicators} pagination={false} scroll={{ x: 1100 }} />
      </Space>
    </>
  );
}
