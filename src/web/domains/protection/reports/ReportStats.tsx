import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { CITY_CODE, areaByCode } from '../../../../shared/validators/region';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import type { StatsView } from '../api';
import { formatYuan } from '../labels';

interface Kpi {
  key: string;
  label: string;
  value: number | string;
  note?: string;
  to: string;
  tone?: 'danger';
}

/** The head of the report list: counts that open the matching list, and the reports by county. */
export function ReportStats({ stats, onArea }: { stats: StatsView | undefined; onArea: (code: string) => void }) {
  const { t } = useI18n();
  if (!stats) return <Skeleton active paragraph={{ rows: 3 }} />;
  const n = (s: string) => stats.byStatus[s] ?? 0;
  const kpis: Kpi[] = [
    { key: 'received', label: t('prl.kpiReceived'), value: n('received'), note: t('prl.kpiReceivedNote'), to: '?status=received' },
    { key: 'accepted', label: t('prl.kpiAccepted'), value: n('accepted'), to: '?status=accepted' },
    { key: 'investigating', label: t('prl.kpiInvestigating'), value: n('investigating'), to: '?status=investigating' },
    { key: 'concluded', label: t('prl.kpiConcluded'), value: n('concluded'), to: '?status=concluded' },
    { key: 'overdue', label: t('prl.kpiOverdue'), value: stats.overdue, note: t('prl.kpiOverdueNote'), to: '?overdue=1', tone: stats.overdue > 0 ? 'danger' : undefined },
    { key: 'approved', label: t('prl.kpiRewardApproved'), value: stats.rewards.approved, note: t('prl.kpiRewardApprovedNote'), to: '?reward=approved' },
    { key: 'paid', label: t('prl.kpiRewardPaid'), value: stats.rewards.paid, note: formatYuan(stats.rewards.paidAmount), to: '?reward=paid' },
  ];
  return (
    <Row gutter={[16, 16]} className="xz-pr-stats">
      <Col xs={24} xl={13}>
        <div className="xz-kpis xz-pr-kpis">
          {kpis.map((k) => (
            <Link key={k.key} to={k.to} className={k.tone === 'danger' ? 'xz-kpi xz-kpi-danger' : 'xz-kpi'} data-kpi={k.key} aria-label={`${k.label}: ${k.value}`}>
              <Statistic title={k.label} value={k.value} formatter={(v) => (typeof v === 'number' ? formatNumber(v) : v)} />
              {k.note && (
                <Typography.Text type="secondary" className="xz-kpi-note">
                  {k.note}
                </Typography.Text>
              )}
            </Link>
          ))}
          <div className="xz-kpi xz-kpi-static" data-kpi="days">
            <Statistic title={t('prl.kpiAvgDays')} value={stats.averageDaysToConclude === null ? '—' : Math.round(stats.averageDaysToConclude * 10) / 10} />
            <Typography.Text type="secondary" className="xz-kpi-note">
              {t('prl.kpiAvgDaysNote')}
            </Typography.Text>
          </div>
        </div>
      </Col>
      <Col xs={24} xl={11}>
        <Card size="small" title={t('prl.byArea')} className="xz-pr-chart">
          <AreaBars stats={stats} onArea={onArea} />
        </Card>
      </Col>
    </Row>
  );
}

/** Zones carry slugs, counties GB/T 2260 codes; the list filter takes codes (and none). */
const filterable = (code: string | null) => code === null || code !== CITY_CODE;

function AreaBars({ stats, onArea }: { stats: StatsView; onArea: (code: string) => void }) {
  const { t, lang } = useI18n();
  // Most reports on top.
  const rows = useMemo(() => [...stats.byArea].sort((a, b) => a.total - b.total), [stats.byArea]);
  const nameOf = useCallback(
    (r: StatsView['byArea'][number]) => {
      const a = r.areaCode ? areaByCode(r.areaCode) : undefined;
      if (!r.areaCode) return t('prl.areaNone');
      return a ? (lang === 'zh' ? a.shortName : a.nameEn) : (r.areaName ?? r.areaCode);
    },
    [t, lang],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: rows.map(nameOf), axisLabel: { fontSize: 12 } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('prl.seriesOpen'), type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#1d4ed8' }, data: rows.map((r) => r.open - r.overdue) },
        { name: t('prl.seriesOverdue'), type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#cf1322' }, data: rows.map((r) => r.overdue) },
        { name: t('prl.seriesClosed'), type: 'bar', stack: 'all', barMaxWidth: 18, itemStyle: { color: '#a3b8d9' }, data: rows.map((r) => r.total - r.open) },
      ],
    }),
    [rows, nameOf, t],
  );
  if (rows.length === 0) return <Typography.Text type="secondary">{t('prl.noReports')}</Typography.Text>;
  return (
    <EChart
      option={option}
      height={Math.max(200, rows.length * 26 + 50)}
      label={t('prl.byAreaLabel', { list: [...rows].reverse().map((r) => `${nameOf(r)} ${r.total}`).join(lang === 'zh' ? '，' : ', ') })}
      onClick={({ dataIndex }) => {
        const r = rows[dataIndex];
        if (r && filterable(r.areaCode)) onArea(r.areaCode ?? 'none');
      }}
    />
  );
}
