import { Tag, Tooltip } from 'antd';
import { useT } from '../i18n';

/** Estimated population figures are never shown without this mark. */
export function EstimateTag() {
  const t = useT();
  return (
    <Tooltip title={t('pop.estimateHint')}>
      <Tag color="orange" tabIndex={0}>
        {t('pop.estimate')}
      </Tag>
    </Tooltip>
  );
}
