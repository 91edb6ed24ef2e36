import { Tooltip } from 'antd';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../app/api-types';
import { useT } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record an entry is about; organisations and areas link to their pages. Long ids are shortened (full id in the tooltip and the details). */
export function AuditTarget({ entry }: { entry: AuditEntry }) {
  const t = useT();
  if (!entry.targetType) return <span className="xz-muted">—</span>;
  const type = codeLabel(t, 'audit.targetType', entry.targetType);
  const id = entry.targetId ?? '';
  const shown = entry.targetLabel ?? (UUID.test(id) ? `${id.slice(0, 8)}…` : id);
  let link: string | null = null;
  if (entry.targetType === 'organisation' && id) link = `/orgs/${id}`;
  if (entry.targetType === 'area_population' && id) link = `/areas/${encodeURIComponent(id.split('/')[0] ?? '')}`;
  const idNode = link ? (
    <Link to={link} className="xz-mono">
      {shown}
    </Link>
  ) : (
    <span className="xz-mono">{shown}</span>
  );
  return (
    <span>
      {type}
      {id && (
        <>
          {' · '}
          {shown !== id ? <Tooltip title={id}>{idNode}</Tooltip> : idNode}
        </>
      )}
    </span>
  );
}
