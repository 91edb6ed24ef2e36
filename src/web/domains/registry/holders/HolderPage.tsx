import { AimOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { HolderDetail, HolderView } from '../../../app/api-types';
import { holdersApi } from '../../../app/endpoints';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { codeLabel } from '../../../app/labels';
import { useSession } from '../../../app/session';
import { EChart } from '../../../app/ui/EChart';
import { LinkButton } from '../../../app/ui/LinkButton';
import { EmptyState } from '../../../app/ui/States';
import { useAreaName } from '../common/areas';
import { AreaSourceTag, holderKindName, legalStatusName, patentTypeName } from '../common/labels';
import { RecordHeader, RecordPending } from '../common/RecordParts';
import { AssignAreaModal } from './AssignAreaModal';
import { HolderRights } from './HolderRights';

const PATENT_COLOR = '#1d4ed8';
const TRADEMARK_COLOR = '#13a8a8';

/** Patents and trademarks filed each year, stacked. */
function HolderYearChart({ h }: { h: HolderDetail }) {
  const { t, lang } = useI18n();
  // Every year from the first filing to the last, quiet years as 0.
  const years = useMemo(() => {
    const by = new Map(h.byYear.map((y) => [y.year, y]));
    const list = h.byYear.map((y) => y.year);
    const out: HolderDetail['byYear'] = [];
    if (list.length === 0) return out;
    for (let y = Math.min(...list); y <= Math.max(...list); y++) out.push(by.get(y) ?? { year: y, patents: 0, trademarks: 0 });
    return out;
  }, [h.byYear]);
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 8, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('holder.patents'), type: 'bar', stack: 'r', barMaxWidth: 28, itemStyle: { color: PATENT_COLOR }, data: years.map((y) => y.patents) },
        { name: t('holder.trademarks'), type: 'bar', stack: 'r', barMaxWidth: 28, itemStyle: { color: TRADEMARK_COLOR, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.5)' } }, data: years.map((y) => y.trademarks) },
      ],
    }),
    [years, t],
  );
  const sep = lang === 'zh' ? '；' : '; ';
  const label = t('holder.chartAria', {
    list: h.byYear.map((y) => t('holder.chartYear', { year: y.year, patents: y.patents, trademarks: y.trademarks })).join(sep),
  });
  return <EChart option={option} height={240} label={label} />;
}

export default function HolderPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { can } = useSession();
  const valid = /^\d{1,12}$/.test(id);
  const areaName = useAreaName();
  const [assigning, setAssigning] = useState<HolderView | null>(null);
  const holder = useQuery({ queryKey: ['holder', id], queryFn: () => holdersApi.get(Number(id)), enabled: valid });

  if (!valid || holder.isError || !holder.data) return <RecordPending query={holder} valid={valid} backTo="/registry/holders" backLabel={t('holder.backToList')} />;
  const h = holder.data;
  const canAssign = can('registry.curate') && (h.areaSource === 'unresolved' || h.areaSource === 'outside' || h.areaSource === 'manual');

  return (
    <>
      <RecordHeader
        title={h.name}
        back="/registry/holders"
        tags={<Tag color="blue">{holderKindName(t, h.kind)}</Tag>}
        isDemo={h.isDemo}
        extra={
          <>
            {can('registry.curate') && h.areaSource === 'unresolved' && (
              <Button type="primary" icon={<AimOutlined />} onClick={() => setAssigning(h)}>
                {t('holder.assign')}
              </Button>
            )}
            {h.patents > 0 && (
              <LinkButton to={`/registry/patents?holder=${h.id}`}>{t('holder.searchPatents')}</LinkButton>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('holder.basics')} className="xz-card" style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('holder.name'), children: h.name },
                { key: 'kind', label: t('holder.kind'), children: holderKindName(t, h.kind) },
                { key: 'uscc', label: t('holder.uscc'), children: h.uscc ? <span className="xz-mono">{h.uscc}</span> : '—' },
                { key: 'address', label: t('holder.address'), children: h.address ?? '—' },
                {
                  key: 'area',
                  label: t('reg.area'),
                  children: (
                    <Space size={4} wrap>
                      {h.areaCode ? areaName(h.areaCode, h.areaName) : h.areaSource === 'outside' ? t('holder.outsideCity') : t('reg.noArea')}
                      {canAssign && h.areaSource !== 'unresolved' && (
                        <Button type="link" size="small" onClick={() => setAssigning(h)}>
                          {t('holder.reassign')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
                {
                  key: 'source',
                  label: t('holder.areaSource'),
                  children: (
                    <Space orientation="vertical" size={2}>
                      <AreaSourceTag source={h.areaSource} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {codeLabel(t, 'areaSourceHint', h.areaSource)}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('holder.counts')} className="xz-card" style={{ height: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={8}>
                <Statistic title={t('holder.patents')} value={h.patents} groupSeparator="," />
              </Col>
              <Col xs={8}>
                <Statistic title={t('holder.trademarks')} value={h.trademarks} groupSeparator="," />
              </Col>
              <Col xs={8}>
                <Statistic title={t('holder.giUses')} value={h.giUses} groupSeparator="," />
              </Col>
            </Row>
            {h.byType.length > 0 && (
              <div className="xz-breakdown">
                <Typography.Text type="secondary">{t('holder.byType')}</Typography.Text>
                <Space size={[4, 4]} wrap>
                  {h.byType.map((x) => (
                    <Tag key={x.type}>
                      {patentTypeName(t, x.type)} <span className="xz-num">{formatNumber(x.count)}</span>
                    </Tag>
                  ))}
                </Space>
              </div>
            )}
            {h.byStatus.length > 0 && (
              <div className="xz-breakdown">
                <Typography.Text type="secondary">{t('holder.byStatus')}</Typography.Text>
                <Space size={[4, 4]} wrap>
                  {h.byStatus.map((x) => (
                    <Tag key={x.status}>
                      {legalStatusName(t, x.status)} <span className="xz-num">{formatNumber(x.count)}</span>
                    </Tag>
                  ))}
                </Space>
              </div>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('holder.byYear')} className="xz-card">
            {h.byYear.length > 0 ? <HolderYearChart h={h} /> : <EmptyState description={t('holder.noYears')} />}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('holder.rightsTitle')} className="xz-card">
            <HolderRights holderId={h.id} patents={h.patents} trademarks={h.trademarks} />
          </Card>
        </Col>
      </Row>
      <AssignAreaModal holder={assigning} onClose={() => setAssigning(null)} />
    </>
  );
}
