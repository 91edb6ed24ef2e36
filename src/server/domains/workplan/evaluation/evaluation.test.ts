import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';
import { EVALUATED_AREAS, protectionIndexByArea } from './service';

// A year without demo records, so the fixture's cases are the only ones counted.
const YEAR = 2005;
const GUSHI = '411525';
const SHIHE = '411502';
const PINGQIAO = '411503';

/** A small system: two platform metrics (one lower-is-better) and one manual figure. */
const fixture = {
  title: '测试指标体系',
  dimensions: [
    {
      key: 'cooperative',
      name: '协同保护',
      weight: 60,
      indicators: [
        { key: 'closed', name: '办结调解案件数', weight: 50, source: 'metric', metric: 'mediation_closed', method: 'minmax', unit: '件' },
        { key: 'days', name: '平均办理天数', weight: 50, source: 'metric', metric: 'mediation_average_days', method: 'minmax', unit: '天' },
      ],
    },
    { key: 'foundation', name: '保护基础', weight: 40, indicators: [{ key: 'staff', name: '专职人员数', weight: 100, source: 'manual', method: 'benchmark', benchmark: 10, unit: '人' }] },
  ],
};

describe('protection-level evaluation', () => {
  let t: TestApp;
  let city: Agent;
  let gushi: Agent;

  async function closedCases(area: string, n: number, days: number, seqFrom: number) {
    for (let i = 0; i < n; i++) {
      await t.db.query(
        `INSERT INTO mediation_cases (ref_year, ref_seq, source, kind, right_kind, claims, facts, area_code, area_source, status, outcome, received_at, assign_due, closed_at, updated_at)
         VALUES ($1, $2, 'officer', 'mediation', 'trademark', '停止侵权', '测试案件', $3, 'chosen', 'closed', 'withdrawn', $4::timestamptz, $4::date, $4::timestamptz + make_interval(days => $5), $4::timestamptz)`,
        [YEAR, seqFrom + i, area, `${YEAR}-03-01T02:00:00Z`, days],
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    // 固始县 4 cases of 10 days, 浉河区 2 of 20 days, 平桥区 1 of 30 days; other areas none.
    await closedCases(GUSHI, 4, 10, 9001);
    await closedCases(SHIHE, 2, 20, 9011);
    await closedCases(PINGQIAO, 1, 30, 9021);
    city = await t.as('city');
    gushi = await t.as('gushi');
  });
  afterAll(() => t.close());

  it('scores each area by the published formula, ranks them, and a recompute gives the same hash', async () => {
    const saved = await city.put(`/api/workplan/evaluation/${YEAR}/system`, fixture);
    expect(saved.statusCode, saved.body).toBe(200);
    // The metric's own direction is kept whatever the form said.
    expect(saved.data.system.dimensions[0].indicators[1].better).toBe('lower');
    const manual = await city.put(`/api/workplan/evaluation/${YEAR}/manual`, {
      values: [
        { indicatorKey: 'staff', areaCode: GUSHI, value: 8, note: '县局编制内 8 人' },
        { indicatorKey: 'staff', areaCode: SHIHE, value: 12 },
      ],
    });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.data.manual).toHaveLength(2);

    const run = await city.post(`/api/workplan/evaluation/${YEAR}/runs`);
    expect(run.statusCode, run.body).toBe(201);
    const areas = new Map<string, any>(run.data.run.areas.map((a: any) => [a.area, a]));
    const ind = (area: string, key: string) => areas.get(area).indicators.find((i: any) => i.key === key);

    // closed (min–max, higher): min 0, max 4 → 固始 100, 浉河 50, 平桥 25, others 0.
    expect([ind(GUSHI, 'closed').score, ind(SHIHE, 'closed').score, ind(PINGQIAO, 'closed').score, ind('411521', 'closed').score]).toEqual([100, 50, 25, 0]);
    // days (min–max, lower): min 10, max 30 → 固始 (30−10)/20 = 100, 浉河 50, 平桥 0; no cases → missing.
    expect([ind(GUSHI, 'days').raw, ind(GUSHI, 'days').score, ind(SHIHE, 'days').score, ind(PINGQIAO, 'days').score, ind('411521', 'days').score]).toEqual([10, 100, 50, 0, null]);
    // staff (benchmark 10): 8/10 → 80; 12/10 capped at 100; 平桥 missing.
    expect([ind(GUSHI, 'staff').score, ind(SHIHE, 'staff').score, ind(PINGQIAO, 'staff').score]).toEqual([80, 100, null]);
    // Each raw value links to its records.
    expect(ind(GUSHI, 'closed')).toMatchObject({ raw: 4, count: 4, drill: { path: '/protection/mediation', query: { area: GUSHI, closedYear: String(YEAR) } } });
    expect(ind(GUSHI, 'staff')).toMatchObject({ raw: 8, note: '县局编制内 8 人', drill: null });

    // 固始: 协同 (100·50 + 100·50)/100 = 100; 基础 80; overall (100·60 + 80·40)/100 = 92.
    // Contributions: closed 30 + days 30 + staff 32 = 92.
    expect(areas.get(GUSHI)).toMatchObject({ overall: 92, rank: 1, coverage: 100, dimensions: [{ key: 'cooperative', score: 100 }, { key: 'foundation', score: 80 }] });
    expect([ind(GUSHI, 'closed').contribution, ind(GUSHI, 'days').contribution, ind(GUSHI, 'staff').contribution]).toEqual([30, 30, 32]);
    // 浉河: 协同 (50 + 50)/2 = 50; 基础 100; overall (50·60 + 100·40)/100 = 70.
    expect(areas.get(SHIHE)).toMatchObject({ overall: 70, rank: 2 });
    // 平桥: 协同 (25·50 + 0·50)/100 = 12.5; 基础 missing → its weight goes to 协同: overall 12.5; 60 % of the weight had data.
    expect(areas.get(PINGQIAO)).toMatchObject({ overall: 12.5, rank: 3, coverage: 60, dimensions: [{ key: 'cooperative', score: 12.5 }, { key: 'foundation', score: null }] });
    expect(ind(PINGQIAO, 'closed')).toMatchObject({ effectiveWeight: 50, contribution: 12.5 });
    // 罗山: only 'closed' has data (0) → overall 0, tied 4th with the other eleven.
    expect(areas.get('411521')).toMatchObject({ overall: 0, rank: 4 });
    const others = EVALUATED_AREAS.length - 3;
    expect(run.data.run.cityAverage.overall).toBe(Math.round(((92 + 70 + 12.5 + 0 * others) / EVALUATED_AREAS.length) * 100) / 100);

    // The assessment reads the same figures.
    const index = await protectionIndexByArea(t.ctx, YEAR);
    expect(index.get(GUSHI)).toEqual({ value: 92 });
    expect(index.get('411500')?.value).toBe(run.data.run.cityAverage.overall);

    // Recomputing with unchanged inputs gives the same hash; the stored run verifies.
    const hash = run.data.run.inputsHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await city.post(`/api/workplan/evaluation/${YEAR}/runs`);
    expect(again.data.run.inputsHash).toBe(hash);
    expect(again.data.run.id).not.toBe(run.data.run.id);
    const verified = await city.get(`/api/workplan/evaluation/${YEAR}/runs/${run.data.run.id}/verify`);
    expect(verified.data).toMatchObject({ hashMatches: true, resultsMatch: true, recomputedHash: hash });

    // A changed input marks the run out of date and gives another hash; clearing the figure makes it missing.
    t.clock.advance(60_000);
    await city.put(`/api/workplan/evaluation/${YEAR}/manual`, { values: [{ indicatorKey: 'staff', areaCode: GUSHI, value: null }] });
    expect((await city.get(`/api/workplan/evaluation/${YEAR}`)).data.run.stale).toBe(true);
    const changed = await city.post(`/api/workplan/evaluation/${YEAR}/runs`);
    expect(changed.data.run.inputsHash).not.toBe(hash);
    expect(changed.data.run.areas.find((a: any) => a.area === GUSHI).overall).toBe(100);

    // Every write is in the audit log.
    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'evaluation.%' AND (target_id = $1 OR details->>'year' = $1) ORDER BY id`,
      [String(YEAR)],
    );
    expect(audit.map((a) => a.action)).toEqual(['evaluation.system.save', 'evaluation.manual.set', 'evaluation.compute', 'evaluation.compute', 'evaluation.manual.set', 'evaluation.compute']);
  });

  it('lets the city manage, desks and leaders read (a desk sees only its own inputs), partners nothing', async () => {
    const mine = await gushi.get(`/api/workplan/evaluation/${YEAR}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.data.canManage).toBe(false);
    const areas = new Map<string, any>(mine.data.run.areas.map((a: any) => [a.area, a]));
    expect(areas.get(GUSHI).indicators.length).toBe(3);
    expect(areas.get(SHIHE).indicators).toBeNull();
    expect(areas.get(SHIHE).overall).toBe(70);
    expect(mine.data.manual.every((m: any) => m.areaCode === GUSHI)).toBe(true);

    expect((await gushi.put(`/api/workplan/evaluation/${YEAR}/system`, fixture)).statusCode).toBe(403);
    expect((await gushi.put(`/api/workplan/evaluation/${YEAR}/manual`, { values: [{ indicatorKey: 'staff', areaCode: GUSHI, value: 99 }] })).statusCode).toBe(403);
    expect((await gushi.post(`/api/workplan/evaluation/${YEAR}/runs`)).statusCode).toBe(403);

    const court = await t.as('court');
    expect((await court.get(`/api/workplan/evaluation/${YEAR}`)).statusCode).toBe(403);

    const leader = await t.as('leader');
    const read = await leader.get(`/api/workplan/evaluation/${YEAR}`);
    expect(read.statusCode).toBe(200);
    expect(read.data.run.areas.find((a: any) => a.area === SHIHE).indicators).not.toBeNull();
    expect((await leader.post(`/api/workplan/evaluation/${YEAR}/system/default`)).statusCode).toBe(403);
  });

  it('refuses a bad index system or figure with the field named, and stores nothing', async () => {
    const before = (await city.get(`/api/workplan/evaluation/${YEAR}`)).data.system.updatedAt;
    const negative = structuredClone(fixture);
    negative.dimensions[0]!.weight = -10;
    const r1 = await city.put(`/api/workplan/evaluation/${YEAR}/system`, negative);
    expect(r1.statusCode).toBe(400);
    expect(r1.data.error.details.map((d: any) => d.field)).toContain('body.dimensions.0.weight');

    const unknown = structuredClone(fixture) as any;
    unknown.dimensions[0].indicators[0].metric = 'no_such_metric';
    const r2 = await city.put(`/api/workplan/evaluation/${YEAR}/system`, unknown);
    expect(r2.statusCode).toBe(400);
    expect(r2.data.error.details.map((d: any) => d.field)).toContain('body.dimensions.0.indicators.0.metric');

    const badSum = structuredClone(fixture);
    badSum.dimensions[1]!.weight = 30;
    const r3 = await city.put(`/api/workplan/evaluation/${YEAR}/system`, badSum);
    expect(r3.statusCode).toBe(400);
    expect(r3.data.error.details.map((d: any) => d.field)).toContain('body.dimensions');
    expect(r3.body).toContain('100');

    const notManual = await city.put(`/api/workplan/evaluation/${YEAR}/manual`, { values: [{ indicatorKey: 'closed', areaCode: GUSHI, value: 3 }] });
    expect(notManual.statusCode).toBe(400);
    expect(notManual.data.error.details[0].field).toBe('body.values.0.indicatorKey');
    expect((await city.put(`/api/workplan/evaluation/${YEAR}/manual`, { values: [{ indicatorKey: 'staff', areaCode: '411500', value: 3 }] })).statusCode).toBe(400);

    expect((await city.get(`/api/workplan/evaluation/${YEAR}`)).data.system.updatedAt).toBe(before);
    expect((await city.post(`/api/workplan/evaluation/2006/runs`)).statusCode).toBe(404);
  });

  it('offers a default system whose weights add up and computes it on the demo data', async () => {
    const year = 2026;
    const res = await city.post(`/api/workplan/evaluation/${year}/system/default`);
    expect(res.statusCode, res.body).toBe(200);
    const dims = res.data.system.dimensions;
    expect(dims.map((d: any) => d.name)).toEqual(['司法保护', '行政保护', '协同保护', '社会共治与满意度', '保护基础']);
    expect(dims.reduce((s: number, d: any) => s + d.weight, 0)).toBe(100);
    const run = await city.post(`/api/workplan/evaluation/${year}/runs`);
    expect(run.statusCode, run.body).toBe(201);
    expect(run.data.run.areas.some((a: any) => a.overall !== null && a.overall > 0)).toBe(true);
  });
});
