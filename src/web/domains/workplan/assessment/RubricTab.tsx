import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { INDICATOR_KINDS, INDICATOR_SOURCES, SCORING_RULES } from '../../../../shared/workplan/assessment';
import { METRICS, METRIC_DEFINITIONS } from '../../../../shared/workplan/metrics';
import { AREAS, CITY_CODE } from '../../../../shared/validators/region';
import { ApiError } from '../../../app/api';
import { useReportError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { assessmentApi, type IndicatorBody, type IndicatorView, type RubricBody, type RubricView } from './api';
import { ruleText } from './IndicatorInputs';
import { GradeTag, kindName, pts, ruleName, sourceName } from './labels';

const AREA_OPTIONS = AREAS.filter((a) => a.code !== CITY_CODE).map((a) => ({ value: a.code, label: a.name }));

type FormIndicator = Omit<IndicatorBody, 'targets'> & { targetList?: Array<{ area: string; target: number }> };
interface FormValues {
  title: string;
  grades: { excellent: number; good: number; pass: number };
  indicators: FormIndicator[];
}

const toForm = (year: number, d: RubricView | null): FormValues => ({
  title: d?.title ?? `${year}年度县区知识产权工作考核`,
  grades: {
    excellent: d?.grades.find((g) => g.grade === 'excellent')?.min ?? 90,
    good: d?.grades.find((g) => g.grade === 'good')?.min ?? 80,
    pass: d?.grades.find((g) => g.grade === 'pass')?.min ?? 60,
  },
  indicators: (d?.indicators ?? []).map((i) => ({
    id: i.id,
    kind: i.kind,
    dimension: i.dimension,
    name: i.name,
    points: i.points,
    source: i.source,
    metric: (i.metric ?? undefined) as IndicatorBody['metric'],
    rule: i.rule,
    target: i.target ?? undefined,
    bands: i.bands,
    targetList: Object.entries(i.targets).map(([area, target]) => ({ area, target })),
    evidence: i.evidence || undefined,
  })),
});

const toBody = (v: FormValues): RubricBody => ({
  title: v.title,
  grades: v.grades,
  indicators: v.indicators.map(({ targetList, ...i }) => {
    const manual = i.kind !== 'score' || i.source === 'manual';
    return {
      ...i,
      source: i.kind !== 'score' ? 'manual' : i.source,
      rule: manual ? 'manual' : i.rule,
      metric: i.source === 'metric' && i.kind === 'score' ? i.metric : undefined,
      target: !manual && i.rule === 'ratio' ? i.target : undefined,
      bands: !manual && i.rule === 'thresholds' ? i.bands : undefined,
      targets: !manual && i.rule === 'ratio' && targetList?.length ? Object.fromEntries(targetList.map((x) => [x.area, x.target])) : undefined,
    };
  }),
});

/** The rubric as a table (everyone), and for the city office an editor of the indicator tree. */
export function RubricTab({ year, data, onSaved }: { year: number; data: RubricView | null; onSaved: (v: RubricView) => void }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(data === null);
  if (editing) return <RubricEditor year={year} data={data} onSaved={(v) => { setEditing(false); onSaved(v); }} onCancel={data ? () => setEditing(false) : undefined} />;
  if (!data) return null;
  const scoreSum = data.weightsSum;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'w', label: t('asm.weightsSum'), children: <Typography.Text type={scoreSum === 100 ? 'success' : 'danger'}>{t('asm.weightsSumValue', { sum: pts(scoreSum) })}</Typography.Text> },
            {
              key: 'g',
              label: t('asm.grades'),
              children: (
                <Space wrap>
                  {data.grades.map((g) => (
                    <span key={g.grade}>
                      <GradeTag grade={g.grade} />
                      {g.grade === 'fail' ? t('asm.below', { min: data.grades.find((x) => x.grade === 'pass')?.min ?? 60 }) : `≥ ${g.min}`}
                    </span>
                  ))}
                </Space>
              ),
            },
            ...(data.copiedFrom ? [{ key: 'c', label: t('asm.copiedFrom'), children: t('asm.yearLabel', { year: data.copiedFrom }) }] : []),
          ]}
        />
      </Card>
      {data.actions.includes('edit') && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('asm.editRubric')}
        </Button>
      )}
      <Table<IndicatorView>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={data.indicators}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('asm.seq'), dataIndex: 'seq', width: 56 },
          { title: t('asm.dimension'), dataIndex: 'dimension', width: 120 },
          { title: t('asm.indicator'), dataIndex: 'name', render: (n: string, i) => (i.kind === 'score' ? n : <Space><Tag color={i.kind === 'bonus' ? 'green' : 'red'}>{kindName(t, i.kind)}</Tag>{n}</Space>) },
          { title: t('asm.pointsCol'), dataIndex: 'points', width: 90, align: 'right', render: (p: number, i) => (i.kind === 'score' ? pts(p) : t('asm.capOf', { points: pts(p) })) },
          { title: t('asm.sourceCol'), key: 'source', width: 200, render: (_: unknown, i) => `${sourceName(t, i.source)}${i.metricName ? `：${i.metricName[lang]}` : ''}` },
          {
            title: t('asm.ruleCol'),
            key: 'rule',
            width: 300,
            render: (_: unknown, i) => (
              <Space direction="vertical" size={0}>
                <span>{`${ruleName(t, i.rule)}：${ruleText(t, i)}`}</span>
                {Object.keys(i.targets).length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('asm.areaTargets')}：{Object.entries(i.targets).map(([a, v]) => `${AREA_OPTIONS.find((o) => o.value === a)?.label ?? a} ${pts(v)}`).join('，')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('asm.evidence'), dataIndex: 'evidence', width: 180, render: (e: string) => e || '—' },
        ]}
      />
    </Space>
  );
}

