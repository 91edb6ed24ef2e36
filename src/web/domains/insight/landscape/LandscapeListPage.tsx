import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { drillHref, landscapeDrill } from '../../../../shared/insight/drill';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EmptyState, LoadError } from '../../../app/ui/States';
import { DemoTag } from '../../registry/common/labels';
import { landscapeApi, type LandscapeView } from '../api';
import { fieldParts, KIND_COLORS, kindName } from './format';
import { LandscapeFormModal, type LandscapeDraft } from './LandscapeForm';
import { RunStatusTag, StaleTag } from './parts';

/** Fields to start from on an empty list: three of Xinyang's own industries. */
const EXAMPLES: Array<{ key: 'shangtianti' | 'maojian' | 'lingrui'; draft: LandscapeDraft }> = [
  { key: 'shangtianti', draft: { kind: 'regional', ipc: ['C04B'], keywords: ['珍珠岩'], combine: 'any' } },
  { key: 'maojian', draft: { kind: 'industry', ipc: ['A23F 3/00'], keywords: ['毛尖'], combine: 'any' } },
  { key: 'lingrui', draft: { kind: 'enterprise', ipc: ['A61K 9/70'], keywords: ['透皮贴剂', '巴布膏剂'], combine: 'any' } },
];

/** 专利导航: the projects, each a technology field with its runs; a new one runs at once. */
export default function LandscapeListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const result = useQuery({
    queryKey: ['landscapes'],
    queryFn: ({ signal }) => landscapeApi.list(signal),
    // A project still running shows its run finishing.
    refetchInterval: (q) => (q.state.data?.some((l) => l.latestRun?.status === 'running') ? 3000 : false),
  });
  const [form, setForm] = useState<{ draft?: LandscapeDraft } | null>(null);
  const mayCreate = can('insight.landscape');
  const list = result.data ?? [];

  const open = (draft?: LandscapeDraft) => setForm({ draft });

  return (
    <>
      <PageHeader
        title={t('nav.landscapes')}
        subtitle={t('ls.subtitle')}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open()}>
              {t('ls.new')}
            </Button>
          )
        }
      />
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <Card size="small">
          <Table<LandscapeView>
            rowKey="id"
            size="middle"
            loading={!result.data}
            dataSource={list}
            pagination={list.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: (
                <EmptyState
                  description={
                    <Flex vertical gap={8} align="center">
                      <span>{t('ls.empty')}</span>
                      <Typography.Text type="secondary">{t('ls.examplesIntro')}</Typography.Text>
                      <Flex gap={8} wrap="wrap" justify="center">
                        {EXAMPLES.map((e) =>
                          mayCreate ? (
                            <Button key={e.key} size="small" onClick={() => open({ ...e.draft, name: t(`ls.example.${e.key}`) })}>
                              {t(`ls.example.${e.key}`)}
                            </Button>
                          ) : (
                            <Tag key={e.key}>{t(`ls.example.${e.key}`)}</Tag>
                          ),
                        )}
                      </Flex>
                    </Flex>
                  }
                />
              ),
            }}
            columns={[
              {
                title: t('ls.name'),
                dataIndex: 'name',
                render: (name: string, l) => (
                  <Flex vertical gap={2} align="flex-start">
                    <span>
                      <Link to={`/insight/landscapes/${l.id}`} className="xz-ls-name">
                        {name}
                      </Link>
                      {l.isDemo && <DemoTag inList />}
                    </span>
                    {l.description && (
                      <Typography.Paragraph type="secondary" className="xz-ls-desc" ellipsis={{ rows: 2, tooltip: l.description }}>
                        {l.description}
                      </Typography.Paragraph>
                    )}
                  </Flex>
                ),
              },
              { title: t('ls.kind'), dataIndex: 'kind', width: 110, render: (k: LandscapeView['kind']) => <Tag color={KIND_COLORS[k]}>{kindName(t, k)}</Tag> },
              {
                title: t('ls.field'),
                key: 'field',
                width: 340,
                render: (_v, l) => (
                  <Flex vertical gap={0} className="xz-ls-field">
                    {fieldParts(t, l).map((p) => (
                      <span key={p}>{p}</span>
                    ))}
                  </Flex>
                ),
              },
              {
                title: t('ls.latestRun'),
                key: 'run',
                width: 200,
                render: (_v, l) =>
                  l.latestRun ? (
                    <Flex vertical gap={4} align="flex-start">
                      <span className="xz-num">{formatDateTime(l.latestRun.finishedAt ?? l.latestRun.startedAt)}</span>
                      <Flex gap={4} wrap="wrap">
                        <RunStatusTag status={l.latestRun.status} />
                        {l.stale && <StaleTag />}
                      </Flex>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('ls.neverRun')}</Typography.Text>
                  ),
              },
              {
                title: t('ls.patents'),
                key: 'patents',
                align: 'right',
                width: 100,
                render: (_v, l) =>
                  l.latestRun?.status === 'done' && l.latestRun.patents !== null ? (
                    <Tooltip title={t('ls.patentsOfRun')}>
                      <Link to={drillHref(landscapeDrill(l.latestRun.id))} className="xz-num">
                        {formatNumber(l.latestRun.patents)}
                      </Link>
                    </Tooltip>
                  ) : (
                    '—'
                  ),
              },
              { title: t('ls.createdBy'), dataIndex: 'createdBy', width: 110, render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}
      {form && (
        <LandscapeFormModal
          open
          draft={form.draft}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            setForm(null);
            void queryClient.invalidateQueries({ queryKey: ['landscapes'] });
            queryClient.setQueryData(['landscape', saved.id], saved);
            navigate(`/insight/landscapes/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
