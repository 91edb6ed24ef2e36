import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, InputNumber, Modal, Progress, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { drillHref } from '../../../shared/insight/drill';
import { INDICATORS, INDICATOR_DEFINITIONS, type IndicatorCode } from '../../../shared/insight/indicators';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useSession, useUser } from '../../app/session';
import { FilterBar } from '../../app/ui/FilterBar';
import { YearSelect, useYearParam } from '../../app/ui/YearSelect';
import { PageHeader } from '../../app/ui/PageHeader';
import { ReportButton } from './reports/ReportButton';
import { CITY_CODE } from '../../../shared/validators/region';
import { LoadError } from '../../app/ui/States';
import { insightApi, type IndicatorTable, type IndicatorValue } from './api';
import { indicatorText } from './format';

type AreaRow = IndicatorTable['areas'][number];

/** Every indicator by area for a year, with formulas, denominators, targets and progress. */
export default function IndicatorsPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const cityWide = useUser().areaScope === CITY_CODE;
  const { year, setYear } = useYearParam();
  const result = useQuery({ queryKey: ['insight-indicators', year], queryFn: ({ signal }) => insightApi.indicators(year, signal), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<{ area: AreaRow; indicator: IndicatorCode } | null>(null);
  const data = result.data;
  const areaName = (a: AreaRow) => (lang === 'zh' ? a.name : a.nameEn);

  const cell = (a: AreaRow, code: IndicatorCode) => {
    const v = a.values[code];
    const def = INDICATOR_DEFINITIONS[code];
    return (
      <div className="xz-ind-cell">
        <Link to={drillHref(v.drill)} aria-label={`${areaName(a)} ${def.name[lang]} ${year}`}>
          {indicatorText(v.value, def, lang)}
        </Link>
        {def.per && <Denominator v={v} />}
        {v.target !== null && (
          <Tooltip title={`${t('ins.target')} ${indicatorText(v.target, def, lang)}`}>
            <Progress percent={Math.round((v.progress ?? 0) * 100)} size="small" status={(v.progress ?? 0) >= 1 ? 'success' : 'normal'} />
          </Tooltip>
        )}
        {can('insight.targets') && (
          <Button type="link" size="small" icon={<EditOutlined />} aria-label={`${t('ins.setTarget')}: ${areaName(a)} ${def.name[lang]}`} onClick={() => setEditing({ area: a, indicator: code })} />
        )}
      </div>
    );
  };

  return (
    <>
      <PageHeader title={t('ins.indicatorsTitle')} subtitle={t('ins.indicatorsSubtitle')} extra={cityWide ? <ReportButton body={{ kind: 'yearly', year }} /> : undefined} />
      <FilterBar>
        <Form.Item label={t('ins.year')}>
          <YearSelect year={year} onChange={setYear} span={20} />
        </Form.Item>
      </FilterBar>
      {result.isError ? (
        <LoadError error={result.error} onRetry={() => result.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <Card size="small">
            <Table<AreaRow>
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: 1500 }}
              dataSource={data.areas}
              columns={[
                { title: t('ins.area'), fixed: 'left', width: 150, render: (_v, a) => (a.kind === 'city' ? <strong>{areaName(a)}</strong> : areaName(a)) },
                ...INDICATORS.map((code) => ({
                  key: code,
                  title: (
                    <Tooltip title={`${t('ins.formula')}：${INDICATOR_DEFINITIONS[code].formula[lang]}`}>
                      <span>
                        {INDICATOR_DEFINITIONS[code].name[lang]}
                        <br />
                        <Typography.Text type="secondary">（{INDICATOR_DEFINITIONS[code].unit[lang]}）</Typography.Text>
                      </span>
                    </Tooltip>
                  ),
                  align: 'right' as const,
                  width: 150,
                  render: (_v: unknown, a: AreaRow) => cell(a, code),
                })),
              ]}
            />
            <Typography.Paragraph type="secondary" className="xz-dash-note">
              {t('ins.populationNote')}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={t('ins.definitions')} className="xz-dash-defs">
            <Descriptions
              column={1}
              size="small"
              bordered
              items={data.definitions.map((d) => ({
                key: d.code,
                label: d.name[lang],
                children: (
                  <>
                    <div>
                      <strong>{t('ins.formula')}：</strong>
                      {d.formula[lang]}
                    </div>
                    <div>
                      <strong>{t('ins.rule')}：</strong>
                      {d.rule[lang]}
                    </div>
                  </>
                ),
              }))}
            />
          </Card>
        </>
      )}
      {editing && data && <TargetModal year={year} area={editing.area} indicator={editing.indicator} onClose={() => setEditing(null)} />}
    </>
  );
}

function Denominator({ v }: { v: IndicatorValue }) {
  const { t } = useI18n();
  if (!v.denominator) return <Typography.Text type="secondary" className="xz-ind-den">{t('ins.noFigure')}</Typography.Text>;
  return (
    <Tooltip title={v.denominator.source}>
      <Typography.Text type="secondary" className="xz-ind-den">
        {t('ins.count')} {formatNumber(v.count)} / {formatNumber(v.denominator.value)}（{v.denominator.year}）
        {v.denominator.isEstimate && <Tag className="xz-tag-inline">{t('ins.estimate')}</Tag>}
      </Typography.Text>
    </Tooltip>
  );
}

function TargetModal({ year, area, indicator, onClose }: { year: number; area: AreaRow; indicator: IndicatorCode; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const current = area.values[indicator].target;
  const [value, setValue] = useState<number | null>(current);
  const [busy, setBusy] = useState(false);
  const def = INDICATOR_DEFINITIONS[indicator];
  const done = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['insight-indicators'] });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('ins.targetFor', { area: lang === 'zh' ? area.name : area.nameEn, year, indicator: def.name[lang] })}
      okText={t('common.save')}
      okButtonProps={{ disabled: value === null, loading: busy }}
      onOk={() => value !== null && done(() => insightApi.saveTarget(indicator, area.code, year, { target: value }))}
      onCancel={onClose}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {current !== null && (
            <Button danger disabled={busy} onClick={() => done(() => insightApi.deleteTarget(indicator, area.code, year))}>
              {t('ins.removeTarget')}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Form layout="vertical">
        <Form.Item label={`${t('ins.target')}（${def.unit[lang]}）`}>
          <InputNumber autoFocus min={0} step={def.digits ? 0.1 : 1} precision={def.digits} value={value} onChange={(v) => setValue(v)} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
