import { Space, Typography } from 'antd';
import type { PopulationFigure } from '../../app/api-types';
import { formatNumber } from '../../app/format';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { EstimateTag } from '../../app/ui/EstimateTag';

/** A population number that always carries its estimate mark. */
export function PopulationValue({ figure }: { figure: PopulationFigure | null }) {
  const t = useT();
  if (!figure) return <Typography.Text type="secondary">{t('pop.none')}</Typography.Text>;
  return (
    <Space size={4}>
      <span className="xz-num">{formatNumber(figure.population)}</span>
      {figure.isEstimate && <EstimateTag />}
    </Space>
  );
}

export function EstimateFootnote() {
  const t = useT();
  const { meta } = useSession();
  return (
    <p className="xz-footnote">
      <span aria-hidden>※ </span>
      {meta.demo ? t('pop.footnote') : t('pop.footnoteLive')}
    </p>
  );
}
