import { CheckCircleFilled, ClockCircleOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Radio, Result, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { AREAS, CITY_CODE } from '../../../../../shared/validators/region';
import { isApiError } from '../../../../app/api';
import { errorText } from '../../../../app/errors';
import { formatDateTime } from '../../../../app/format';
import { useI18n } from '../../../../app/i18n';
import { LoadError } from '../../../../app/ui/States';
import { useChallenge } from '../../../protection/challenge';
import { PublicTitle } from '../../../protection/public/PublicTitle';
import { publicSurveyApi, type AnswerBody, type Answered, type PublicSurvey } from '../api';
import { likertLabels, respondentTypeName } from '../labels';
import './survey.css';

type Question = PublicSurvey['questions'][number];
interface Fields {
  respondentType?: string;
  areaCode?: string;
  a: Record<string, number | number[] | string | undefined>;
}

const fieldOf = (q: Question): ['a', string] => ['a', String(q.id)];

/** 满意度调查 on a phone: who and where first, then the questions; anonymous, one answer per device. */
export default function SurveyAnswerPage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  const survey = useQuery({ queryKey: ['public-survey', slug], queryFn: ({ signal }) => publicSurveyApi.get(slug, signal), retry: false });
  const [done, setDone] = useState<Answered | null>(null);
  const [closedNow, setClosedNow] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${survey.data?.title ?? t('sv.pub.title')} · ${t('app.name')}`;
  }, [survey.data?.title, t]);

  if (survey.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (survey.isError) {
    if (isApiError(survey.error) && survey.error.status === 404) return <Result status="404" title={t('sv.pub.notFound')} subTitle={t('sv.pub.notFoundHint')} />;
    return <LoadError error={survey.error} onRetry={() => survey.refetch()} />;
  }
  const s = survey.data as PublicSurvey;

  if (done) {
    return <Result status="success" icon={<CheckCircleFilled />} title={t('sv.pub.thanks')} subTitle={done.message[lang]} className="xz-survey-result" />;
  }
  if (closedNow) return <Result status="info" title={closedNow} className="xz-survey-result" />;
  if (s.alreadyAnswered) {
    return <Result status="success" title={t('sv.pub.already')} subTitle={t('sv.pub.alreadyHint')} className="xz-survey-result" />;
  }
  if (s.phase === 'not_open') {
    return <Result icon={<ClockCircleOutlined />} title={t('sv.pub.notOpen')} subTitle={t('sv.pub.opensAt', { time: formatDateTime(s.opensAt) })} className="xz-survey-result" />;
  }
  if (s.phase !== 'open') {
    return <Result icon={<LockOutlined />} title={s.title} subTitle={t('sv.pub.ended', { time: formatDateTime(s.closesAt) })} className="xz-survey-result" />;
  }
  return <SurveyForm survey={s} onDone={setDone} onClosed={setClosedNow} />;
}

function SurveyForm({ survey, onDone, onClosed }: { survey: PublicSurvey; onDone: (a: Answered) => void; onClosed: (text: string) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Fields>();
  const challenge = useChallenge();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const areaOptions = useMemo(() => {
    const list = AREAS.filter((a) => a.code !== CITY_CODE);
    const opt = (a: (typeof list)[number]) => ({ value: a.code, label: lang === 'zh' ? a.name : a.nameEn });
    return [
      { label: t('sv.pub.counties'), title: t('sv.pub.counties'), options: list.filter((a) => a.kind !== 'zone').map(opt) },
      { label: t('sv.pub.zones'), title: t('sv.pub.zones'), options: list.filter((a) => a.kind === 'zone').map(opt) },
    ];
  }, [lang, t]);

  const submit = async (v: Fields) => {
    setBusy(true);
    setProblem(null);
    try {
      const answers = survey.questions.flatMap((q): AnswerBody['answers'] => {
        const a = v.a?.[String(q.id)];
        if (a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0)) return [];
        if (q.kind === 'single') return [{ questionId: q.id, choice: a as number }];
        if (q.kind === 'multiple') return [{ questionId: q.id, choices: a as number[] }];
        if (q.kind === 'text') return [{ questionId: q.id, text: String(a) }];
        return [{ questionId: q.id, score: a as number }];
      });
      const proof = await challenge.take();
      onDone(await publicSurveyApi.answer(survey.slug, { respondentType: v.respondentType as AnswerType, areaCode: v.areaCode as string, answers, ...proof }));
    } catch (err) {
      void challenge.renew();
      if (isApiError(err) && err.status === 409) {
        onClosed(err.message);
        return;
      }
      const details = isApiError(err) && Array.isArray(err.details) ? (err.details as Array<{ questionId?: number }>) : [];
      const q = survey.questions.find((x) => x.id === details[0]?.questionId);
      if (q) {
        form.setFields([{ name: fieldOf(q), errors: [errorText(err, t('error.unexpected'))] }]);
        form.scrollToField(fieldOf(q), { block: 'center' });
      } else setProblem(errorText(err, t('error.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="xz-survey">
      <PublicTitle title={survey.title} intro={survey.intro} />
      <Alert type="info" showIcon icon={<LockOutlined />} className="xz-survey-privacy" message={t('sv.pub.privacy', { time: formatDateTime(survey.closesAt) })} />
      <Form<Fields>
        form={form}
        layout="vertical"
        size="large"
        requiredMark
        onFinish={submit}
        scrollToFirstError={{ block: 'center' }}
        initialValues={survey.respondentTypes.length === 1 ? { respondentType: survey.respondentTypes[0] } : undefined}
      >
        <Card className="xz-survey-card" title={t('sv.pub.aboutYou')}>
          <Form.Item name="respondentType" label={t('sv.pub.respondentType')} rules={[{ required: true, message: t('sv.pub.chooseType') }]}>
            <Radio.Group className="xz-survey-options" options={survey.respondentTypes.map((rt) => ({ value: rt, label: respondentTypeName(t, rt) }))} />
          </Form.Item>
          <Form.Item name="areaCode" label={t('sv.pub.area')} rules={[{ required: true, message: t('sv.pub.chooseArea') }]} style={{ marginBottom: 0 }}>
            <Select placeholder={t('sv.pub.areaPlaceholder')} options={areaOptions} showSearch={false} virtual={false} aria-label={t('sv.pub.area')} />
          </Form.Item>
        </Card>
        {survey.questions.map((q) => (
          <Card key={q.id} className="xz-survey-card">
            <QuestionField q={q} />
          </Card>
        ))}
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block icon={<SendOutlined />} loading={busy} className="xz-survey-submit">
          {t('sv.pub.submit')}
        </Button>
        <Typography.Paragraph type="secondary" className="xz-small" style={{ marginTop: 8, textAlign: 'center' }}>
          {t('sv.pub.oncePerDevice')}
        </Typography.Paragraph>
      </Form>
    </div>
  );
}

type AnswerType = 'enterprise' | 'individual' | 'agency' | 'other';

function QuestionField({ q }: { q: Question }) {
  const { t } = useI18n();
  const label = (
    <span className="xz-survey-q">
      <span className="xz-survey-seq">{q.seq}.</span> {q.text}
      {q.kind === 'multiple' && <Typography.Text type="secondary"> {t('sv.pub.multi')}</Typography.Text>}
    </span>
  );
  const rules = q.required ? [{ required: true, message: t('sv.pub.required') }] : [];
  const common = { name: fieldOf(q), label, rules, required: q.required, style: { marginBottom: 0 } };
  if (q.kind === 'single') return <Form.Item {...common}><Radio.Group className="xz-survey-options" options={q.options.map((o, i) => ({ value: i, label: o }))} /></Form.Item>;
  if (q.kind === 'multiple') return <Form.Item {...common}><Checkbox.Group className="xz-survey-options" options={q.options.map((o, i) => ({ value: i, label: o }))} /></Form.Item>;
  if (q.kind === 'text') return <Form.Item {...common}><Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('sv.pub.textPlaceholder')} /></Form.Item>;
  if (q.kind === 'likert5') {
    const labels = likertLabels(t);
    return (
      <Form.Item {...common}>
        <Radio.Group className="xz-survey-options" options={[5, 4, 3, 2, 1].map((v) => ({ value: v, label: `${labels[v - 1]}` }))} />
      </Form.Item>
    );
  }
  return (
    <Form.Item {...common} extra={<Flex justify="space-between" className="xz-small"><span>{t('sv.pub.scale0')}</span><span>{t('sv.pub.scale10')}</span></Flex>}>
      <Radio.Group className="xz-survey-scale" optionType="button" buttonStyle="solid" options={Array.from({ length: 11 }, (_, v) => ({ value: v, label: String(v) }))} />
    </Form.Item>
  );
}
