import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { alertsApi } from './api';

/** The unread-alert count in the header, checked every minute; a link to the inbox. */
export function AlertBell() {
  const { t } = useI18n();
  const { can } = useSession();
  const allowed = can('alerts.read');
  const unread = useQuery({
    queryKey: ['alerts', 'unread-count'],
    queryFn: ({ signal }) => alertsApi.list({ page: 1, pageSize: 1, unread: '1' }, signal),
    enabled: allowed,
    refetchInterval: 60_000,
  });
  if (!allowed) return null;
  const n = unread.data?.unread ?? 0;
  return (
    <Link to="/insight/alerts" className="xz-bell" aria-label={t('al.unreadBadge', { n })}>
      <Badge count={n} size="small" overflowCount={99}>
        <BellOutlined />
      </Badge>
    </Link>
  );
}
