import { LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { drillHref } from '../../../../shared/insight/drill';
import { useI18n, type Lang, type Translate } from '../../../app/i18n';
import { LoadError } from '../../../app/ui/States';
import { assessmentApi, type CardIndicator } from './api';
import { kindName, pts, ruleName, sourceName } from './labels';

/** The rule of an indicator in words: target, bands or hand score. */
export function ruleText(t: Translate, i: Pick<CardIndicator, 'rule' | 'target' | 'bands' | 'better' | 'points' | 'kind'>): string {
  if (i.kind !== 'score') return t('asm.ruleAdjust', { points: pts(i.points) });
  if (i.rule === 'ratio') return t(i.better === 'lower' ? 'asm.ruleRatioLower' : 'asm.ruleRatio', { target: pts(i.target), points: pts(i.points) });
  if (i.rule === 'thresholds') return i.bands.map((b) => `${i.better === 'lower' ? '≤' : '≥'} ${pts(b.bound)} → ${pts(b.points)}`).join('；');
  if (i.rule === 'rank') return t('asm.ruleRank', { points: pts(i.points) });
  return t('asm.ruleManual', { points: pts(i.points) });
}

const DETAIL_KEYS: Record<string, 'asm.d.assigned' | 'asm.d.completed' | 'asm.d.onTime' | 'asm.d.responses'> = { assigned: 'asm.d.assigned', completed: 'asm.d.completed', onTime: 'asm.d.onTime', responses: 'asm.d.responses' };

/** Everything behind one indicator's points for one area: value, rule, points, the records counted, entries. */
export function IndicatorDetail({ i, lang }: { i: CardIndicator; lang: Lang }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'k', label: t('asm.kindCol'), children: `${kindName(t, i.kind)} · ${i.dimension}` },
        { key: 's', label: t('asm.sourceCol'), children: `${sourceName(t, i.source)}${i.metricName ? `：${i.metricName[lang]}` : ''}` },
        { key: 'r', label: t('asm.ruleCol'), children: `${ruleName(t, i.rule)}（${ruleText(t, { ...i, target: i.appliedTarget ?? i.target })}）` },
        ...(i.kind === 'score' && i.rule !== 'manual'
          ? [{ key: 'v', label: t('asm.value'), children: i.missing ? <Tag color="warning">{t('asm.noData')}</Tag> : `${pts(i.value)}${i.count !== null ? `（${t('asm.count', { n: i.count })}）` : ''}` }]
          : []),
        ...(i.detail ? [{ key: 'd', label: t('asm.detail'), children: Object.entries(i.detail).map(([k, v]) => `${DETAIL_KEYS[k] ? t(DETAIL_KEYS[k]) : k} ${v ?? '—'}`).join('，') }] : []),
        { key: 'p', label: t('asm.points'), children: <Typography.Text strong>{`${i.kind === 'deduction' && i.score > 0 ? '−' : ''}${pts(i.score)} / ${pts(i.points)}`}</Typography.Text> },
        { key: 'n', label: t('asm.noteCol'), children: i.note[lang] || '—' },
        ...(i.entries.length ? [{ key: 'e', label: t('asm.entries'), children: <ul style={{ margin: 0, paddingLeft: 18 }}>{i.entries.map((e, n) => <li key={n}>{`${pts(e.points)} ${t('asm.pointsUnit')}：${e.reason}`}</li>)}</ul> }] : []),
        ...(i.drill ? [{ key: 'l', label: t('asm.records'), children: <Link to={drillHref(i.drill)}><LinkOutlined /> {t('asm.openRecords')}</Link> }] : []),
        ...(i.evidence ? [{ key: 'ev', label: t('asm.evidence'), children: i.evidence }] : []),
        ...(i.previous ? [{ key: 'y', label: t('asm.lastYear'), children: t('asm.lastYearLine', { value: pts(i.previous.value), points: pts(i.previous.score) }) }] : []),
      ]}
    />
  );
}

/** Loads an area's score card and shows one indicator (the cell a user clicked in the ranking). */
export function IndicatorInputs({ year, area, indicatorId, lang }: { year: number; area: string; indicatorId: number; lang: Lang }) {
  const card = useQuery({ queryKey: ['assessment-card', year, area], queryFn: ({ signal }) => assessmentApi.card(year, area, signal) });
  if (card.isError) return <LoadError error={card.error} onRetry={() => card.refetch()} />;
  const i = card.data?.indicators.find((x) => x.id === indicatorId);
  if (!i) return <Skeleton active />;
  return <IndicatorDetail i={i} lang={lang} />;
}
