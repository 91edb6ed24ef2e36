import { Flex, Tag, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { Translate } from '../../../app/i18n';
import type { RightView } from './api';
import { RightStatusTag, rightTypeName } from './labels';

/**
 * The columns of a table of rights: type, number, title and legal status on wide screens; on a
 * phone the number and title stacked in one column, so that nothing scrolls sideways.
 */
export function rightColumns(t: Translate, compact: boolean, number: (r: RightView) => ReactNode): TableColumnsType<RightView> {
  const status = { title: t('kl.rightStatus'), dataIndex: 'status', width: compact ? 76 : 100, render: (_v: string, r: RightView) => <RightStatusTag right={r} /> };
  if (compact) {
    return [
      {
        title: t('kl.rights'),
        key: 'right',
        render: (_v, r) => (
          <Flex vertical gap={2}>
            <span>
              <Tag>{rightTypeName(t, r.type)}</Tag>
              {number(r)}
            </span>
            <span className="xz-break">{r.title}</span>
          </Flex>
        ),
      },
      status,
    ];
  }
  return [
    { title: t('kl.rightType'), dataIndex: 'type', width: 72, render: (v: string) => <Tag>{rightTypeName(t, v)}</Tag> },
    { title: t('kl.rightNumber'), dataIndex: 'number', width: 180, render: (_v: string, r) => number(r) },
    { title: t('kl.rightTitle'), dataIndex: 'title', render: (v: string) => <span className="xz-break">{v}</span> },
    status,
  ];
}
