import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import type { SignIn } from '../../../app/api-types';
import { authApi } from '../../../app/endpoints';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { actionName, auditResultName, codeLabel } from '../../../app/labels';
import { serverPagination } from '../../../app/ui/pagination';
import { LoadError } from '../../../app/ui/States';

const RESULT_COLOR: Record<string, string> = { ok: 'green', failed: 'red', denied: 'volcano' };

/** The user's own recent sign-ins and failures, to spot someone else using the account. */
export function SignInHistory() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const q = useQuery({ queryKey: ['sign-ins', page, pageSize], queryFn: () => authApi.signIns({ page, pageSize }), placeholderData: keepPreviousData });

  return (
    <Card className="xz-card" title={t('account.historyTitle')} extra={<span className="xz-muted">{t('account.historyHint')}</span>}>
      {q.isError ? (
        <LoadError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<SignIn>
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          scroll={{ x: 660 }}
          pagination={serverPagination(t, page, pageSize, q.data?.total ?? 0, (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          })}
          columns={[
            { title: t('common.time'), dataIndex: 'at', width: 160, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
            { title: t('account.event'), dataIndex: 'action', render: (a: string) => actionName(t, a) },
            { title: 'IP', dataIndex: 'ip', width: 150, render: (ip: string | null) => <span className="xz-mono">{ip ?? '—'}</span> },
            { title: t('common.result'), dataIndex: 'result', width: 90, render: (r: string) => <Tag color={RESULT_COLOR[r] ?? 'default'}>{auditResultName(t, r)}</Tag> },
            { title: t('account.reason'), dataIndex: 'reason', width: 140, render: (r: string | null) => (r ? codeLabel(t, 'signInReason', r) : '—') },
          ]}
        />
      )}
    </Card>
  );
}
