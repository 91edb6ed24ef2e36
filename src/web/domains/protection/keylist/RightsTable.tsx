import { Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useCompact } from '../../../app/ui/responsive';
import type { RightView } from './api';
import { rightPath } from './labels';
import { rightColumns } from './rightColumns';

/** The rights of an application, each with its current legal status in the register. */
export function RightsTable({ rights, linked }: { rights: readonly RightView[]; linked?: boolean }) {
  const { t } = useI18n();
  const compact = useCompact();
  return (
    <Table<RightView>
      rowKey={(r) => `${r.type}:${r.id}`}
      size="small"
      pagination={rights.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
      dataSource={[...rights]}
      columns={rightColumns(t, compact, (r) =>
        linked ? (
          <Link to={rightPath(r)} className="xz-mono">
            {r.number}
          </Link>
        ) : (
          <span className="xz-mono">{r.number}</span>
        ),
      )}
    />
  );
}
