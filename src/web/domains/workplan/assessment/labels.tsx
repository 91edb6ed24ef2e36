import { Tag, Typography } from 'antd';
import type { AssessmentStatus, Grade } from '../../../../shared/workplan/assessment';
import { useT, type Translate } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';

export const gradeName = (t: Translate, g: string) => codeLabel(t, 'asm.grade', g);
export const statusName = (t: Translate, s: string) => codeLabel(t, 'asm.status', s);
export const sourceName = (t: Translate, s: string) => codeLabel(t, 'asm.source', s);
export const ruleName = (t: Translate, r: string) => codeLabel(t, 'asm.rule', r);
export const kindName = (t: Translate, k: string) => codeLabel(t, 'asm.kind', k);

const GRADE_COLOURS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };
const STATUS_COLOURS: Record<AssessmentStatus, string> = { draft: 'default', computed: 'processing', reviewed: 'cyan', published: 'success' };

export function GradeTag({ grade }: { grade: Grade }) {
  const t = useT();
  return (
    <Tag color={GRADE_COLOURS[grade]} bordered={false}>
      {gradeName(t, grade)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: AssessmentStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{statusName(t, status)}</Tag>;
}

/** Points with at most two decimals. */
export const pts = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(Math.round(v * 100) / 100));

/** The change from last year: green up, red down (a rank goes up when its number falls). */
export function Delta({ now, before, lowerIsBetter = false }: { now: number; before: number | null | undefined; lowerIsBetter?: boolean }) {
  if (before === null || before === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const d = Math.round((now - before) * 100) / 100;
  if (d === 0) return <Typography.Text type="secondary">±0</Typography.Text>;
  const good = lowerIsBetter ? d < 0 : d > 0;
  return <Typography.Text type={good ? 'success' : 'danger'}>{`${d > 0 ? '↑' : '↓'}${Math.abs(d)}`}</Typography.Text>;
}
