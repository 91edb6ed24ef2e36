import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type Reply, type TestApp } from '../../../../../test/support/app';
import { proof } from '../../../../../test/support/protection';
import { satisfactionIndexByArea } from './service';

const YEAR = 2030;
const HYPERLINK = '=HYPERLINK("http://evil.example","点我")';

/** A small questionnaire whose results are worked out by hand below. */
const fixture = {
  title: '测试满意度调查',
  year: YEAR,
  intro: '测试用问卷',
  opensAt: '2026-11-25T00:00:00+08:00',
  closesAt: '2026-12-10T00:00:00+08:00',
  respondentTypes: ['enterprise', 'individual', 'agency', 'other'],
  dimensionWeights: { law_policy: 0.6, enforcement: 0, mechanism: 0, awareness: 0, effect: 0.4 },
  questions: [
    { kind: 'single', text: '您的身份', options: ['甲', '乙'] },
    { kind: 'multiple', text: '了解途径', options: ['A', 'B', 'C'], required: false },
    { kind: 'likert5', text: '政策满意度', dimension: 'law_policy', weight: 1 },
    { kind: 'likert5', text: '政策落实满意度', dimension: 'law_policy', weight: 3 },
    { kind: 'likert10', text: '总体评价', dimension: 'effect', weight: 1 },
    { kind: 'text', text: '意见建议', required: false },
  ],
};

const cookieOf = (res: Reply) => res.cookies.find((c) => c.name === 'xz_survey');

