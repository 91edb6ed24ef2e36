import { Space, Typography } from 'antd';
import type { PopulationFigure } from '../../app/api-types';
import { formatNumber } from '../../app/format';
import { useT, type MessageKey } from '../../app/i18n';
import { useSession } from '../../app/session';
import { EstimateTag } from '../../app/ui/EstimateTag';

/** A yearly figure's number (population, market entities) that always carries its estimate mark. */
export function FigureValue({ value, isEstimate }: { value: number | null | undefined; isEstimate?: boolean }) {
  const t = useT();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('pop.none')}</Typography.Text>;
  return (
    <Space size={4}>
      <span className="xz-num">{formatNumber(value)}</span>
      {isEstimate && <EstimateTag />}
    </Space>
  );
}

/** A population number that always carries its estimate mark. */
export function PopulationValue({ figure }: { figure: PopulationFigure | null }) {
  return <FigureValue value={figure?.population} isEstimate={figure?.isEstimate} />;
}

/** What “估算” means under a table of figures: the demo's own estimates, or an office's. */
export function EstimateFootnote({ demo = 'pop.footnote', live = 'pop.footnoteLive' }: { demo?: MessageKey; live?: MessageKey }) {
  const t = useT();
  const { meta } = useSession();
  return (
    <p className="xz-footnote">
      <span aria-hidden>※ </span>
      {meta.demo ? t(demo) : t(live)}
    </p>
  );
}
