import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Card, Col, Descriptions, Popconfirm, Row, Skeleton, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { isNotFound } from '../../app/api';
import type { PopulationFigure } from '../../app/api-types';
import { useReportError } from '../../app/errors';
import { areasApi } from '../../app/endpoints';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { areaKindName } from '../../app/labels';
import { useSession } from '../../app/session';
import { PageHeader } from '../../app/ui/PageHeader';
import { useCompact } from '../../app/ui/responsive';
import { EmptyState, LoadError, RecordNotFound } from '../../app/ui/States';
import { areaLabel } from './areaText';
import { FigureModal } from './FigureModal';
import { EstimateFootnote, PopulationValue } from './PopulationCell';
import { PopulationLineChart } from './PopulationLineChart';
import { useAreas } from './queries';

export default function AreaDetailPage() {
  const { t, lang } = useI18n();
  const { code = '' } = useParams();
  const { can } = useSession();
  const { message } = AntdApp.useApp();
  const report = useReportError();
  const queryClient = useQueryClient();
  const area = useQuery({ queryKey: ['area', code], queryFn: () => areasApi.get(code) });
  const areas = useAreas();
  const compact = useCompact();
  const [editing, setEditing] = useState<{ figure: PopulationFigure | null } | null>(null);
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
  const remove = async (year: number) => {
    try {
      await areasApi.deleteFigure(code, year);
      message.success(t('pop.deleted'));
      refresh();
    } catch (e) {
      report(e);
    }
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
          <Card
            title={t('areas.history')}
            extra={
              canEdit && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ figure: null })}>
                  {t('pop.add')}
                </Button>
              )
            }
          >
            <Table<PopulationFigure>
              rowKey="year"
              dataSource={a.population}
              pagination={false}
              scroll={{ x: 860 }}
              locale={{ emptyText: <EmptyState description={canEdit ? t('areas.noFiguresEdit') : t('areas.noFigures')} /> }}
              columns={[
                { title: t('pop.year'), dataIndex: 'year', width: 80 },
                { title: t('pop.population'), key: 'pop', width: 170, align: 'right', render: (_: unknown, f) => <PopulationValue figure={f} /> },
                { title: t('pop.source'), dataIndex: 'source', render: (s: string) => s },
                { title: t('pop.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
                { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => <span className="xz-num">{formatDateTime(v)}</span> },
                ...(canEdit
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 160,
                        fixed: compact ? undefined : ('right' as const),
                        render: (_: unknown, f: PopulationFigure) => (
                          <Space size={0}>
                            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ figure: f })}>
                              {t('common.edit')}
                            </Button>
                            <Popconfirm
                              title={t('pop.deleteConfirm', { year: f.year })}
                              okText={t('common.delete')}
                              okButtonProps={{ danger: true }}
                              cancelText={t('common.cancel')}
                              onConfirm={() => remove(f.year)}
                            >
                              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                                {t('common.delete')}
                              </Button>
                            </Popconfirm>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <EstimateFootnote />
          </Card>
        </Col>
      </Row>
      <FigureModal
        open={editing !== null}
        areaCode={a.code}
        areaName={name}
        figure={editing?.figure ?? null}
        existingYears={a.population.map((f) => f.year)}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </>
  );
}
