import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { computeAssessment, type AssessmentInputs } from '../../../../shared/workplan/assessment';
import { checkPublished } from './service';

// A year the demo data leaves empty, so every input below is the fixture's.
const Y = 2019;
const base = '/api/workplan/assessment';
const GUSHI = '411525';
const SHIHE = '411502';
const XIXIAN = '411528';

/**
 * The fixture rubric (100 points) and, per area, what it should score:
 *   1 办结调解案件数 (metric mediation_closed, ratio, target 4; 固始 target 2)          30
 *   2 调解平均办理天数 (metric mediation_average_days, lower is better; ≤30→20, ≤60→12, ≤90→6) 20
 *   3 工作方案任务完成率 (plan, ratio, target 100)                                     30
 *   4 特色工作 (manual)                                                               20
 *   加分 国家级试点示范 (cap 5), 扣分 工作失误 (cap 5)
 */
const rubric = (over: Record<string, unknown> = {}) => ({
  title: `${Y}年度知识产权工作考核`,
  grades: { excellent: 90, good: 80, pass: 60 },
  indicators: [
    { kind: 'score', dimension: '维权调解', name: '办结调解案件数', points: 30, source: 'metric', metric: 'mediation_closed', rule: 'ratio', target: 4, targets: { [GUSHI]: 2 }, evidence: '案件办结文书' },
    { kind: 'score', dimension: '维权调解', name: '调解平均办理天数', points: 20, source: 'metric', metric: 'mediation_average_days', rule: 'thresholds', bands: [{ bound: 30, points: 20 }, { bound: 60, points: 12 }, { bound: 90, points: 6 }] },
    { kind: 'score', dimension: '工作方案', name: '工作方案任务完成率', points: 30, source: 'plan', rule: 'ratio', target: 100 },
    { kind: 'score', dimension: '工作创新', name: '特色工作', points: 20, source: 'manual', rule: 'manual', evidence: '工作总结、媒体报道' },
    { kind: 'bonus', dimension: '加分项', name: '国家级试点示范', points: 5, source: 'manual', rule: 'manual' },
    { kind: 'deduction', dimension: '扣分项', name: '工作失误', points: 5, source: 'manual', rule: 'manual' },
  ],
  ...over,
});

