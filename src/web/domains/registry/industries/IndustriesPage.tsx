import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntdApp, Button, Card, Descriptions, Flex, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../app/api';
import type { IndustryMapping } from '../../../app/api-types';
import { industriesApi } from '../../../app/endpoints';
import { useReportError } from '../../../app/errors';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useT } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useCompact } from '../../../app/ui/responsive';
import { EmptyState, LoadError } from '../../../app/ui/States';

type Industry = IndustryMapping['industries'][number];

const DEFAULT_SOURCE = '战略性新兴产业分类与国际专利分类参照关系表（2021）';
const EXAMPLE = `industry_code,industry_name,ipc,keywords
1,新一代信息技术产业,H04L,数据通信|网络|物联网
3,新材料产业,C04B 14/18,珍珠岩|膨胀`;
const PREFIXES_SHOWN = 12;

interface LineProblem {
  line: number;
  reason: string;
}

function ImportCard() {
  const t = useT();
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const queryClient = useQueryClient();
  const [source, setSource] = useState(DEFAULT_SOURCE);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<LineProblem[] | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setProblems(null);
    try {
      const r = await industriesApi.import(file, source.trim() || undefined);
      message.success(t('industry.imported', { rows: formatNumber(r.rows), patents: formatNumber(r.patentsUpdated) }), 6);
      for (const key of ['industries', 'patents', 'patent']) void queryClient.invalidateQueries({ queryKey: [key] });
    } catch (e) {
      const lines = isApiError(e) && Array.isArray(e.details) ? (e.details as unknown[]).filter((d): d is LineProblem => !!d && typeof (d as LineProblem).line === 'number') : [];
      if (lines.length) setProblems(lines);
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('industry.importTitle')} className="xz-card">
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('industry.importIntro')}</Typography.Paragraph>
        <div>
          <Typography.Text strong>{t('industry.headerTitle')}</Typography.Text>
          <pre className="xz-code" aria-label={t('industry.example')} tabIndex={0}>
            {EXAMPLE}
          </pre>
          <ul className="xz-compact-list">
            <li>{t('industry.colCode')}</li>
            <li>{t('industry.colName')}</li>
            <li>{t('industry.colIpc')}</li>
            <li>{t('industry.colKeywords')}</li>
          </ul>
        </div>
        <Flex vertical gap={4} style={{ maxWidth: 520 }}>
          <label htmlFor="industry-source">{t('industry.source')}</label>
          <Input id="industry-source" value={source} onChange={(e) => setSource(e.target.value)} maxLength={200} disabled={busy} />
        </Flex>
        <Alert type="warning" showIcon title={t('industry.replaceWarning')} />
        <div>
          <Upload
            accept=".csv,.txt"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={busy}>
              {t('industry.chooseCsv')}
            </Button>
          </Upload>
        </div>
        {problems && (
          <Alert
            type="error"
            showIcon
            title={t('industry.problemsTitle', { n: problems.length })}
            description={
              <ul className="xz-problem-list">
                {problems.slice(0, 20).map((p) => (
                  <li key={p.line}>{t('industry.problemLine', { line: p.line, reason: p.reason })}</li>
                ))}
              </ul>
            }
          />
        )}
      </Flex>
    </Card>
  );
}

export default function IndustriesPage() {
  const t = useT();
  const { can } = useSession();
  const compact = useCompact();
  const canRead = can('registry.read');
  const mapping = useQuery({ queryKey: ['industries'], queryFn: industriesApi.get, enabled: canRead });
  const m = mapping.data;

  return (
    <>
      <PageHeader title={t('nav.industries')} subtitle={t('industry.subtitle')} />
      {canRead && m?.isDemo && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('industry.demoTitle')} description={t('industry.demoHint')} />}
      {canRead && (
        <Card title={t('industry.tableTitle')} className="xz-card">
          {mapping.isError ? (
            <LoadError error={mapping.error} onRetry={() => mapping.refetch()} />
          ) : (
            <>
              {m && (
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  style={{ marginBottom: 12 }}
                  items={[
                    { key: 'source', label: t('industry.source'), children: m.source ?? '—' },
                    { key: 'at', label: t('industry.importedAt'), children: formatDateTime(m.importedAt) },
                    {
                      key: 'n',
                      label: t('industry.size'),
                      children: t('industry.sizeText', { n: m.industries.length, p: formatNumber(m.industries.reduce((s, i) => s + i.prefixes.length, 0)) }),
                    },
                  ]}
                />
              )}
              <Table<Industry>
                rowKey="code"
                size="middle"
                loading={mapping.isLoading}
                dataSource={m?.industries ?? []}
                scroll={{ x: 760 }}
                pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                locale={{ emptyText: <EmptyState description={t('industry.empty')} /> }}
                columns={[
                  { title: t('industry.code'), dataIndex: 'code', width: 110, fixed: compact ? undefined : 'left', render: (c: string) => <span className="xz-mono">{c}</span> },
                  { title: t('industry.name'), dataIndex: 'name', width: 220 },
                  {
                    title: t('industry.ipc'),
                    dataIndex: 'prefixes',
                    render: (ps: string[]) => (
                      <Space size={[4, 4]} wrap>
                        {ps.slice(0, PREFIXES_SHOWN).map((p) => (
                          <Tag key={p} className="xz-mono">
                            {p}
                          </Tag>
                        ))}
                        {ps.length > PREFIXES_SHOWN && <Typography.Text type="secondary">{t('industry.morePrefixes', { n: ps.length - PREFIXES_SHOWN })}</Typography.Text>}
                      </Space>
                    ),
                  },
                ]}
              />
              <p className="xz-footnote">{t('industry.keywordsNote')}</p>
            </>
          )}
        </Card>
      )}
      {!canRead && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('industry.adminOnly')} />}
      {can('registry.reference') && <ImportCard />}
    </>
  );
}
