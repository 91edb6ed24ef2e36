import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DIMENSIONS, QUESTION_KINDS, RESPONDENT_TYPES, choiceOptionsProblem, isLikert, type QuestionKind } from '../../../../shared/workplan/satisfaction';
import { applyFormErrors, useReportError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { surveyApi, type SurveyBody, type SurveyView } from './api';
import { dimensionName, questionKindName, respondentTypeName } from './labels';

interface QuestionFields {
  kind: QuestionKind;
  text: string;
  required: boolean;
  optionsText?: string;
  dimension?: string | null;
  weight?: number;
}

interface Fields {
  title: string;
  year: number;
  intro?: string;
  period: [Dayjs, Dayjs];
  respondentTypes: string[];
  weights: Record<string, number>;
  questions: QuestionFields[];
}

const isChoice = (k: QuestionKind) => k === 'single' || k === 'multiple';
const optionLines = (text: string | undefined) => (text ?? '').split('\n').map((o) => o.trim()).filter(Boolean);

function toFields(s: SurveyView): Fields {
  return {
    title: s.title,
    year: s.year,
    intro: s.intro,
    period: [dayjs(s.opensAt), dayjs(s.closesAt)],
    respondentTypes: s.respondentTypes,
    weights: Object.fromEntries(DIMENSIONS.map((d) => [d, s.dimensionWeights[d] ?? 0])),
    questions: s.questions.map((q) => ({ kind: q.kind, text: q.text, required: q.required, optionsText: q.options.join('\n'), dimension: q.dimension, weight: q.weight })),
  };
}

function toBody(v: Fields): SurveyBody {
  return {
    title: v.title,
    year: v.year,
    intro: v.intro ?? '',
    opensAt: v.period[0].toISOString(),
    closesAt: v.period[1].toISOString(),
    respondentTypes: v.respondentTypes as SurveyBody['respondentTypes'],
    dimensionWeights: Object.fromEntries(DIMENSIONS.map((d) => [d, v.weights?.[d] ?? 0])) as SurveyBody['dimensionWeights'],
    questions: (v.questions ?? []).map((q) => ({
      kind: q.kind,
      text: q.text,
      required: q.required,
      options: isChoice(q.kind) ? optionLines(q.optionsText) : [],
      dimension: isLikert(q.kind) ? ((q.dimension as SurveyBody['questions'][number]['dimension']) ?? null) : null,
      weight: q.weight ?? 1,
    })),
  };
}

/** The questionnaire editor of a draft: period, respondents, indicator weights and the questions in order. */
export function SurveyBuilder({ survey }: { survey: SurveyView }) {
  const { t, lang } = useI18n();
  const { message } = AntdApp.useApp();
  const [form] = Form.useForm<Fields>();
  const qc = useQueryClient();
  const reportError = useReportError();
  const save = useMutation({
    mutationFn: (v: Fields) => surveyApi.save(survey.id, toBody(v)),
    onSuccess: (s) => {
      qc.setQueryData(['survey', survey.id], s);
      void qc.invalidateQueries({ queryKey: ['surveys'] });
      message.success(t('sv.saved'));
    },
    onError: (err) => {
      if (!applyFormErrors(form, err, lang)) reportError(err);
    },
  });

  return (
    <Form<Fields> form={form} layout="vertical" initialValues={toFields(survey)} onFinish={(v) => save.mutate(v)} aria-label={t('sv.builder')}>
      <Card size="small" title={t('sv.basics')}>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('sv.title')} rules={[{ required: true, whitespace: true, max: 120 }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="year" label={t('sv.year')} rules={[{ required: true }]} extra={t('sv.yearHint')}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="intro" label={t('sv.intro')} extra={t('sv.introHint')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="period" label={t('sv.period')} rules={[{ required: true }]} extra={t('sv.periodHint')}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="respondentTypes" label={t('sv.respondentTypes')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Checkbox.Group options={RESPONDENT_TYPES.map((rt) => ({ value: rt, label: respondentTypeName(t, rt) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('sv.weights')}</Typography.Text>
        <Typography.Paragraph type="secondary" className="xz-small">
          {t('sv.weightsHint')}
        </Typography.Paragraph>
        <Flex wrap gap={16}>
          {DIMENSIONS.map((d) => (
            <Form.Item key={d} name={['weights', d]} label={dimensionName(lang, d)} style={{ marginBottom: 8 }}>
              <InputNumber min={0} max={100} step={0.05} style={{ width: 110 }} />
            </Form.Item>
          ))}
        </Flex>
      </Card>

      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <Card size="small" title={t('sv.questions', { n: fields.length })} style={{ marginTop: 16 }}>
            {fields.length === 0 && <Typography.Paragraph type="secondary">{t('sv.noQuestions')}</Typography.Paragraph>}
            {fields.map((f, i) => (
              <Card key={f.key} size="small" type="inner" className="xz-survey-builder-q" title={t('sv.questionN', { n: i + 1 })}
                extra={
                  <Space size={4}>
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('sv.moveUp')} />
                    <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('sv.moveDown')} />
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={t('sv.removeQuestion')} />
                  </Space>
                }
                style={{ marginBottom: 12 }}
              >
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[f.name, 'kind']} label={t('sv.kind')} rules={[{ required: true }]}>
                      <Select options={QUESTION_KINDS.map((k) => ({ value: k, label: questionKindName(t, k) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={15}>
                    <Form.Item name={[f.name, 'text']} label={t('sv.questionText')} rules={[{ required: true, whitespace: true, max: 300 }]}>
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={3}>
                    <Form.Item name={[f.name, 'required']} label={t('sv.required')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item noStyle shouldUpdate={(a, b) => a.questions?.[f.name]?.kind !== b.questions?.[f.name]?.kind}>
                  {({ getFieldValue }) => {
                    const kind = getFieldValue(['questions', f.name, 'kind']) as QuestionKind;
                    if (isChoice(kind)) {
                      return (
                        <Form.Item
                          name={[f.name, 'optionsText']}
                          label={t('sv.options')}
                          extra={t('sv.optionsHint')}
                          required
                          rules={[
                            {
                              // The server's rule, checked here so the mistake is marked at the field.
                              validator: async (_r, v: string | undefined) => {
                                const problem = choiceOptionsProblem(optionLines(v));
                                if (problem) throw new Error(t(problem === 'too_few' ? 'sv.optionsTooFew' : 'sv.optionsRepeat'));
                              },
                            },
                          ]}
                        >
                          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
                        </Form.Item>
                      );
                    }
                    if (isLikert(kind)) {
                      return (
                        <Row gutter={12}>
                          <Col xs={24} md={12}>
                            <Form.Item name={[f.name, 'dimension']} label={t('sv.dimension')} extra={t('sv.dimensionHint')}>
                              <Select allowClear placeholder={t('sv.noDimension')} options={DIMENSIONS.map((d) => ({ value: d, label: dimensionName(lang, d) }))} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={12}>
                            <Form.Item name={[f.name, 'weight']} label={t('sv.weight')}>
                              <InputNumber min={0.1} max={100} step={0.5} />
                            </Form.Item>
                          </Col>
                        </Row>
                      );
                    }
                    return null;
                  }}
                </Form.Item>
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'likert5', text: '', required: true, weight: 1, dimension: null })}>
              {t('sv.addQuestion')}
            </Button>
          </Card>
        )}
      </Form.List>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
          {t('sv.save')}
        </Button>
      </Flex>
    </Form>
  );
}
