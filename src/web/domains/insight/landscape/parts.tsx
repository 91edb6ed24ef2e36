import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { LandscapeRunSummary } from '../api';

const RUN_COLOR: Record<LandscapeRunSummary['status'], string> = { running: 'processing', done: 'success', failed: 'error' };

/** 运行中 / 已完成 / 失败. */
export function RunStatusTag({ status }: { status: LandscapeRunSummary['status'] }) {
  const { t } = useI18n();
  return <Tag color={RUN_COLOR[status]}>{t(`ls.runStatus.${status}`)}</Tag>;
}

/** An import finished after the latest run: the landscape may miss new records. */
export function StaleTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('ls.staleHint')}>
      <Tag color="warning">{t('ls.stale')}</Tag>
    </Tooltip>
  );
}
