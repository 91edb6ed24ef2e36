import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../app/api';
import { areasApi } from '../../app/endpoints';
import { useI18n } from '../../app/i18n';
import { areaKindName } from '../../app/labels';
import { useSession } from '../../app/session';
import { PageHeader } from '../../app/ui/PageHeader';
import { EmptyState, LoadError, RecordNotFound } from '../../app/ui/States';
import { areaLabel } from './areaText';
import { MARKET_ENTITIES, POPULATION } from './figures';
import { FigureTable } from './FigureTable';
import { FigureValue, PopulationValue } from './PopulationCell';
import { PopulationLineChart } from './PopulationLineChart';
import { useAreas } from './queries';

export default function AreaDetailPage() {
  const { t, lang } = useI18n();
  const { code = '' } = useParams();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const area = useQuery({ queryKey: ['area', code], queryFn: () => areasApi.get(code) });
  const areas = useAreas();
  const parent = useMemo(() => areas.data?.find((a) => a.code === area.data?.parentCode), [areas.data, area.data]);

  if (area.isError && isNotFound(area.error)) return <RecordNotFound backTo="/areas" backLabel={t('areas.backToList')} />;
  if (area.isError) return <LoadError error={area.error} onRetry={() => area.refetch()} />;
  if (!area.data) return <Skeleton active />;

  const a = area.data;
  const name = areaLabel(a, lang);
  const canEdit = can('population.edit') && a.inScope;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['area', code] });
    void queryClient.invalidateQueries({ queryKey: ['areas'] });
  };

  return (
    <>
      <PageHeader title={name} back="/areas" tags={<Tag color="blue">{areaKindName(t, a.kind)}</Tag>} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={t('areas.basics')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('areas.name'), children: lang === 'zh' ? `${a.name}（${a.nameEn}）` : `${a.nameEn} (${a.name})` },
                { key: 'code', label: t('areas.code'), children: <span className="xz-mono">{a.code}</span> },
                ...(a.statCode ? [{ key: 'stat', label: t('areas.statCode'), children: <span className="xz-mono">{a.statCode}</span> }] : []),
                { key: 'parent', label: t('areas.parent'), children: parent ? areaLabel(parent, lang) : '—' },
                { key: 'latest', label: t('areas.latestPopulation'), children: <PopulationValue figure={a.latest} /> },
                { key: 'entities', label: t('ent.latest'), children: <FigureValue value={a.marketEntities[0]?.entities} isEstimate={a.marketEntities[0]?.isEstimate} /> },
                { key: 'scope', label: t('areas.editable'), children: canEdit ? <Tag color="green">{t('areas.inScope')}</Tag> : <Tag>{t('areas.readOnly')}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('areas.trend')}>
            {a.population.length > 0 ? (
              <PopulationLineChart figures={a.population} label={t('areas.trendAria', { name })} />
            ) : (
              <EmptyState description={canEdit ? t('areas.noFiguresEdit') : a.kind === 'zone' ? t('areas.zoneNoFigures') : t('areas.noFigures')} />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <FigureTable kind={POPULATION} title={t('areas.history')} area={{ code: a.code, name }} figures={a.population} canEdit={canEdit} onChanged={refresh} />
        </Col>
        <Col span={24}>
          <FigureTable
            kind={MARKET_ENTITIES}
            title={t('ent.title')}
            description={t('ent.purpose')}
            area={{ code: a.code, name }}
            figures={a.marketEntities}
            canEdit={canEdit}
            onChanged={refresh}
          />
        </Col>
      </Row>
    </>
  );
}