describe('satisfaction survey', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let leader: Agent;
  let id: number;
  let slug: string;
  let qids: number[];

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    city = await t.as('city');
    gushi = await t.as('gushi');
    leader = await t.as('leader');
  });
  afterAll(() => t.close());

  /** Answers as a phone would: a fresh proof of work, and the device cookie when it has one. */
  async function answer(body: { type?: string; area: string; a: Array<Record<string, unknown>> }, cookie?: string): Promise<Reply> {
    const visitor = t.agent();
    return visitor.post(
      `/api/public/surveys/${slug}/responses`,
      { respondentType: body.type ?? 'enterprise', areaCode: body.area, answers: body.a, ...(await proof(visitor)) },
      cookie ? { cookie: `xz_survey=${cookie}` } : {},
    );
  }
  const q = (i: number) => qids[i] as number;

  it('builds a questionnaire in draft, publishes it, then refuses edits and a second publish', async () => {
    const created = await city.post('/api/workplan/surveys', fixture);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ status: 'draft', phase: 'draft', actions: expect.arrayContaining(['edit', 'publish']) });
    id = created.data.id;
    slug = created.data.slug;
    qids = created.data.questions.map((x: { id: number }) => x.id);
    expect(created.data.questions.map((x: { seq: number }) => x.seq)).toEqual([1, 2, 3, 4, 5, 6]);

    // A draft is not public yet.
    expect((await t.agent().get(`/api/public/surveys/${slug}`)).statusCode).toBe(404);
    // County desks and leaders cannot build surveys.
    expect((await gushi.post('/api/workplan/surveys', fixture)).statusCode).toBe(403);
    expect((await leader.post('/api/workplan/surveys', fixture)).statusCode).toBe(403);
    // A choice question without options is refused naming the field.
    const bad = await city.post('/api/workplan/surveys', { ...fixture, questions: [{ kind: 'single', text: '无选项' }] });
    expect(bad.statusCode).toBe(400);

    const edited = await city.put(`/api/workplan/surveys/${id}`, { ...fixture, intro: '修改后的说明' });
    expect(edited.statusCode, edited.body).toBe(200);
    qids = edited.data.questions.map((x: { id: number }) => x.id);

    const pub = await city.post(`/api/workplan/surveys/${id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.data).toMatchObject({ status: 'published', phase: 'open', publicPath: `/public/survey/${slug}`, actions: ['close', 'results'] });
    expect((await city.put(`/api/workplan/surveys/${id}`, fixture)).statusCode).toBe(409);
    expect((await city.post(`/api/workplan/surveys/${id}/publish`)).statusCode).toBe(409);
    const audit = await t.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'survey' AND target_id = $1 ORDER BY id", [String(id)]);
    expect(audit.map((a) => a.action)).toEqual(['survey.create', 'survey.update', 'survey.publish']);
  });

  it('takes anonymous answers, one per device, and names the question it refuses', async () => {
    const page = await t.agent().get(`/api/public/surveys/${slug}`);
    expect(page.data).toMatchObject({ phase: 'open', alreadyAnswered: false, intro: '修改后的说明' });
    expect(page.data.questions).toHaveLength(6);
    expect(page.data.questions[2]).not.toHaveProperty('weight');

    const missing = await answer({ area: '411525', a: [{ questionId: q(2), score: 5 }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error.message).toContain('第 1 题「您的身份」为必答题');
    const outOfRange = await answer({ area: '411525', a: [{ questionId: q(0), choice: 0 }, { questionId: q(2), score: 6 }, { questionId: q(3), score: 4 }, { questionId: q(4), score: 8 }] });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.data.error.message).toContain('第 3 题');
    expect((await answer({ area: '411500', a: [] })).statusCode).toBe(400);

    const a = await answer({
      area: '411525',
      a: [{ questionId: q(0), choice: 0 }, { questionId: q(1), choices: [2, 0] }, { questionId: q(2), score: 5 }, { questionId: q(3), score: 4 }, { questionId: q(4), score: 8 }, { questionId: q(5), text: HYPERLINK }],
    });
    expect(a.statusCode, a.body).toBe(201);
    const cookie = cookieOf(a);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const device = cookie?.value as string;

    // The same device again: refused kindly, and the page says so before the form.
    const again = await answer({ area: '411525', a: [{ questionId: q(0), choice: 1 }, { questionId: q(2), score: 1 }, { questionId: q(3), score: 1 }, { questionId: q(4), score: 0 }] }, device);
    expect(again.statusCode).toBe(409);
    expect(again.data.error).toMatchObject({ code: 'conflict', details: { reason: 'already_answered' } });
    expect(again.data.error.message).toContain('您已提交过');
    const seen = await t.agent().get(`/api/public/surveys/${slug}`, { cookie: `xz_survey=${device}` });
    expect(seen.data).toMatchObject({ alreadyAnswered: true, questions: [] });

    // Other devices answer.
    const b = await answer({ type: 'individual', area: '411525', a: [{ questionId: q(0), choice: 1 }, { questionId: q(2), score: 3 }, { questionId: q(3), score: 2 }, { questionId: q(4), score: 6 }] });
    expect(b.statusCode, b.body).toBe(201);
    const c = await answer({ area: '411502', a: [{ questionId: q(0), choice: 0 }, { questionId: q(1), choices: [1] }, { questionId: q(2), score: 4 }, { questionId: q(3), score: 5 }, { questionId: q(4), score: 10 }] });
    expect(c.statusCode, c.body).toBe(201);

    // Nothing that could name a respondent is kept: no IP in the audit row, only hashes of the cookie.
    const rows = await t.db.query<{ ip: string | null; actor_id: string | null }>("SELECT ip, actor_id FROM audit_log WHERE action = 'survey.respond' AND target_id = $1", [String(id)]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.ip === null && r.actor_id === null)).toBe(true);
    const stored = await t.db.query<{ device_hash: string }>('SELECT device_hash FROM survey_responses WHERE survey_id = $1', [id]);
    expect(stored.some((r) => r.device_hash.includes(device))).toBe(false);
  });

  it('computes the index per county, respondent type and the city by the published formula', async () => {
    const res = await city.get(`/api/workplan/surveys/${id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.data;
    // Q3 answers 5,3,4 → 100,50,75; Q4 4,2,5 → 75,25,100; Q5 (0–10) 8,6,10 → 80,60,100.
    // 固始: law = (1×75 + 3×50) ÷ 4 = 56.25, effect 70 → 0.6×56.25 + 0.4×70 = 61.75.
    // 浉河: law = (75 + 3×100) ÷ 4 = 93.75, effect 100 → 96.25.
    // City: Q4 mean 11/3 → 66.67; law = (75 + 200) ÷ 4 = 68.75, effect 80 → 41.25 + 32 = 73.25.
    expect(r.city).toMatchObject({ responses: 3, index: 73.25, dimensions: { law_policy: 68.75, effect: 80, enforcement: null } });
    const gushiRow = r.byArea.find((a: { areaCode: string }) => a.areaCode === '411525');
    expect(gushiRow).toMatchObject({ areaName: '固始县', responses: 2, index: 61.75, dimensions: { law_policy: 56.25, effect: 70 }, byType: { enterprise: 1, individual: 1, agency: 0 } });
    expect(r.byArea.find((a: { areaCode: string }) => a.areaCode === '411502')).toMatchObject({ responses: 1, index: 96.25 });
    expect(r.byArea.find((a: { areaCode: string }) => a.areaCode === '411528')).toMatchObject({ responses: 0, index: null });
    // Enterprises (A, C): law 87.5, effect 90 → 88.5; individuals (B): law 31.25, effect 60 → 42.75.
    expect(r.byType.find((x: { type: string }) => x.type === 'enterprise')).toMatchObject({ responses: 2, index: 88.5 });
    expect(r.byType.find((x: { type: string }) => x.type === 'individual')).toMatchObject({ responses: 1, index: 42.75 });

    const [q1, q2, q3, q4] = r.questions;
    expect(q1.choices).toEqual([{ label: '甲', n: 2 }, { label: '乙', n: 1 }]);
    expect(q2).toMatchObject({ answered: 2, choices: [{ label: 'A', n: 1 }, { label: 'B', n: 1 }, { label: 'C', n: 1 }] });
    expect(q3).toMatchObject({ mean: 4, mean100: 75, scale: [{ value: 1, n: 0 }, { value: 2, n: 0 }, { value: 3, n: 1 }, { value: 4, n: 1 }, { value: 5, n: 1 }] });
    expect(q4).toMatchObject({ mean: 3.67, mean100: 66.67 });
    expect(r.texts).toEqual([expect.objectContaining({ body: HYPERLINK, areaName: '固始县', respondentType: 'enterprise' })]);
    expect(r.national.overall).toContainEqual({ year: 2024, value: 82.36 });
    expect(r.national.dimensions2024.law_policy).toBe(83.84);

    // What the assessment reads: the same numbers per area.
    const byArea = await satisfactionIndexByArea(t.ctx, YEAR);
    expect(byArea.get('411525')).toEqual({ value: 61.75, responses: 2, surveyId: id });
    expect(byArea.get('411502')).toEqual({ value: 96.25, responses: 1, surveyId: id });
    expect(byArea.get('411500')).toEqual({ value: 73.25, responses: 3, surveyId: id });
    expect(byArea.get('411528')).toEqual({ value: null, responses: 0, surveyId: id });
    expect((await satisfactionIndexByArea(t.ctx, 2031)).get('411500')).toEqual({ value: null, responses: 0, surveyId: null });

    // A county desk sees its own county and the city's index, not the other counties.
    const own = await gushi.get(`/api/workplan/surveys/${id}/results`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.data.scopeArea).toBe('411525');
    expect(own.data.byArea.map((a: { areaCode: string }) => a.areaCode)).toEqual(['411525']);
    expect(own.data.city.index).toBe(73.25);
    expect(own.data.questions[0].choices).toEqual([{ label: '甲', n: 1 }, { label: '乙', n: 1 }]);
    // Leaders read results.
    expect((await leader.get(`/api/workplan/surveys/${id}/results`)).statusCode).toBe(200);
  });

  it('exports answers with formula-like cells neutralised', async () => {
    const csv = await city.get(`/api/workplan/surveys/${id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv.body.split('\r\n')[1]).toContain('固始县');

    const xlsx = await city.get(`/api/workplan/surveys/${id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const index = book.getWorksheet('满意度指数');
    expect(index?.getRow(2).values).toEqual(expect.arrayContaining(['信阳市（全市）', 3, 73.25]));
    const answers = book.getWorksheet('答卷');
    const texts: string[] = [];
    answers?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain(`'${HYPERLINK}`);
    expect(texts.some((v) => v.startsWith('='))).toBe(false);
    const exports = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'survey.export' AND target_id = $1", [String(id)]);
    expect(exports[0]?.n).toBe(2);

    const png = await city.get(`/api/workplan/surveys/${id}/qr?format=png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const svg = await city.get(`/api/workplan/surveys/${id}/qr?format=svg`);
    expect(svg.body).toContain('<svg');
  });

  it('refuses answers outside the period and after closing', async () => {
    const later = await city.post('/api/workplan/surveys', { ...fixture, title: '下月开始的调查', opensAt: '2026-12-20T00:00:00+08:00', closesAt: '2027-01-20T00:00:00+08:00' });
    await city.post(`/api/workplan/surveys/${later.data.id}/publish`);
    const notYet = await t.agent().get(`/api/public/surveys/${later.data.slug}`);
    expect(notYet.data).toMatchObject({ phase: 'not_open', questions: [] });
    const visitor = t.agent();
    const early = await visitor.post(`/api/public/surveys/${later.data.slug}/responses`, { respondentType: 'other', areaCode: '411502', answers: [], ...(await proof(visitor)) });
    expect(early.statusCode).toBe(409);
    expect(early.data.error.details).toEqual({ reason: 'not_open' });

    t.clock.set(new Date('2026-12-10T00:00:01+08:00'));
    city = await t.as('city');
    expect((await t.agent().get(`/api/public/surveys/${slug}`)).data.phase).toBe('ended');
    const late = await answer({ area: '411502', a: [{ questionId: q(0), choice: 0 }, { questionId: q(2), score: 4 }, { questionId: q(3), score: 5 }, { questionId: q(4), score: 10 }] });
    expect(late.statusCode).toBe(409);
    expect(late.data.error.details).toEqual({ reason: 'ended' });
    expect(late.data.error.message).toContain('已结束');

    const closed = await city.post(`/api/workplan/surveys/${id}/close`);
    expect(closed.data).toMatchObject({ status: 'closed', phase: 'closed' });
    expect((await city.post(`/api/workplan/surveys/${id}/close`)).statusCode).toBe(409);
    // Closed surveys still feed the assessment.
    expect((await satisfactionIndexByArea(t.ctx, YEAR)).get('411500')?.value).toBe(73.25);
  });

  it('ships a CNIPA-style questionnaire with the five first-level indicators, and demo answers', async () => {
    const made = await city.post('/api/workplan/surveys/template', { year: 2031 });
    expect(made.statusCode, made.body).toBe(201);
    const dims = new Set(made.data.questions.map((x: { dimension: string | null }) => x.dimension).filter(Boolean));
    expect([...dims].sort()).toEqual(['awareness', 'effect', 'enforcement', 'law_policy', 'mechanism']);
    expect(made.data.title).toBe('2031年度信阳市知识产权保护社会满意度调查');

    const demo = (await city.get('/api/workplan/surveys')).data.items.find((s: { isDemo: boolean }) => s.isDemo);
    expect(demo).toMatchObject({ slug: `${demo.year}-manyidu`, status: 'published', responses: 200 });
    const idx = await satisfactionIndexByArea(t.ctx, demo.year);
    expect(idx.get('411500')?.responses).toBe(200);
    expect(idx.get('411500')?.value).toBeGreaterThan(50);
  });

  it('starts a blank draft in this year in China, open for a month from the server clock', async () => {
    t.clock.set(new Date('2027-12-31T17:00:00Z')); // 2028-01-01 01:00 in Xinyang
    const officer = await t.as('city'); // the jump ended the earlier session
    const made = await officer.post('/api/workplan/surveys/template', { blank: true });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.data).toMatchObject({ year: 2028, status: 'draft', questions: [], title: '2028年度信阳市知识产权保护社会满意度调查' });
    expect(new Date(made.data.opensAt).toISOString()).toBe('2027-12-31T17:00:00.000Z');
    expect(new Date(made.data.closesAt).toISOString()).toBe('2028-01-30T17:00:00.000Z');
  });
});

describe('survey rate limit', () => {
  it('limits answers per IP address', async () => {
    const t = await createTestApp({ env: { XINZHI_PUBLIC_RATE_LIMIT: '1' } });
    try {
      const visitor = t.agent();
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await visitor.post('/api/public/surveys/2026-manyidu/responses', { respondentType: 'other', areaCode: '411502', answers: [] })).statusCode);
      expect(codes.slice(0, 3).every((c) => c === 400)).toBe(true);
      expect(codes[3]).toBe(429);
    } finally {
      await t.close();
    }
  });
});
