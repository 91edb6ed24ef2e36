import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('areas and population', () => {
  it('lists the city, ten counties and districts and five zones with their codes', async () => {
    const a = await t.as('lingrui');
    const res = await a.get('/api/areas');
    expect(res.statusCode).toBe(200);
    const codes = res.data.map((x: { code: string }) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['411500', '411502', '411503', '411521', '411522', '411523', '411524', '411525', '411526', '411527', '411528']));
    expect(res.data.filter((x: { kind: string }) => x.kind === 'zone')).toHaveLength(5);
    expect(res.data.find((x: { code: string }) => x.code === 'shangtianti')).toMatchObject({ name: '上天梯非金属矿管理区', parentCode: '411503' });
  });

  it('keeps the official census figures apart from labelled demo estimates', async () => {
    const a = await t.as('city');
    const city = await a.get('/api/areas/411500');
    expect(city.data.latest).toMatchObject({ year: 2020, population: 6234401, isEstimate: false });
    expect(city.data.latest.source).toMatch(/第七次全国人口普查/);
    const huangchuan = await a.get('/api/areas/411526');
    expect(huangchuan.data.latest).toMatchObject({ population: 636700, isEstimate: false });
    const gushi = await a.get('/api/areas/411525');
    expect(gushi.data.latest).toMatchObject({ isEstimate: true });
    expect(gushi.data.latest.source).toMatch(/演示估算/);
    const all = await a.get('/api/areas');
    const counties = all.data.filter((x: { kind: string }) => x.kind === 'county' || x.kind === 'district');
    expect(counties.reduce((s: number, c: { latest: { population: number } }) => s + c.latest.population, 0)).toBe(6234401);
  });

  it('a county desk edits its own county only (404 elsewhere), audited', async () => {
    const gushi = await t.as('gushi');
    const own = await gushi.put('/api/areas/411525/population/2023', { population: 1_010_000, source: '固始县统计局 2023 年统计公报', isEstimate: false });
    expect(own.statusCode).toBe(200);
    const other = await gushi.put('/api/areas/411502/population/2023', { population: 1, source: '越权', isEstimate: false });
    expect(other.statusCode).toBe(404);
    expect((await gushi.delete('/api/areas/411502/population/2020')).statusCode).toBe(404);
    const rows = await t.db.query("SELECT 1 FROM area_population WHERE area_code = '411502' AND year = 2023");
    expect(rows).toHaveLength(0);
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'population.save' AND target_id = '411525/2023'");
    expect(audit).toHaveLength(1);
    const enterprise = await t.as('lingrui');
    expect((await enterprise.put('/api/areas/411523/population/2023', { population: 1, source: 'x', isEstimate: false })).statusCode).toBe(403);
  });

  it('refuses impossible figures', async () => {
    const city = await t.as('city');
    expect((await city.put('/api/areas/411525/population/2023', { population: -5, source: '', isEstimate: false })).statusCode).toBe(400);
    expect((await city.put('/api/areas/411525/population/1800', { population: 5, source: '某来源', isEstimate: false })).statusCode).toBe(400);
  });
});
