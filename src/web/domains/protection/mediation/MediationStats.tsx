import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { PieChart } from 'echarts/charts';
import { use, type EChartsCoreOption } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { areaByCode } from '../../../../shared/validators/region';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { formatYuan } from '../labels';
import type { StatsView } from './api';
import { MEDIATION_OUTCOMES, outcomeName } from './labels';

use([PieChart]);

const OUTCOME_CHART_COLOR: Record<string, string> = { settled: '#389e0d', not_settled: '#d46b08', litigation: '#722ed1', withdrawn: '#a3a3a3' };

interface Kpi {
  key: string;
  label: string;
  value: number | string;
  note?: string;
  to?: string;
  tone?: 'danger';
}

/** The head of the case list: counts that open the matching list, cases by area, outcomes. */
export function MediationStats({ stats, onArea }: { stats: StatsView | undefined; onArea: (code: string) => void }) {
  const { t } = useI18n();
  if (!stats) return <Skeleton active paragraph={{ rows: 3 }} />;
  const n = (s: string) => stats.byStatus[s] ?? 0;
  const kpis: Kpi[] = [
    { key: 'received', label: t('md.kpi.received'), value: n('received'), note: t('md.kpi.receivedNote'), to: '?status=received' },
    { key: 'open', label: t('md.kpi.open'), value: n('assigned') + n('in_mediation'), note: t('md.kpi.openNote', { n: n('in_mediation') }), to: '?status=in_mediation' },
    { key: 'overdue', label: t('md.kpi.overdue'), value: stats.overdue, note: t('md.kpi.soonNote', { n: stats.soon }), to: '?overdue=1', tone: stats.overdue > 0 ? 'danger' : undefined },
    { key: 'closed', label: t('md.kpi.closed'), value: n('closed'), to: '?status=closed' },
    { key: 'court', label: t('md.kpi.court'), value: stats.bySource.court ?? 0, note: t('md.kpi.courtNote'), to: '?source=court' },
  ];
  const rate = stats.settlementRate === null ? '—' : `${Math.round(stats.settlementRate * 1000) / 10}%`;
  return (
    <Row gutter={[16, 16]} className="xz-pr-stats">
      <Col xs={24} xl={11}>
        <div className="xz-kpis xz-pr-kpis">
          {kpis.map((k) => (
            <Link key={k.key} to={k.to ?? '?'} className={k.tone === 'danger' ? 'xz-kpi xz-kpi-danger' : 'xz-kpi'} data-kpi={k.key} aria-label={`${k.label}: ${k.value}`}>
              <Statistic title={k.label} value={k.value} formatter={(v) => (typeof v === 'number' ? formatNumber(v) : v)} />
              {k.note && (
                <Typography.Text type="secondary" className="xz-kpi-note">
                  {k.note}
                </Typography.Text>
              )}
            </Link>
          ))}
          <div className="xz-kpi xz-kpi-static" data-kpi="rate">
            <Statistic title={t('md.kpi.rate')} value={rate} />
            <Typography.Text type="secondary" className="xz-kpi-note">
              {t('md.kpi.rateNote')}
            </Typography.Text>
          </div>
          <div className="xz-kpi xz-kpi-static" data-kpi="days">
            <Statistic title={t('md.kpi.days')} value={stats.averageDays === null ? '—' : stats.averageDays} />
            <Typography.Text type="secondary" className="xz-kpi-note">
              {t('md.kpi.daysNote')}
            </Typography.Text>
          </div>
          <div className="xz-kpi xz-kpi-static" data-kpi="amount">
            <Statistic title={t('md.kpi.amount')} value={formatYuan(stats.settledAmount)} />
            <Typography.Text type="secondary" className="xz-kpi-note">
              {t('md.kpi.amountNote', { amount: formatYuan(stats.disputedAmount) })}
            </Typography.Text>
          </div>
        </div>
      </Col>
      <Col xs={24} md={14} xl={8}>
        <Card size="small" title={t('md.byArea')} className="xz-pr-chart">
          <AreaBars stats={stats} onArea={onArea} />
        </Card>
      </Col>
      <Col xs={24} md={10} xl={5}>
        <Card size="small" title={t('md.byOutcome')} className="xz-pr-chart">
          <OutcomeDonut stats={stats} />
        </Card>
      </Col>
    </Row>
  );
}

function AreaBars({ stats, onArea }: { stats: StatsView; onArea: (code: string) => void }) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => [...stats.byArea].sort((a, b) => a.total - b.total), [stats.byArea]);
  const nameOf = useCallback(
    (r: StatsView['byArea'][number]) => {
      const a = areaByCode(r.areaCode);
      return a ? (lang === 'zh' ? a.shortName : a.nameEn) : r.areaName;
    },
    [lang],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: rows.map(nameOf), axisLabel: { fontSize: 12 } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('md.series.open'), type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#1d4ed8' }, data: rows.map((r) => r.open - r.overdue) },
        { name: t('md.series.overdue'), type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#cf1322' }, data: rows.map((r) => r.overdue) },
        { name: t('md.series.closed'), type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#a3b8d9' }, data: rows.map((r) => r.total - r.open) },
      ],
    }),
    [rows, t, nameOf],
  );
  if (rows.length === 0) return <Typography.Text type="secondary">{t('md.noCases')}</Typography.Text>;
  return (
    <EChart
      option={option}
      height={Math.max(200, rows.length * 26 + 50)}
      label={t('md.byAreaLabel', { list: [...rows].reverse().map((r) => `${nameOf(r)} ${r.total}`).join(lang === 'zh' ? '，' : ', ') })}
      onClick={({ dataIndex }) => {
        const r = rows[dataIndex];
        if (r) onArea(r.areaCode);
      }}
    />
  );
}

function OutcomeDonut({ stats }: { stats: StatsView }) {
  const { t, lang } = useI18n();
  const data = useMemo(
    () => MEDIATION_OUTCOMES.map((o) => ({ name: outcomeName(t, o), value: stats.byOutcome[o] ?? 0, itemStyle: { color: OUTCOME_CHART_COLOR[o] } })).filter((d) => d.value > 0),
    [stats.byOutcome, t],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, itemWidth: 12, itemHeight: 12 },
      series: [{ type: 'pie', radius: ['42%', '68%'], center: ['50%', '42%'], label: { show: false }, data }],
    }),
    [data],
  );
  if (data.length === 0) return <Typography.Text type="secondary">{t('md.noClosed')}</Typography.Text>;
  return <EChart option={option} height={240} label={t('md.byOutcomeLabel', { list: data.map((d) => `${d.name} ${d.value}`).join(lang === 'zh' ? '，' : ', ') })} />;
}
