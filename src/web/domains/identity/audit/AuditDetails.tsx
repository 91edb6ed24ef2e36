import { Descriptions } from 'antd';
import type { AuditEntry } from '../../../app/api-types';
import { useT } from '../../../app/i18n';

/** Digests and details of one entry, as text (details may hold user input). */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const details = Object.keys(entry.details).length ? JSON.stringify(entry.details, null, 2) : null;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        ...(entry.targetId ? [{ key: 'target', label: t('audit.targetId'), children: <span className="xz-mono" style={{ wordBreak: 'break-all' }}>{entry.targetId}</span> }] : []),
        { key: 'before', label: t('audit.beforeDigest'), children: <span className="xz-mono" style={{ wordBreak: 'break-all' }}>{entry.beforeDigest ?? '—'}</span> },
        { key: 'after', label: t('audit.afterDigest'), children: <span className="xz-mono" style={{ wordBreak: 'break-all' }}>{entry.afterDigest ?? '—'}</span> },
        { key: 'details', label: t('audit.details'), children: details ? <pre className="xz-mono" style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{details}</pre> : '—' },
        { key: 'hash', label: t('audit.hash'), children: <span className="xz-mono" style={{ wordBreak: 'break-all', fontSize: 12 }}>{entry.hash}</span> },
        ...(entry.actorId ? [{ key: 'actorId', label: t('audit.actorId'), children: <span className="xz-mono">{entry.actorId}</span> }] : []),
      ]}
    />
  );
}
