import { Tag } from 'antd';
import { DIMENSION_LABELS, type Dimension } from '../../../../shared/workplan/satisfaction';
import { useT, type Lang, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import type { SurveyPhase } from './api';

export const respondentTypeName = (t: Translate, type: string) => codeLabel(t, 'sv.type', type);
export const questionKindName = (t: Translate, kind: string) => codeLabel(t, 'sv.kind', kind);
export const dimensionName = (lang: Lang, d: string | null) => (d ? (DIMENSION_LABELS[d as Dimension]?.[lang] ?? d) : '—');

/** The 1–5 scale's words, lowest first. */
export const likertLabels = (t: Translate) => [t('sv.likert.1'), t('sv.likert.2'), t('sv.likert.3'), t('sv.likert.4'), t('sv.likert.5')];

const PHASE_COLOURS: Record<SurveyPhase, string> = { draft: 'default', not_open: 'gold', open: 'green', ended: 'orange', closed: 'default' };

/** Where a survey stands: 草稿, 未开始, 进行中, 已到期, 已结束. */
export function SurveyPhaseTag({ phase }: { phase: SurveyPhase }) {
  const t = useT();
  return (
    <Tag color={PHASE_COLOURS[phase]} bordered={false}>
      {codeLabel(t, 'sv.phase', phase)}
    </Tag>
  );
}
