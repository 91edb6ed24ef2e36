import { Card, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { AreaView } from '../../app/api-types';
import { useI18n } from '../../app/i18n';
import { areaKindName } from '../../app/labels';
import { useSession } from '../../app/session';
import { useCompact } from '../../app/ui/responsive';
import { PageHeader } from '../../app/ui/PageHeader';
import { LoadError } from '../../app/ui/States';
import { areaLabel } from './areaText';
import { EstimateFootnote, PopulationValue } from './PopulationCell';
import { useAreas } from './queries';

const KIND_COLOR: Record<AreaView['kind'], string> = { city: 'geekblue', district: 'blue', county: 'cyan', zone: 'purple' };

export default function AreaListPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const areas = useAreas();
  const byCode = useMemo(() => new Map((areas.data ?? []).map((a) => [a.code, a])), [areas.data]);
  const canEdit = can('population.edit');
  const compact = useCompact();

  return (
    <>
      <PageHeader title={t('nav.areas')} subtitle={canEdit ? t('areas.subtitleEdit') : t('areas.subtitle')} />
      <Card>
        {areas.isError ? (
          <LoadError error={areas.error} onRetry={() => areas.refetch()} />
        ) : (
          <Table<AreaView>
            rowKey="code"
            loading={areas.isLoading}
            dataSource={areas.data ?? []}
            pagination={false}
            scroll={{ x: 1000 }}
            columns={[
              {
                title: t('areas.name'),
                dataIndex: 'name',
                fixed: compact ? undefined : 'left',
                width: compact ? 150 : 200,
                render: (_: unknown, a) => <Link to={`/areas/${encodeURIComponent(a.code)}`}>{areaLabel(a, lang)}</Link>,
              },
              { title: t('areas.latestPopulation'), key: 'pop', width: 160, align: 'right', render: (_: unknown, a) => <PopulationValue figure={a.latest} /> },
              { title: t('areas.year'), key: 'year', width: 70, render: (_: unknown, a) => a.latest?.year ?? '—' },
              { title: t('areas.kind'), dataIndex: 'kind', width: 120, render: (k: AreaView['kind']) => <Tag color={KIND_COLOR[k]}>{areaKindName(t, k)}</Tag> },
              { title: t('areas.code'), dataIndex: 'code', width: 110, // Zones carry an internal slug, not a GB/T 2260 code; show their statistical code if any.
                render: (c: string, a) => <span className="xz-mono">{a.kind === 'zone' ? (a.statCode ?? '—') : c}</span>,
              },
              { title: t('areas.parent'), dataIndex: 'parentCode', width: 100, render: (p: string | null) => (p && byCode.get(p) ? areaLabel(byCode.get(p)!, lang) : '—') },
              {
                title: t('areas.source'),
                key: 'source',
                ellipsis: true,
                render: (_: unknown, a) =>
                  a.latest ? (
                    <span title={a.latest.source}>{a.latest.source}</span>
                  ) : a.kind === 'zone' ? (
                    <Typography.Text type="secondary">{t('areas.zoneNoFigures')}</Typography.Text>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
        <EstimateFootnote />
      </Card>
    </>
  );
}
