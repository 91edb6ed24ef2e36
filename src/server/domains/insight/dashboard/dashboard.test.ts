import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../../test/support/app';

/** How many records the data-centre list behind a figure holds (for GI users: the users of the GIs listed). */
async function listTotal(agent: Agent, drill: { path: string; query: Record<string, string> }, giUsers = false): Promise<number> {
  const api = drill.path.replace('/registry', '/api');
  const res = await agent.get(`${api}?${new URLSearchParams({ ...drill.query, ...(api === '/api/gis' ? {} : { pageSize: '1' }) })}`);
  expect(res.statusCode, `${api} ${res.body}`).toBe(200);
  if (giUsers) return res.data.reduce((n: number, g: { activeUsers: number }) => n + g.activeUsers, 0);
  return Array.isArray(res.data) ? res.data.length : res.data.total;
}

describe('dashboards', () => {
  let t: TestApp;
  let city: Agent;
  beforeAll(async () => {
    t = await createTestApp({ clockStart: '2026-11-25T02:00:00Z' });
    city = await t.as('city');
  });
  afterAll(() => t.close());

  it('shows city totals equal to direct counts, and every figure opens a list of exactly that many records', async () => {
    const res = await city.get('/api/insight/dashboard?from=2000&to=2026');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.data;
    const [direct] = await t.db.query<{ apps: number; grants: number; valid: number }>(
      `SELECT count(*) FILTER (WHERE app_date >= '2000-01-01')::int AS apps,
              count(*) FILTER (WHERE grant_date >= '2000-01-01')::int AS grants,
              count(*) FILTER (WHERE status = 'valid')::int AS valid
         FROM patents WHERE area_source <> 'outside'`,
    );
    expect(d.totals.applications.value).toBe(direct?.apps);
    expect(d.totals.grants.value).toBe(direct?.grants);
    expect(d.totals.validPatents.value).toBe(direct?.valid);
    expect(d.totals.applications.value).toBeGreaterThan(100);
    for (const [name, figure] of Object.entries(d.totals) as Array<[string, { value: number; drill: { path: string; query: Record<string, string> } }]>) {
      expect(await listTotal(city, figure.drill, name === 'giUsers'), name).toBe(figure.value);
    }
    const seriesSum = d.patentSeries.reduce((n: number, s: { applications: number }) => n + s.applications, 0);
    expect(seriesSum).toBe(d.totals.applications.value);
    for (const h of d.topHolders.slice(0, 3)) expect(await listTotal(city, h.drill), h.name).toBe(h.patents);
    for (const s of d.sections) expect(await listTotal(city, s.drill), s.label).toBe(s.count);
    for (const i of d.industries.slice(0, 3)) expect(await listTotal(city, i.drill), i.name).toBe(i.applications);
    const gushi = d.ranking.find((r: { code: string }) => r.code === '411525');
    expect(await listTotal(city, gushi.indicator.drill)).toBe(gushi.indicator.count);
    expect(gushi.indicator.count).toBeGreaterThan(0);
  });

  it('keeps the top holders exact: the same ten as a full count', async () => {
    const res = await city.get('/api/insight/dashboard?from=2010&to=2020&type=invention');
    const full = await t.db.query<{ holder_id: number; n: number }>(
      `SELECT ph.holder_id::int AS holder_id, count(*)::int AS n FROM patent_holders ph JOIN patents p ON p.id = ph.patent_id JOIN holders h ON h.id = ph.holder_id
        WHERE h.area_code IS NOT NULL AND p.type = 'invention' AND p.app_date BETWEEN '2010-01-01' AND '2020-12-31'
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
    );
    expect(res.data.topHolders.map((h: { patents: number }) => h.patents)).toEqual(full.map((f) => f.n));
  });

  it('narrows by patent type, years and industry, and refuses a reversed year range', async () => {
    const all = (await city.get('/api/insight/dashboard?from=2015&to=2020')).data;
    const inv = (await city.get('/api/insight/dashboard?from=2015&to=2020&type=invention')).data;
    expect(inv.totals.applications.value).toBe(all.patentSeries.filter((s: { type: string }) => s.type === 'invention').reduce((n: number, s: { applications: number }) => n + s.applications, 0));
    const industry = all.industries[0];
    const byIndustry = (await city.get(`/api/insight/dashboard?from=2015&to=2020&industry=${industry.code}`)).data;
    expect(byIndustry.totals.applications.value).toBe(industry.applications);
    const bad = await city.get('/api/insight/dashboard?from=2020&to=2015');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.message).toContain('起始年份');
    // A list narrowed by a malformed year is refused, not silently left unfiltered.
    for (const url of ['/api/patents?granted=0000', '/api/patents?granted=20x1', '/api/trademarks?applied=2021-1900x']) {
      const res = await city.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain('2018-2021');
    }
  });

  it('gives a county desk its own county whatever it asks for, and nobody without the right any dashboard', async () => {
    const gushi = await t.as('gushi');
    const own = await gushi.get('/api/insight/dashboard?area=411502');
    expect(own.statusCode).toBe(200);
    expect(own.data.area.code).toBe('411525');
    expect(own.data.ranking.map((r: { code: string }) => r.code)).toEqual(['411525']);
    const [direct] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM patents WHERE area_code = '411525' AND app_date >= '2017-01-01'`);
    expect(own.data.totals.applications.value).toBe(direct?.n);
    const enterprise = await t.as('lingrui');
    expect((await enterprise.get('/api/insight/dashboard')).statusCode).toBe(403);
    expect((await enterprise.get('/api/insight/indicators')).statusCode).toBe(403);
    expect((await city.get('/api/insight/dashboard?area=nowhere')).statusCode).toBe(404);
  });
});
