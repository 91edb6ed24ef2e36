import { Card, Col, Row, Skeleton } from 'antd';
import { CITY_CODE, areaByCode } from '../../../../shared/validators/region';
import { useI18n } from '../../../app/i18n';
import { KpiTiles, type Kpi } from '../../../app/ui/KpiTiles';
import { AreaStatusBars } from '../AreaStatusBars';
import type { StatsView } from '../api';
import { formatYuan } from '../labels';

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
        <KpiTiles
          className="xz-pr-kpis"
          kpis={[
            ...kpis,
            { key: 'days', label: t('prl.kpiAvgDays'), value: stats.averageDaysToConclude === null ? '—' : Math.round(stats.averageDaysToConclude * 10) / 10, note: t('prl.kpiAvgDaysNote') },
          ]}
        />
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
  const rows = stats.byArea.map((r) => {
    const a = r.areaCode ? areaByCode(r.areaCode) : undefined;
    const name = !r.areaCode ? t('prl.areaNone') : a ? (lang === 'zh' ? a.shortName : a.nameEn) : (r.areaName ?? r.areaCode);
    return { key: filterable(r.areaCode) ? (r.areaCode ?? 'none') : null, name, total: r.total, open: r.open, overdue: r.overdue };
  });
  return (
    <AreaStatusBars
      rows={rows}
      series={{ open: t('prl.seriesOpen'), overdue: t('prl.seriesOverdue'), closed: t('prl.seriesClosed') }}
      empty={t('prl.noReports')}
      label={(list) => t('prl.byAreaLabel', { list })}
      onPick={onArea}
    />
  );
}
