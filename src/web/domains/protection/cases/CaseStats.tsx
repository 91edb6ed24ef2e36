import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { areaByCode } from '../../../../shared/validators/region';
import { useI18n } from '../../../app/i18n';
import { EChart } from '../../../app/ui/EChart';
import { KpiTiles, type Kpi } from '../../../app/ui/KpiTiles';
import type { CaseStats as Stats } from './api';
import { caseLabel, CASE_SOURCES } from './labels';

/**
 * The head of the case list: counts by source that open the matching list, case numbers that
 * several sources recorded, transfers waiting for the police, and the cases by county.
 */
export function CaseStats({ stats, partner, transfersTo, onFilter }: { stats: Stats | undefined; partner: boolean; transfersTo?: string; onFilter: (patch: { area?: string; rightType?: string }) => void }) {
  const { t, lang } = useI18n();
  if (!stats) return <Skeleton active paragraph={{ rows: 3 }} />;
  const byArea = stats.byArea.length > 1;
  const bySource = (s: string) => stats.bySource.find((x) => x.source === s)?.total ?? 0;
  // A partner sees its own records (and what is linked or sent to it): counts by source say little there.
  const kpis: Kpi[] = [
    { key: 'total', label: t('cs.kpiTotal'), value: stats.total, note: t('cs.kpiTotalNote'), to: '/protection/cases' },
    ...(partner ? [] : CASE_SOURCES.map((s) => ({ key: s, label: caseLabel(lang, 'source', s), value: bySource(s), to: `?source=${s}` }))),
    { key: 'duplicates', label: t('cs.kpiDuplicates'), value: stats.duplicateNumbers, note: t('cs.kpiDuplicatesNote'), to: '?duplicates=1', tone: stats.duplicateNumbers > 0 ? 'warn' : undefined },
    // Transfers concern the IP offices that send them and the police who answer them.
    ...(partner && !transfersTo
      ? []
      : [
          {
            key: 'waiting',
            label: t('cs.kpiWaiting'),
            value: stats.transfers.sent,
            note: t('cs.kpiWaitingNote', { received: stats.transfers.received, refused: stats.transfers.refused }),
            to: transfersTo,
            tone: stats.transfers.sent > 0 ? ('warn' as const) : undefined,
          },
        ]),
  ];
  return (
    <Row gutter={[16, 16]} className="xz-pr-stats">
      <Col xs={24} xl={13}>
        <KpiTiles className="xz-pr-kpis" kpis={kpis} />
      </Col>
      <Col xs={24} xl={11}>
        {/* A county desk's cases are all of its county: it sees them by right instead. */}
        <Card size="small" title={byArea ? t('cs.byArea') : t('cs.byRightType')} className="xz-pr-chart">
          {byArea ? (
            <Bars
              label={t('cs.byArea')}
              bars={stats.byArea.map((r) => {
                const a = areaByCode(r.areaCode);
                return { key: r.areaCode, total: r.total, name: a ? (lang === 'zh' ? a.shortName : a.nameEn) : r.areaName };
              })}
              onPick={(area) => onFilter({ area })}
            />
          ) : (
            <Bars label={t('cs.byRightType')} bars={stats.byRightType.map((r) => ({ key: r.rightType, total: r.total, name: caseLabel(lang, 'rightType', r.rightType) }))} onPick={(rightType) => onFilter({ rightType })} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

interface Bar {
  key: string;
  name: string;
  total: number;
}

/** Horizontal bars, most on top; a click filters the list (the filters above do the same by keyboard). */
function Bars({ bars, label, onPick }: { bars: Bar[]; label: string; onPick: (key: string) => void }) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => [...bars].sort((a, b) => a.total - b.total), [bars]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 4, containLabel: true },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { fontSize: 12 } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('cs.seriesCases'), type: 'bar', barMaxWidth: 18, itemStyle: { color: '#1d4ed8' }, label: { show: true, position: 'right' }, data: rows.map((r) => r.total) }],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <Typography.Text type="secondary">{t('cs.noCases')}</Typography.Text>;
  return (
    <EChart
      option={option}
      height={Math.max(180, rows.length * 26 + 30)}
      label={`${label}${lang === 'zh' ? '：' : ': '}${[...rows].reverse().map((r) => `${r.name} ${r.total}`).join(lang === 'zh' ? '，' : ', ')}`}
      onClick={({ dataIndex }) => {
        const r = rows[dataIndex];
        if (r) onPick(r.key);
      }}
    />
  );
}
