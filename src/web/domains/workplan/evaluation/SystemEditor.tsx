import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { EVALUATION_SOURCES, NORMALISATIONS, checkSystem, type EvaluationDimension } from '../../../../shared/workplan/evaluation';
import { METRICS, METRIC_DEFINITIONS } from '../../../../shared/workplan/metrics';
import { useReportError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { evaluationApi, type EvaluationView } from './api';

interface FormValues {
  title: string;
  dimensions: EvaluationDimension[];
}

const newKey = (prefix: string) => `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
const sumOf = (xs: Array<{ weight?: number | null } | undefined> | undefined) => (xs ?? []).reduce((s, x) => s + (Number(x?.weight) || 0), 0);

function SumTag({ sum }: { sum: number }) {
  const { t } = useI18n();
  const ok = Math.abs(sum - 100) < 0.001;
  return <Tag color={ok ? 'success' : 'error'}>{t(ok ? 'eva.sumOk' : 'eva.sumBad', { sum: Math.round(sum * 100) / 100 })}</Tag>;
}

/** The index system as a tree of dimensions and indicators with weights; the city office edits it. */
export function SystemEditor({ year, data, onSaved }: { year: number; data: EvaluationView; onSaved: (v: EvaluationView) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const system = data.system!;
  const readOnly = !data.canManage;
  const dims = Form.useWatch('dimensions', form) as EvaluationDimension[] | undefined;

  useEffect(() => {
    if (!readOnly) form.setFieldsValue({ title: system.title, dimensions: system.dimensions as EvaluationDimension[] });
  }, [form, system, readOnly]);

  const problems = dims ? checkSystem(dims.filter(Boolean).map((d) => ({ ...d, indicators: (d.indicators ?? []).filter(Boolean) }))) : [];

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      onSaved(await evaluationApi.saveSystem(year, { title: v.title, dimensions: v.dimensions }));
      message.success(t('eva.systemSaved'));
    } catch (e) {
      report(e);
    } finally {
      setSaving(false);
    }
  };
  const useDefault = async () => {
    setSaving(true);
    try {
      onSaved(await evaluationApi.useDefault(year));
      message.success(t('eva.defaultUsed'));
    } catch (e) {
      report(e);
    } finally {
      setSaving(false);
    }
  };

  if (readOnly) return <SystemTable data={data} />;

  const metricOptions = METRICS.map((m) => ({ value: m, label: `${METRIC_DEFINITIONS[m].name[lang]}（${METRIC_DEFINITIONS[m].unit[lang]}${METRIC_DEFINITIONS[m].better === 'lower' ? `，${t('eva.lowerBetter')}` : ''}）` }));

  return (
    <Form form={form} layout="vertical" disabled={readOnly} requiredMark={!readOnly}>
      <Card size="small">
        <Row gutter={16} align="bottom">
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('eva.systemTitle')} rules={[{ required: true, max: 80 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Space wrap style={{ marginBottom: 24 }}>
              <span>{t('eva.dimensionSum')}</span>
              <SumTag sum={sumOf(dims)} />
              <Typography.Text type="secondary">
                {t('eva.updated', { at: formatDateTime(system.updatedAt), by: system.updatedBy ?? t('eva.system') })}
              </Typography.Text>
            </Space>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('eva.weightHint')}
        </Typography.Paragraph>
      </Card>
      <Form.List name="dimensions">
        {(dimFields, dimOps) => (
          <>
            {dimFields.map((df, di) => (
              <Card
                key={df.key}
                size="small"
                style={{ marginTop: 12 }}
                title={
                  <Space wrap>
                    <Form.Item name={[df.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[df.name, 'name']} noStyle rules={[{ required: true, max: 40 }]}>
                      <Input style={{ width: 200 }} aria-label={t('eva.dimensionName')} placeholder={t('eva.dimensionName')} />
                    </Form.Item>
                    <span>{t('eva.weight')}</span>
                    <Form.Item name={[df.name, 'weight']} noStyle rules={[{ required: true, type: 'number', min: 0, max: 100 }]}>
                      <InputNumber min={0} max={100} addonAfter="%" style={{ width: 110 }} aria-label={t('eva.dimensionWeight')} />
                    </Form.Item>
                    <span>{t('eva.indicatorSum')}</span>
                    <SumTag sum={sumOf(dims?.[di]?.indicators)} />
                  </Space>
                }
                extra={
                  !readOnly && (
                    <Popconfirm title={t('eva.removeDimension')} onConfirm={() => dimOps.remove(df.name)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('eva.removeDimension')} />
                    </Popconfirm>
                  )
                }
              >
                <Form.List name={[df.name, 'indicators']}>
                  {(indFields, indOps) => (
                    <>
                      {indFields.map((f) => {
                        const ind = dims?.[di]?.indicators?.[f.name];
                        return (
                          <Row key={f.key} gutter={8} align="top" className="xz-ev-ind-row">
                            <Form.Item name={[f.name, 'key']} hidden>
                              <Input />
                            </Form.Item>
                            <Col xs={24} md={5}>
                              <Form.Item name={[f.name, 'name']} label={t('eva.indicator')} rules={[{ required: true, max: 60 }]}>
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={3}>
                              <Form.Item name={[f.name, 'source']} label={t('eva.source')} rules={[{ required: true }]}>
                                <Select options={EVALUATION_SOURCES.map((s) => ({ value: s, label: t(`eva.source.${s}`) }))} />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={5}>
                              {ind?.source === 'metric' ? (
                                <Form.Item name={[f.name, 'metric']} label={t('eva.metric')} rules={[{ required: true }]}>
                                  <Select showSearch optionFilterProp="label" options={metricOptions} popupMatchSelectWidth={false} />
                                </Form.Item>
                              ) : ind?.source === 'manual' ? (
                                <Form.Item name={[f.name, 'better']} label={t('eva.better')}>
                                  <Select options={[{ value: 'higher', label: t('eva.higherBetter') }, { value: 'lower', label: t('eva.lowerBetter') }]} />
                                </Form.Item>
                              ) : (
                                <Form.Item label={t('eva.metric')}>
                                  <Typography.Text type="secondary">{t('eva.satisfactionNote')}</Typography.Text>
                                </Form.Item>
                              )}
                            </Col>
                            <Col xs={12} md={3}>
                              <Form.Item name={[f.name, 'method']} label={t('eva.method')} rules={[{ required: true }]}>
                                <Select options={NORMALISATIONS.map((m) => ({ value: m, label: t(`eva.method.${m}`) }))} />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={2}>
                              <Form.Item name={[f.name, 'benchmark']} label={t('eva.benchmark')} rules={ind?.method === 'benchmark' ? [{ required: true, type: 'number', min: 0.0001 }] : []}>
                                <InputNumber disabled={readOnly || ind?.method !== 'benchmark'} style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col xs={8} md={2}>
                              <Form.Item name={[f.name, 'unit']} label={t('eva.unit')}>
                                <Input maxLength={10} />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={3}>
                              <Form.Item name={[f.name, 'weight']} label={t('eva.weightInDim')} rules={[{ required: true, type: 'number', min: 0, max: 100 }]}>
                                <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col xs={4} md={1}>
                              {!readOnly && (
                                <Form.Item label=" ">
                                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('eva.removeIndicator')} onClick={() => indOps.remove(f.name)} />
                                </Form.Item>
                              )}
                            </Col>
                          </Row>
                        );
                      })}
                      {!readOnly && (
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => indOps.add({ key: newKey('ind'), name: '', weight: 0, source: 'manual', metric: null, better: 'higher', method: 'minmax', benchmark: null, unit: '' })}>
                          {t('eva.addIndicator')}
                        </Button>
                      )}
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            {!readOnly && (
              <Space style={{ marginTop: 12 }} wrap>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => dimOps.add({ key: newKey('dim'), name: '', weight: 0, indicators: [] })}>
                  {t('eva.addDimension')}
                </Button>
              </Space>
            )}
          </>
        )}
      </Form.List>
      {!readOnly && (
        <Card size="small" style={{ marginTop: 12 }}>
          {problems.length > 0 && (
            <Typography.Paragraph type="danger">
              {problems.map((p) => (
                <div key={p.field + p.message.zh}>{p.message[lang]}</div>
              ))}
            </Typography.Paragraph>
          )}
          <Space wrap>
            <Button type="primary" loading={saving} disabled={problems.length > 0} onClick={save}>
              {t('eva.saveSystem')}
            </Button>
            <Popconfirm title={t('eva.useDefaultConfirm')} onConfirm={useDefault}>
              <Button loading={saving}>{t('eva.useDefault')}</Button>
            </Popconfirm>
            <Typography.Text type="secondary">{t('eva.saveHint')}</Typography.Text>
          </Space>
        </Card>
      )}
    </Form>
  );
}

type TreeRow = { key: string; name: string; weight: number; ind?: EvaluationDimension['indicators'][number]; children?: TreeRow[] };

/** The system as a readable tree for those who do not edit it (leaders, auditors, county desks). */
function SystemTable({ data }: { data: EvaluationView }) {
  const { t, lang } = useI18n();
  const system = data.system!;
  const rows: TreeRow[] = (system.dimensions as EvaluationDimension[]).map((d) => ({
    key: d.key,
    name: d.name,
    weight: d.weight,
    children: d.indicators.map((i) => ({ key: i.key, name: i.name, weight: i.weight, ind: i })),
  }));
  return (
    <Card size="small" title={system.title} extra={<Typography.Text type="secondary">{t('eva.updated', { at: formatDateTime(system.updatedAt), by: system.updatedBy ?? t('eva.system') })}</Typography.Text>}>
      <Table<TreeRow>
        size="small"
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: `${t('eva.dimension')} / ${t('eva.indicator')}`, dataIndex: 'name', render: (v: string, r) => (r.ind ? v : <strong>{v}</strong>) },
          { title: t('eva.source'), width: 120, render: (_v, r) => (r.ind ? <Tag color={{ metric: 'blue', satisfaction: 'purple', manual: 'orange' }[r.ind.source]}>{t(`eva.source.${r.ind.source}`)}</Tag> : null) },
          {
            title: t('eva.metric'),
            render: (_v, r) =>
              r.ind?.source === 'metric' && r.ind.metric ? METRIC_DEFINITIONS[r.ind.metric as (typeof METRICS)[number]]?.name[lang] ?? r.ind.metric : r.ind?.source === 'satisfaction' ? t('eva.satisfactionNote') : null,
          },
          {
            title: t('eva.method'),
            width: 190,
            render: (_v, r) =>
              r.ind ? (
                <span>
                  {t(`eva.method.${r.ind.method}`)}
                  {r.ind.method === 'benchmark' && `（${r.ind.benchmark}${r.ind.unit}）`}
                  {r.ind.better === 'lower' && <Tag style={{ marginLeft: 4 }}>{t('eva.lowerBetter')}</Tag>}
                </span>
              ) : null,
          },
          { title: t('eva.weight'), width: 110, align: 'right', render: (_v, r) => (r.ind ? `${r.weight}%` : <strong>{r.weight}%</strong>) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('eva.weightHint')}
      </Typography.Paragraph>
    </Card>
  );
}
