import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { PieChart } from 'echarts/charts';
import { use, type EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { areaByCode } from '../../../../shared/validators/region';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { KpiTiles, type Kpi } from '../../../app/ui/KpiTiles';
import { AreaStatusBars } from '../AreaStatusBars';
import { formatYuan } from '../labels';
import type { StatsView } from './api';
import { MEDIATION_OUTCOMES, outcomeName } from './labels';

use([PieChart]);

const OUTCOME_CHART_COLOR: Record<string, string> = { settled: '#389e0d', not_settled: '#d46b08', litigation: '#722ed1', withdrawn: '#a3a3a3' };

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
        <KpiTiles
          className="xz-pr-kpis"
          kpis={[
            ...kpis,
            { key: 'rate', label: t('md.kpi.rate'), value: rate, note: t('md.kpi.rateNote') },
            { key: 'days', label: t('md.kpi.days'), value: stats.averageDays === null ? '—' : stats.averageDays, note: t('md.kpi.daysNote') },
            { key: 'amount', label: t('md.kpi.amount'), value: formatYuan(stats.settledAmount), note: t('md.kpi.amountNote', { amount: formatYuan(stats.disputedAmount) }) },
          ]}
        />
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
  const rows = stats.byArea.map((r) => {
    const a = areaByCode(r.areaCode);
    return { key: r.areaCode, name: a ? (lang === 'zh' ? a.shortName : a.nameEn) : r.areaName, total: r.total, open: r.open, overdue: r.overdue };
  });
  return (
    <AreaStatusBars
      rows={rows}
      series={{ open: t('md.series.open'), overdue: t('md.series.overdue'), closed: t('md.series.closed') }}
      empty={t('md.noCases')}
      label={(list) => t('md.byAreaLabel', { list })}
      onPick={onArea}
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
