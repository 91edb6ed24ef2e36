import { createHmac } from 'node:crypto';
import { yearInChina } from '../../../../shared/registry/normalise';
import { seededRng, type Rng } from '../../../../shared/random';
import { AREAS, CITY_CODE } from '../../../../shared/validators';
import { isLikert, type RespondentType } from '../../../../shared/workplan/satisfaction';
import type { AppContext } from '../../../context';
import * as sql from './queries';
import { templateBody } from './service';

/** The demo survey's public link, easy to type from a poster. */
export const DEMO_SURVEY_SLUG = (year: number) => `${year}-manyidu`;
const DEMO_RESPONSES = 200;

const SUGGESTIONS = [
  '希望加大对茶叶市场假冒“信阳毛尖”地理标志的查处力度。',
  '建议在县里设立知识产权维权服务站，企业咨询更方便。',
  '专利资助申报流程可以再简化一些。',
  '希望多举办面向中小企业的商标、专利培训。',
  '侵权纠纷调解效率有提高，希望继续保持。',
  '电商平台上的侵权商品处理速度还需要加快。',
  '建议公开更多行政执法典型案例，起到警示作用。',
  '知识产权质押融资政策宣传还不够，很多企业不了解。',
];

// Demo counties differ a little, so that the chart by county shows something to compare.
const AREA_LEAN: Record<string, number> = { '411502': 0.35, '411503': 0.3, '411525': 0.25, '411526': 0.2, '411521': 0.1, '411524': 0.05, '411522': 0, '411523': -0.05, '411527': -0.1, '411528': -0.15 };
const TYPES: readonly RespondentType[] = ['enterprise', 'enterprise', 'enterprise', 'individual', 'individual', 'individual', 'individual', 'agency', 'other'];

function likertAnswer(rng: Rng, lean: number): number {
  // Mostly 比较满意 / 非常满意, near the national results (about 80 of 100).
  const r = rng.next() + lean * 0.3;
  if (r < 0.02) return 1;
  if (r < 0.05) return 2;
  if (r < 0.17) return 3;
  if (r < 0.55) return 4;
  return 5;
}

/**
 * The current year's survey, published from the CNIPA-style template, with deterministic synthetic
 * answers (is_demo) spread over the counties and respondent types.
 */
export async function seedSurveyDemo(ctx: AppContext, seed: number): Promise<{ surveyResponses: number }> {
  const rng = seededRng(seed + 17);
  const now = ctx.clock.now();
  const year = yearInChina(now.getTime());
  const opens = new Date(now.getTime() - 20 * 86_400_000);
  const closes = new Date(now.getTime() + 40 * 86_400_000);
  const body = templateBody(year, now);
  const areas = AREAS.filter((a) => a.code !== CITY_CODE).map((a) => a.code);
  // Counties answer more than the small zones.
  const weighted = areas.flatMap((c) => (c in AREA_LEAN ? [c, c, c] : [c]));
  return ctx.db.tx(async (tx) => {
    const { id } = await sql.insertSurvey(
      tx,
      { slug: DEMO_SURVEY_SLUG(year), year, title: body.title, intro: body.intro, opensAt: opens, closesAt: closes, respondentTypes: body.respondentTypes, dimensionWeights: body.dimensionWeights ?? {} },
      null,
      opens,
      true,
    );
    await sql.replaceQuestions(tx, id, body.questions);
    await sql.setStatus(tx, id, 'published', opens);
    const questions = await sql.questionsOf(tx, id);
    const answers: sql.AnswerFields[] = [];
    for (let i = 0; i < DEMO_RESPONSES; i++) {
      const area = rng.pick(weighted);
      const type = rng.pick(TYPES);
      const lean = (AREA_LEAN[area] ?? 0) + (type === 'agency' ? 0.1 : 0);
      const at = new Date(opens.getTime() + Math.floor(rng.next() * (now.getTime() - opens.getTime())));
      const device = createHmac('sha256', ctx.keyFor('survey-device')).update(`${id}:demo-${i}`).digest('base64url');
      const r = await sql.insertResponse(tx, id, type, area, device, at, true);
      if (!r) continue;
      for (const q of questions) {
        const row = { response_id: r.id, question_id: q.id, option_index: null, score: null, body: null };
        if (q.kind === 'single') answers.push({ ...row, option_index: type === 'agency' ? 1 : rng.int(0, q.options.length - 1) });
        else if (q.kind === 'multiple') {
          const picked = q.options.map((_, k) => k).filter(() => rng.next() < 0.35);
          for (const k of picked) answers.push({ ...row, option_index: k });
        } else if (isLikert(q.kind)) answers.push({ ...row, score: likertAnswer(rng, lean) });
        else if (rng.next() < 0.15) answers.push({ ...row, body: rng.pick(SUGGESTIONS) });
      }
    }
    await sql.insertAnswers(tx, answers);
    return { surveyResponses: DEMO_RESPONSES };
  });
}