function RubricEditor({ year, data, onSaved, onCancel }: { year: number; data: RubricView | null; onSaved: (v: RubricView) => void; onCancel?: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const report = useReportError();
  const [saving, setSaving] = useState(false);
  const indicators = Form.useWatch('indicators', form) as FormIndicator[] | undefined;
  const sum = Math.round((indicators ?? []).filter((i) => i?.kind === 'score').reduce((s, i) => s + (Number(i?.points) || 0), 0) * 100) / 100;

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      onSaved(await assessmentApi.save(year, toBody(v)));
      message.success(t('asm.savedOk'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const fields = (e.details as Array<{ field?: string }> | undefined)?.map((d) => d.field).filter(Boolean).join('，');
        message.error(`${e.message}${fields ? `（${fields}）` : ''}`);
      } else report(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={toForm(year, data)} requiredMark>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="title" label={t('asm.rubricTitle')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
        </Col>
        {(['excellent', 'good', 'pass'] as const).map((g) => (
          <Col xs={8} md={4} key={g}>
            <Form.Item name={['grades', g]} label={t('asm.gradeMin', { grade: t(`asm.grade.${g}`) })} rules={[{ required: true }]}>
              <InputNumber min={0} max={200} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Alert type={sum === 100 ? 'success' : 'warning'} showIcon style={{ marginBottom: 12 }} message={t('asm.weightsNow', { sum })} description={sum === 100 ? undefined : t('asm.weightsMust')} />
      <Form.List name="indicators">
        {(fields, { add, remove, move }) => (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {fields.map((f, n) => {
              const cur = indicators?.[n];
              const kind = cur?.kind ?? 'score';
              const source = cur?.source ?? 'metric';
              const rule = cur?.rule ?? 'ratio';
              const scored = kind === 'score';
              return (
                <Card
                  key={f.key}
                  size="small"
                  title={`${n + 1}. ${cur?.name ?? ''}`}
                  extra={
                    <Space>
                      <Button size="small" disabled={n === 0} onClick={() => move(n, n - 1)}>
                        ↑
                      </Button>
                      <Button size="small" disabled={n === fields.length - 1} onClick={() => move(n, n + 1)}>
                        ↓
                      </Button>
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(n)} aria-label={t('asm.removeIndicator')} />
                    </Space>
                  }
                >
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'kind']} label={t('asm.kindCol')} rules={[{ required: true }]}>
                        <Select options={INDICATOR_KINDS.map((k) => ({ value: k, label: kindName(t, k) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[f.name, 'dimension']} label={t('asm.dimension')} rules={[{ required: true, max: 50 }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={11}>
                      <Form.Item name={[f.name, 'name']} label={t('asm.indicator')} rules={[{ required: true, max: 100 }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'points']} label={scored ? t('asm.pointsCol') : t('asm.cap')} rules={[{ required: true }]}>
                        <InputNumber min={0.5} max={100} step={0.5} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  {scored && (
                    <Row gutter={12}>
                      <Col xs={12} md={5}>
                        <Form.Item name={[f.name, 'source']} label={t('asm.sourceCol')} rules={[{ required: true }]}>
                          <Select options={INDICATOR_SOURCES.map((s) => ({ value: s, label: sourceName(t, s) }))} />
                        </Form.Item>
                      </Col>
                      {source === 'metric' && (
                        <Col xs={24} md={9}>
                          <Form.Item name={[f.name, 'metric']} label={t('asm.metric')} rules={[{ required: true, message: t('asm.metricRequired') }]}>
                            <Select showSearch optionFilterProp="label" options={METRICS.map((m) => ({ value: m, label: `${METRIC_DEFINITIONS[m].name[lang]}（${METRIC_DEFINITIONS[m].unit[lang]}${METRIC_DEFINITIONS[m].better === 'lower' ? `，${t('asm.lowerBetter')}` : ''}）` }))} />
                          </Form.Item>
                        </Col>
                      )}
                      {source !== 'manual' && (
                        <Col xs={12} md={4}>
                          <Form.Item name={[f.name, 'rule']} label={t('asm.ruleCol')} rules={[{ required: true }]}>
                            <Select options={SCORING_RULES.filter((r) => r !== 'manual').map((r) => ({ value: r, label: ruleName(t, r) }))} />
                          </Form.Item>
                        </Col>
                      )}
                      {source !== 'manual' && rule === 'ratio' && (
                        <Col xs={12} md={4}>
                          <Form.Item name={[f.name, 'target']} label={t('asm.target')} rules={[{ required: true, message: t('asm.targetRequired') }]}>
                            <InputNumber min={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                      )}
                    </Row>
                  )}
                  {scored && source !== 'manual' && rule === 'ratio' && (
                    <Form.List name={[f.name, 'targetList']}>
                      {(tf, { add: addT, remove: removeT }) => (
                        <Space wrap style={{ marginBottom: 8 }}>
                          <Typography.Text type="secondary">{t('asm.areaTargets')}：</Typography.Text>
                          {tf.map((x) => (
                            <Space.Compact key={x.key}>
                              <Form.Item name={[x.name, 'area']} noStyle rules={[{ required: true }]}>
                                <Select style={{ width: 150 }} options={AREA_OPTIONS} />
                              </Form.Item>
                              <Form.Item name={[x.name, 'target']} noStyle rules={[{ required: true }]}>
                                <InputNumber min={0} style={{ width: 90 }} />
                              </Form.Item>
                              <Button icon={<DeleteOutlined />} onClick={() => removeT(x.name)} aria-label={t('asm.remove')} />
                            </Space.Compact>
                          ))}
                          <Button size="small" icon={<PlusOutlined />} onClick={() => addT({})}>
                            {t('asm.addAreaTarget')}
                          </Button>
                        </Space>
                      )}
                    </Form.List>
                  )}
                  {scored && source !== 'manual' && rule === 'thresholds' && (
                    <Form.List name={[f.name, 'bands']}>
                      {(bf, { add: addB, remove: removeB }) => (
                        <Space wrap style={{ marginBottom: 8 }}>
                          <Typography.Text type="secondary">{t('asm.bands')}：</Typography.Text>
                          {bf.map((x) => (
                            <Space.Compact key={x.key}>
                              <Form.Item name={[x.name, 'bound']} noStyle rules={[{ required: true }]}>
                                <InputNumber min={0} addonBefore={cur?.metric && METRIC_DEFINITIONS[cur.metric]?.better === 'lower' ? '≤' : '≥'} style={{ width: 120 }} />
                              </Form.Item>
                              <Form.Item name={[x.name, 'points']} noStyle rules={[{ required: true }]}>
                                <InputNumber min={0} addonAfter={t('asm.pointsUnit')} style={{ width: 110 }} />
                              </Form.Item>
                              <Button icon={<DeleteOutlined />} onClick={() => removeB(x.name)} aria-label={t('asm.remove')} />
                            </Space.Compact>
                          ))}
                          <Button size="small" icon={<PlusOutlined />} onClick={() => addB({})}>
                            {t('asm.addBand')}
                          </Button>
                        </Space>
                      )}
                    </Form.List>
                  )}
                  <Form.Item name={[f.name, 'evidence']} label={t('asm.evidence')} style={{ marginBottom: 0 }}>
                    <Input maxLength={500} placeholder={t('asm.evidenceHint')} />
                  </Form.Item>
                </Card>
              );
            })}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'score', source: 'metric', rule: 'ratio', points: 10 })}>
                {t('asm.addIndicator')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'bonus', source: 'manual', rule: 'manual', dimension: t('asm.kind.bonus'), points: 5 })}>
                {t('asm.addBonus')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'deduction', source: 'manual', rule: 'manual', dimension: t('asm.kind.deduction'), points: 5 })}>
                {t('asm.addDeduction')}
              </Button>
            </Space>
          </Space>
        )}
      </Form.List>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={saving} onClick={save}>
          {t('asm.saveRubric')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </Space>
    </Form>
  );
}
