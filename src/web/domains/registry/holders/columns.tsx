import { Space, type TableColumnType } from 'antd';
import { Link } from 'react-router';
import type { HolderView } from '../../../app/api-types';
import type { Translate } from '../../../app/i18n';
import { DemoTag } from '../common/labels';
import { holderPath } from '../common/RecordParts';

/** A holder table's name column: the name links to the holder's page, made-up holders say so; pinned left on wide screens. */
export function holderNameColumn(t: Translate, compact: boolean, width: { wide: number; compact: number }): TableColumnType<HolderView> {
  return {
    title: t('holder.name'),
    dataIndex: 'name',
    fixed: compact ? undefined : 'left',
    width: compact ? width.compact : width.wide,
    render: (name: string, h) => (
      <Space size={4} wrap>
        <Link to={holderPath(h.id)}>{name}</Link>
        {h.isDemo && <DemoTag inList />}
      </Space>
    ),
  };
}