describe('workplan assessment', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;
  let leader: Agent;
  let court: Agent;
  let openCase: number;
  let seq = 9000;

  /** A mediation case of the area received and (unless open) closed on the given days of Y. */
  const mediation = async (area: string, received: string, closed: string | null) => {
    const [row] = await t.db.query<{ id: number }>(
      `INSERT INTO mediation_cases (ref_year, ref_seq, source, kind, right_kind, claims, facts, area_code, area_source, status, outcome, received_at, assign_due, closed_at, updated_at)
       VALUES ($1, $2, 'officer', 'mediation', 'trademark', '停止侵权', '考核测试案件', $3, 'chosen', $4, $5, $6::timestamptz, $6::date + 5, $7::timestamptz, now()) RETURNING id::int AS id`,
      [Y, seq++, area, closed ? 'closed' : 'in_mediation', closed ? 'not_settled' : null, `${received}T10:00:00+08:00`, closed ? `${closed}T10:00:00+08:00` : null],
    );
    return (row as { id: number }).id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    [city, gushi, leader, court] = await Promise.all([t.as('city'), t.as('gushi'), t.as('leader'), t.as('court')]);
    // 固始: 3 closed cases of 20, 30 and 40 days (mean 30); 浉河: 50 and 70 days (mean 60) and one
    // still open; 息县: one of 100 days. Nobody else closed a case in the year.
    await mediation(GUSHI, '2019-03-01', '2019-03-21');
    await mediation(GUSHI, '2019-04-01', '2019-05-01');
    await mediation(GUSHI, '2019-05-01', '2019-06-10');
    await mediation(SHIHE, '2019-03-01', '2019-04-20');
    await mediation(SHIHE, '2019-05-01', '2019-07-10');
    await mediation(XIXIAN, '2019-01-10', '2019-04-20');
    openCase = await mediation(SHIHE, '2019-11-20', null);
    // The year's plan: 固始 completed 3 of 4 assignments (75 %), 浉河 2 of 2 (100 %).
    const [plan] = await t.db.query<{ id: number }>(
      `INSERT INTO workplan_plans (year, title, issuer, status, created_at, updated_at) VALUES ($1, '考核测试工作方案', '信阳市知识产权局', 'issued', now(), now()) RETURNING id::int AS id`,
      [Y],
    );
    const [task] = await t.db.query<{ id: number }>(`INSERT INTO workplan_tasks (plan_id, seq, title, created_at, updated_at) VALUES ($1, 1, '加强知识产权保护', now(), now()) RETURNING id::int AS id`, [plan?.id]);
    const desk = async (area: string) => (await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE kind = 'area_desk' AND area_code = $1`, [area]))[0]?.id;
    const assign = async (area: string, n: number, done: boolean) =>
      t.db.query(
        `INSERT INTO workplan_assignments (task_id, org_id, area_code, title, due_date, status, percent, completed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, '2019-12-31', $5, $6, $7::timestamptz, now(), now())`,
        [task?.id, await desk(area), area, `考核测试任务 ${n}`, done ? 'completed' : 'in_progress', done ? 100 : 50, done ? '2019-11-30T10:00:00+08:00' : null],
      );
    for (const [n, done] of [true, true, true, false].entries()) await assign(GUSHI, n, done);
    for (const n of [0, 1]) await assign(SHIHE, n, true);
  });
  afterAll(() => t.close());

  const indicatorIds = async () => Object.fromEntries(((await city.get(`${base}/${Y}`)).data.indicators as Array<{ name: string; id: number }>).map((i) => [i.name, i.id]));

  it('refuses a bad rubric field by field; only the city office configures it; partners cannot read', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ grades: { excellent: 80, good: 90, pass: 60 } }, 'grades'],
      [{ indicators: [{ kind: 'score', dimension: '维权', name: '无目标', points: 100, source: 'metric', metric: 'mediation_closed', rule: 'ratio' }] }, 'target'],
      [{ indicators: [{ kind: 'score', dimension: '维权', name: '无指标', points: 100, source: 'metric', rule: 'ratio', target: 3 }] }, 'metric'],
      [{ indicators: [{ kind: 'score', dimension: '维权', name: '未知指标', points: 100, source: 'metric', metric: 'no_such', rule: 'ratio', target: 3 }] }, 'metric'],
      [{ indicators: [{ kind: 'bonus', dimension: '加分', name: '加分', points: 5, source: 'metric', metric: 'mediation_closed', rule: 'ratio', target: 1 }] }, 'source'],
      [{ indicators: [{ kind: 'score', dimension: '维权', name: '档次', points: 10, source: 'plan', rule: 'thresholds', bands: [{ bound: 50, points: 20 }] }] }, 'bands'],
    ];
    for (const [over, field] of bad) {
      const res = await city.put(`${base}/${Y}`, rubric(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(JSON.stringify(res.data.error.details), JSON.stringify(over)).toContain(field);
    }
    expect((await city.get(`${base}/${Y}`)).statusCode).toBe(404);
    expect((await gushi.put(`${base}/${Y}`, rubric())).statusCode).toBe(403);
    expect((await leader.put(`${base}/${Y}`, rubric())).statusCode).toBe(403);

    // Weights that do not add up to 100 are shown, and computing is refused until they do.
    const short = await city.put(`${base}/${Y}`, rubric({ indicators: rubric().indicators.slice(0, 3) }));
    expect(short.statusCode, short.body).toBe(200);
    expect(short.data).toMatchObject({ status: 'draft', weightsSum: 80 });
    const refused = await city.post(`${base}/${Y}/compute`);
    expect(refused.statusCode).toBe(422);
    expect(refused.data.error.message).toContain('80');

    const saved = await city.put(`${base}/${Y}`, rubric());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.data).toMatchObject({ weightsSum: 100, actions: ['edit', 'entries', 'compute'] });
    expect(saved.data.indicators.map((i: { name: string }) => i.name)).toEqual(rubric().indicators.map((i) => i.name));
    expect(saved.data.indicators[1]).toMatchObject({ better: 'lower', bands: [{ bound: 30, points: 20 }, { bound: 60, points: 12 }, { bound: 90, points: 6 }] });
    expect(saved.data.indicators[0].targets).toEqual({ [GUSHI]: 2 });

    expect((await court.get(`${base}/${Y}`)).statusCode).toBe(403);
    expect((await court.get(`${base}/${Y}/results`)).statusCode).toBe(403);
    expect((await court.get('/api/workplan/commendations')).statusCode).toBe(403);
    expect((await gushi.get(`${base}/${Y}`)).statusCode).toBe(200);
  });

  it('manual scores need a justification; bonus entries add up to their cap', async () => {
    const ids = await indicatorIds();
    const manual = ids['特色工作'] as number;
    const noReason = await city.post(`${base}/${Y}/entries`, { indicatorId: manual, areaCode: GUSHI, points: 16 });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.data.error.details)).toContain('reason');
    const tooMany = await city.post(`${base}/${Y}/entries`, { indicatorId: manual, areaCode: GUSHI, points: 21, reason: '超过满分' });
    expect(tooMany.statusCode).toBe(400);
    expect(JSON.stringify(tooMany.data.error.details)).toContain('points');
    const notManual = await city.post(`${base}/${Y}/entries`, { indicatorId: ids['办结调解案件数'], areaCode: GUSHI, points: 10, reason: '人工改分' });
    expect(notManual.statusCode).toBe(400);
    expect((await gushi.post(`${base}/${Y}/entries`, { indicatorId: manual, areaCode: GUSHI, points: 20, reason: '自评' })).statusCode).toBe(403);

    const entries: Array<[number, string, number, string]> = [
      [manual, GUSHI, 12, '初评'],
      [manual, GUSHI, 16, '建立知识产权纠纷快速处理机制'], // replaces the first
      [manual, SHIHE, 18, '茶产业商标品牌指导站覆盖全区'],
      [manual, XIXIAN, 10, '开展知识产权进企业活动'],
      [ids['国家级试点示范'] as number, GUSHI, 2, '获批国家知识产权强县建设试点县'],
      [ids['国家级试点示范'] as number, GUSHI, 4, '信阳毛尖地理标志保护示范区建设'],
      [ids['工作失误'] as number, SHIHE, 3, '重点任务报送材料严重滞后'],
    ];
    for (const [indicatorId, areaCode, points, reason] of entries) {
      const res = await city.post(`${base}/${Y}/entries`, { indicatorId, areaCode, points, reason });
      expect(res.statusCode, res.body).toBe(200);
    }
    const view = (await city.get(`${base}/${Y}`)).data;
    expect(view.entries.filter((e: { indicatorId: number; areaCode: string }) => e.indicatorId === manual && e.areaCode === GUSHI)).toEqual([expect.objectContaining({ points: 16 })]);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'assessment.entry.add' AND details->>'year' = $1`, [String(Y)])).length).toBe(entries.length);
  });

  it('computes hand-checked totals, grades and ranks; the same inputs give the same hash', async () => {
    const computed = await city.post(`${base}/${Y}/compute`);
    expect(computed.statusCode, computed.body).toBe(200);
    expect(computed.data).toMatchObject({ status: 'computed', actions: ['edit', 'entries', 'compute', 'review'] });
    const hash = computed.data.currentRun.sha256 as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const res = (await city.get(`${base}/${Y}/results`)).data;
    const row = (code: string) => res.areas.find((a: { code: string }) => a.code === code);
    // 固始: 3 ÷ 2 capped → 30; mean 30 days ≤ 30 → 20; 75 % ÷ 100 × 30 = 22.5; manual 16; bonus 2 + 4 = 6 capped at 5
    //       → 88.5 + 5 = 93.5, 优秀, first.
    expect(row(GUSHI)).toMatchObject({ base: 88.5, bonus: 5, deduction: 0, total: 93.5, grade: 'excellent', rank: 1 });
    // 浉河: 2 ÷ 4 × 30 = 15; mean 60 days ≤ 60 → 12; 100 % → 30; manual 18 → 75; deduction 3 → 72, 合格, second.
    expect(row(SHIHE)).toMatchObject({ base: 75, bonus: 0, deduction: 3, total: 72, grade: 'pass', rank: 2 });
    // 息县: 1 ÷ 4 × 30 = 7.5; mean 100 days reaches no band → 0; no assignments → 0; manual 10 → 17.5, 不合格, third.
    expect(row(XIXIAN)).toMatchObject({ base: 17.5, total: 17.5, grade: 'fail', rank: 3 });
    // The twelve others scored 0 and share fourth place.
    const rest = res.areas.filter((a: { code: string }) => ![GUSHI, SHIHE, XIXIAN].includes(a.code));
    expect(rest).toHaveLength(12);
    for (const a of rest) expect(a, a.code).toMatchObject({ total: 0, grade: 'fail', rank: 4 });
    expect(res.areas.slice(0, 3).map((a: { code: string }) => a.code)).toEqual([GUSHI, SHIHE, XIXIAN]);
    const ids = await indicatorIds();
    // 息县 has a mean (100 days, below every band) but no assignments: only the plan figure is missing.
    expect(row(XIXIAN).missing).toEqual([ids['工作方案任务完成率']]);

    // Each figure links to its inputs.
    const card = (await city.get(`${base}/${Y}/areas/${GUSHI}`)).data;
    const ind = (name: string) => card.indicators.find((i: { name: string }) => i.name === name);
    expect(ind('办结调解案件数')).toMatchObject({ value: 3, count: 3, appliedTarget: 2, score: 30, drill: { path: '/protection/mediation', query: { area: GUSHI, status: 'closed', closedYear: String(Y) } } });
    expect(ind('调解平均办理天数')).toMatchObject({ value: 30, score: 20, better: 'lower' });
    expect(ind('工作方案任务完成率')).toMatchObject({ value: 75, score: 22.5, detail: { assigned: 4, completed: 3, onTime: 3 }, drill: { path: '/workplan/assignments' } });
    expect(ind('特色工作')).toMatchObject({ score: 16, entries: [{ points: 16, reason: '建立知识产权纠纷快速处理机制' }] });
    expect(ind('国家级试点示范')).toMatchObject({ score: 5, capped: true });
    expect(card).toMatchObject({ total: 93.5, grade: 'excellent', rank: 1, of: 15 });

    // Recomputing reads the same inputs and gives the same hash and numbers; the stored snapshot
    // alone reproduces the result.
    const again = await city.post(`${base}/${Y}/compute`);
    expect(again.data.currentRun.sha256).toBe(hash);
    expect(again.data.currentRun.id).not.toBe(computed.data.currentRun.id);
    const [run] = await t.db.query<{ inputs: AssessmentInputs; result: unknown }>('SELECT inputs, result FROM assessment_runs WHERE id = $1', [again.data.currentRun.id]);
    expect(computeAssessment(run?.inputs as AssessmentInputs)).toEqual(run?.result);
  });

  it('before publication a county desk sees only its own score card; leaders see nothing yet', async () => {
    const own = (await gushi.get(`${base}/${Y}/results`)).data;
    expect(own.published).toBe(false);
    expect(own.areas).toEqual([expect.objectContaining({ code: GUSHI, total: 93.5, rank: null })]);
    expect((await gushi.get(`${base}/${Y}/areas/${GUSHI}`)).statusCode).toBe(200);
    expect((await gushi.get(`${base}/${Y}/areas/${SHIHE}`)).statusCode).toBe(404);
    const sheet = await gushi.get(`${base}/${Y}/export`);
    expect(sheet.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const names: unknown[] = [];
    book.getWorksheet('输入数据与规则')?.eachRow((r, n) => n > 1 && names.push(r.getCell(1).value));
    expect(new Set(names)).toEqual(new Set(['固始县']));
    expect(book.getWorksheet('考核评分表')?.getRow(4).getCell(2).value ?? null).toBeNull();
    expect((await leader.get(`${base}/${Y}/results`)).data.areas).toEqual([]);
    expect((await leader.get(`${base}/${Y}/areas/${GUSHI}`)).statusCode).toBe(404);
  });

  it('review, then publish; illegal steps are refused; the published numbers survive a changed input, which is flagged', async () => {
    expect((await city.post(`${base}/${Y}/publish`)).statusCode).toBe(409);
    const reviewed = await city.post(`${base}/${Y}/review`, { note: '已逐项核对' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.data).toMatchObject({ status: 'reviewed', reviewedBy: '李文博', reviewNote: '已逐项核对' });
    expect((await city.post(`${base}/${Y}/review`)).statusCode).toBe(409);
    expect((await gushi.post(`${base}/${Y}/publish`)).statusCode).toBe(403);
    const published = await city.post(`${base}/${Y}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.data).toMatchObject({ status: 'published', actions: ['check'], inputsChanged: null });
    const hash = published.data.publishedRun.sha256;
    for (const a of ['compute', 'review', 'publish']) {
      expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = $1 AND target_id = $2`, [`assessment.${a}`, String(Y)])).length, a).toBeGreaterThan(0);
    }

    // Published: no more edits or entries.
    expect((await city.put(`${base}/${Y}`, rubric())).statusCode).toBe(409);
    const ids = await indicatorIds();
    expect((await city.post(`${base}/${Y}/entries`, { indicatorId: ids['特色工作'], areaCode: XIXIAN, points: 20, reason: '补评' })).statusCode).toBe(409);

    // Everyone who reads the assessment now sees the ranking; a county desk opens only its own card.
    const forGushi = (await gushi.get(`${base}/${Y}/results`)).data;
    expect(forGushi.published).toBe(true);
    expect(forGushi.areas).toHaveLength(15);
    expect(forGushi.areas.find((a: { code: string }) => a.code === SHIHE)).toMatchObject({ total: 72, rank: 2, detail: false, points: {} });
    expect(forGushi.areas.find((a: { code: string }) => a.code === GUSHI)).toMatchObject({ rank: 1, detail: true });
    expect((await gushi.get(`${base}/${Y}/areas/${SHIHE}`)).statusCode).toBe(404);
    const forLeader = (await leader.get(`${base}/${Y}/results`)).data;
    expect(forLeader.areas.every((a: { detail: boolean }) => a.detail)).toBe(true);
    expect((await leader.get(`${base}/${Y}/areas/${SHIHE}`)).data).toMatchObject({ total: 72, grade: 'pass' });

    // A check with unchanged inputs finds nothing.
    const quiet = await city.post(`${base}/${Y}/compute`);
    expect(quiet.data).toMatchObject({ status: 'published', inputsChanged: null });

    // 浉河 closes its open case (30 days): its closed count and mean days change.
    await t.db.query(`UPDATE mediation_cases SET status = 'closed', outcome = 'not_settled', closed_at = '2019-12-20T10:00:00+08:00' WHERE id = $1`, [openCase]);
    // The daily check finds it without anyone pressing 核对 …
    expect((await checkPublished(t.ctx)).changed).toBeGreaterThanOrEqual(1);
    expect((await city.get(`${base}/${Y}`)).data.inputsChanged.changes).toHaveLength(2);
    // … and so does a check from the page.
    const checked = await city.post(`${base}/${Y}/compute`);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.data.status).toBe('published');
    expect(checked.data.publishedRun.sha256).toBe(hash);
    const flag = checked.data.inputsChanged;
    expect(flag.sha256).not.toBe(hash);
    expect(flag.changes.map((c: { indicator: string; area: string; before: number; after: number }) => [c.indicator, c.area, c.before, c.after])).toEqual([
      ['办结调解案件数', SHIHE, 2, 3],
      ['调解平均办理天数', SHIHE, 60, 50],
    ]);
    const after = (await leader.get(`${base}/${Y}/results`)).data;
    expect(after.run.sha256).toBe(hash);
    expect(after.areas.find((a: { code: string }) => a.code === SHIHE)).toMatchObject({ total: 72, rank: 2 });
    expect(after.inputsChanged.changes).toHaveLength(2);
    expect((await gushi.get(`${base}/${Y}`)).data.inputsChanged.changes[0]).toMatchObject({ areaName: '浉河区' });
    expect((await city.get(`${base}/${Y}/areas/${SHIHE}`)).data.changed).toHaveLength(2);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'assessment.check' AND target_id = $1 AND (details->>'changed')::boolean`, [String(Y)])).length).toBe(2);
  });

  it('exports the assessment sheet with the published scores and the inputs behind them', async () => {
    const res = await leader.get(`${base}/${Y}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('考核评分表') as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A1').value)).toContain(`${Y} 年度`);
    expect(String(sheet.getCell('A1').value)).toContain('已公布');
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(['排名', '县区', '办结调解案件数（30 分）', '调解平均办理天数（20 分）', '工作方案任务完成率（30 分）', '特色工作（20 分）', '加分项国家级试点示范（5 分）', '扣分项工作失误（5 分）', '基础得分', '加分', '扣分', '总分', '等次']);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([1, '固始县', 30, 20, 22.5, 16, 5, 0, 88.5, 5, 0, 93.5, '优秀']);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([2, '浉河区', 15, 12, 30, 18, 0, -3, 75, 0, 3, 72, '合格']);
    const inputs = book.getWorksheet('输入数据与规则') as ExcelJS.Worksheet;
    const lines: unknown[][] = [];
    inputs.eachRow((r) => lines.push((r.values as unknown[]).slice(1)));
    const gushiMediation = lines.find((l) => l[0] === '固始县' && l[3] === '办结调解案件数') as unknown[];
    expect(gushiMediation.slice(7, 11)).toEqual(['按目标比例', 3, 2, 30]);
    expect(String(gushiMediation[12])).toContain('/protection/mediation?area=411525');
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'assessment.export' AND target_id = $1 AND actor_name = 'leader'`, [String(Y)])).length).toBe(1);
  });

  it('copies last year’s rubric and compares year on year', async () => {
    expect((await gushi.post(`${base}/${Y + 1}/copy`, { fromYear: Y })).statusCode).toBe(403);
    const copied = await city.post(`${base}/${Y + 1}/copy`, { fromYear: Y });
    expect(copied.statusCode, copied.body).toBe(201);
    expect(copied.data).toMatchObject({ year: Y + 1, status: 'draft', copiedFrom: Y, title: `${Y + 1}年度知识产权工作考核`, weightsSum: 100, entries: [] });
    expect(copied.data.indicators.map((i: { name: string }) => i.name)).toEqual(rubric().indicators.map((i) => i.name));
    expect(copied.data.indicators[0].targets).toEqual({ [GUSHI]: 2 });
    expect((await city.post(`${base}/${Y + 1}/copy`, { fromYear: Y })).statusCode).toBe(409);

    // Nothing happened in the next year: 固始 falls from 93.5 (1st) to 0.
    expect((await city.post(`${base}/${Y + 1}/compute`)).statusCode).toBe(200);
    const res = (await city.get(`${base}/${Y + 1}/results`)).data;
    expect(res.previousYear).toBe(Y);
    expect(res.areas.find((a: { code: string }) => a.code === GUSHI)).toMatchObject({ total: 0, previous: { total: 93.5, grade: 'excellent', rank: 1 } });
    const card = (await city.get(`${base}/${Y + 1}/areas/${GUSHI}`)).data;
    expect(card.previous).toEqual({ total: 93.5, grade: 'excellent', rank: 1 });
    expect(card.indicators.find((i: { name: string }) => i.name === '工作方案任务完成率').previous).toEqual({ value: 75, score: 22.5 });
  });

  it('neutralises formula-like text in the sheet', async () => {
    const y = Y - 1;
    const put = await city.put(`${base}/${y}`, { title: '=HYPERLINK("http://example.com","考核")', grades: { excellent: 90, good: 80, pass: 60 }, indicators: [{ kind: 'score', dimension: '+综合', name: '综合评价', points: 100, source: 'manual', rule: 'manual' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect((await city.post(`${base}/${y}/compute`)).statusCode).toBe(200);
    const res = await city.get(`${base}/${y}/export`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(String(book.getWorksheet('考核评分表')?.getCell('A1').value)).toMatch(/^'=HYPERLINK/);
    expect(String(book.getWorksheet('输入数据与规则')?.getCell('C2').value)).toBe("'+综合");
  });

  it('records commendations of units and individuals without contact data', async () => {
    const audits = async () => (await t.db.query(`SELECT 1 FROM audit_log WHERE action LIKE 'assessment.commendation.%'`)).length;
    const auditsBefore = await audits();
    const body = { year: Y, kind: 'individual', areaCode: GUSHI, unitName: '固始县市场监督管理局', personName: '张明', honour: '知识产权工作先进个人', docNo: '信知战联办〔2020〕3号', awardedOn: '2020-03-15' };
    expect((await city.post('/api/workplan/commendations', { ...body, personName: undefined })).statusCode).toBe(400);
    const withPhone = await city.post('/api/workplan/commendations', { ...body, phone: '13800138000' });
    expect(withPhone.statusCode).toBe(400);
    expect((await gushi.post('/api/workplan/commendations', body)).statusCode).toBe(403);
    const created = await city.post('/api/workplan/commendations', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ kind: 'individual', personName: '张明', areaName: '固始县' });
    const unit = await city.post('/api/workplan/commendations', { ...body, kind: 'unit', personName: undefined, unitName: '固始县市场监督管理局', honour: '知识产权工作先进集体' });
    expect(unit.statusCode, unit.body).toBe(201);
    const list = (await leader.get(`/api/workplan/commendations?year=${Y}`)).data.items;
    expect(list.map((c: { honour: string }) => c.honour).sort()).toEqual(['知识产权工作先进个人', '知识产权工作先进集体']);
    const edited = await city.put(`/api/workplan/commendations/${created.data.id}`, { ...body, honour: '知识产权保护工作先进个人' });
    expect(edited.data.honour).toBe('知识产权保护工作先进个人');
    expect((await city.delete(`/api/workplan/commendations/${unit.data.id}`)).statusCode).toBe(204);
    expect((await gushi.get(`/api/workplan/commendations?year=${Y}`)).data.items).toHaveLength(1);
    expect((await audits()) - auditsBefore).toBe(4);
  });
});

describe('demo assessment', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('has last year’s published result and this year’s computed one to compare with it', async () => {
    t = await createTestApp();
    const year = Number(new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
    const leader = await t.as('leader');
    const years = (await leader.get(base)).data.items;
    expect(years).toEqual(expect.arrayContaining([expect.objectContaining({ year: year - 1, status: 'published', weightsSum: 100 }), expect.objectContaining({ year, status: 'computed', weightsSum: 100 })]));
    const last = (await leader.get(`${base}/${year - 1}/results`)).data;
    expect(last.areas).toHaveLength(15);
    const totals = last.areas.map((a: { total: number }) => a.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(last.areas.map((a: { grade: string }) => a.grade)).size).toBeGreaterThan(1);
    // Before publication the leader sees no working result; the city office sees it beside last year's.
    expect((await leader.get(`${base}/${year}/results`)).data.areas).toEqual([]);
    const current = (await (await t.as('city')).get(`${base}/${year}/results`)).data;
    expect(current.previousYear).toBe(year - 1);
    expect(current.areas.every((a: { previous: unknown }) => a.previous !== null)).toBe(true);
    expect((await leader.get(`/api/workplan/commendations?year=${year - 1}`)).data.items.length).toBeGreaterThanOrEqual(3);
  });
});
