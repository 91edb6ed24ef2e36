import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../../test/support/app';
import { appNo, csv, importFile } from '../../../../test/support/registry';

// What each rollup must hold, counted straight from the register.
const DIRECT = {
  patent_counts: `SELECT stat_area(r.area_code, r.area_source) AS area, ind AS industry, r.type, r.pct, extract(year FROM r.app_date)::int AS app_year,
      coalesce(extract(year FROM r.grant_date)::int, 0) AS grant_year, r.status, patent_end_year(r.status, r.status_date) AS end_year,
      cardinality(r.industries) > 0 AS sei, patent_granted_abroad(r.family) AS abroad, patent_long_year(r.app_date) AS long_year, count(*)::int AS n
    FROM patents r CROSS JOIN LATERAL unnest(array_prepend('*'::text, r.industries)) AS ind GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
  patent_year_counts: `WITH r AS (SELECT stat_area(p.area_code, p.area_source) AS area, ind AS industry, p.* FROM patents p
        CROSS JOIN LATERAL unnest(array_prepend('*'::text, p.industries)) AS ind),
      filed AS (SELECT industry, area, type, extract(year FROM app_date)::int AS year, count(*)::int AS applications,
          count(*) FILTER (WHERE pct)::int AS pct_applications, count(*) FILTER (WHERE status = 'valid')::int AS valid FROM r GROUP BY 1, 2, 3, 4),
      granted AS (SELECT industry, area, type, extract(year FROM grant_date)::int AS year, count(*)::int AS grants
          FROM r WHERE grant_date IS NOT NULL GROUP BY 1, 2, 3, 4)
    SELECT industry, area, type, year, coalesce(f.applications, 0) AS applications, coalesce(g.grants, 0) AS grants,
           coalesce(f.pct_applications, 0) AS pct_applications, coalesce(f.valid, 0) AS valid
      FROM filed f FULL JOIN granted g USING (industry, area, type, year)`,
  patent_section_counts: `SELECT stat_area(r.area_code, r.area_source) AS area, ind AS industry, r.type, extract(year FROM r.app_date)::int AS app_year,
      coalesce(r.ipc_section, '') AS section, count(*)::int AS n
    FROM patents r CROSS JOIN LATERAL unnest(array_prepend('*'::text, r.industries)) AS ind GROUP BY 1, 2, 3, 4, 5`,
  holder_counts: `SELECT ph.holder_id::int AS holder_id, p.type, extract(year FROM p.app_date)::int AS app_year, p.status = 'valid' AS valid, count(*)::int AS n
    FROM patent_holders ph JOIN patents p ON p.id = ph.patent_id GROUP BY 1, 2, 3, 4`,
  holder_totals: `SELECT ph.holder_id::int AS holder_id, count(*)::int AS n FROM patent_holders ph GROUP BY 1`,
  trademark_counts: `SELECT stat_area(r.area_code, r.area_source) AS area, r.mark_type, coalesce(extract(year FROM r.app_date)::int, 0) AS app_year,
      coalesce(extract(year FROM r.reg_date)::int, 0) AS reg_year, r.status, coalesce(extract(year FROM r.term_end)::int, 0) AS term_end_year, count(*)::int AS n
    FROM trademarks r GROUP BY 1, 2, 3, 4, 5, 6`,
} as const;

// Rows whose counts all went back to zero stay in a rollup; they count as absent.
const NONZERO: Partial<Record<keyof typeof DIRECT, string>> = {
  patent_year_counts: 'applications <> 0 OR grants <> 0 OR pct_applications <> 0 OR valid <> 0',
};

const sorted = (rows: Array<Record<string, unknown>>) => rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

async function expectRollupsEqualDirectCounts(t: TestApp) {
  for (const [table, direct] of Object.entries(DIRECT) as Array<[keyof typeof DIRECT, string]>) {
    const want = await t.db.query<Record<string, unknown>>(direct);
    const cols = Object.keys(want[0] ?? { n: 0 }).map((c) => (c === 'holder_id' ? 'holder_id::int AS holder_id' : c)).join(', ');
    const got = await t.db.query<Record<string, unknown>>(`SELECT ${cols} FROM ${table} WHERE ${NONZERO[table] ?? 'n <> 0'}`);
    expect(sorted(got), table).toEqual(sorted(want));
  }
}

const HEADER = ['申请号', '申请日', '公开(公告)号', '授权公告日', '专利类型', '发明名称', '申请人', '申请人地址', 'IPC主分类号', '法律状态', '法律状态日', '同族'];
const B1 = appNo(2012, 1, 9_800_001);
const B2 = appNo(2019, 2, 9_800_002);

describe('dashboard rollups', () => {
  let t: TestApp;
  let city: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    city = await t.as('city');
  });
  afterAll(() => t.close());

  it('equal direct counts on the synthetic register', async () => {
    const [n] = await t.db.query<{ n: number }>('SELECT sum(n)::int AS n FROM patent_counts WHERE industry = $1', ['*']);
    expect(n?.n).toBeGreaterThan(500);
    await expectRollupsEqualDirectCounts(t);
  });

  it('equal direct counts after an import adds patents and a re-import changes a legal status', async () => {
    const rows = (status: string, date: string) => [
      HEADER,
      [B1, '2012-12-31', 'CN103000001B', '2015-06-01', '发明', '一种珍珠岩保温板', '信阳测试新材料有限公司', '河南省信阳市平桥区平西路1号', 'C04B 14/18', status, date, 'US9000001B2;WO2013000001A1'],
      [B2, '2019-02-28', '', '', '实用新型', '一种茶叶揉捻机', '信阳测试茶机有限公司', '河南省信阳市浉河区茶都路9号', 'A23F 3/06', '有效', '', ''],
    ];
    const first = await importFile(t, city, 'patents', 'a.csv', csv(rows('有效', '')));
    expect(first.job.result).toMatchObject({ inserted: 2, rejected: 0 });
    await expectRollupsEqualDirectCounts(t);
    const second = await importFile(t, city, 'patents', 'b.csv', csv(rows('未缴年费专利权终止', '2024-03-01')));
    expect(second.job.result).toMatchObject({ updated: 1, rejected: 0 });
    const [row] = await t.db.query<{ status: string }>('SELECT status FROM patents WHERE app_no = $1', [B1]);
    expect(row?.status).toBe('lapsed');
    await expectRollupsEqualDirectCounts(t);
  });

  it('equal direct counts after direct updates of status, type, area, industries and grant dates, and after deletions', async () => {
    await t.db.query(`UPDATE patents SET status = 'lapsed', status_date = '2023-05-06' WHERE id IN (SELECT id FROM patents WHERE status = 'valid' ORDER BY id LIMIT 20)`);
    await t.db.query(`UPDATE patents SET area_code = NULL, area_source = 'unresolved' WHERE id IN (SELECT id FROM patents WHERE area_code IS NOT NULL ORDER BY id DESC LIMIT 7)`);
    await t.db.query(`UPDATE patents SET industries = array['demo-x'] WHERE id IN (SELECT id FROM patents ORDER BY id LIMIT 5)`);
    await t.db.query(`UPDATE patents SET type = 'utility', app_date = app_date - 400 WHERE id IN (SELECT id FROM patents WHERE type = 'invention' ORDER BY id LIMIT 4)`);
    await t.db.query(`UPDATE patents SET grant_date = app_date + 500 WHERE id IN (SELECT id FROM patents WHERE grant_date IS NULL ORDER BY id LIMIT 6)`);
    await t.db.query(`UPDATE patents SET grant_date = NULL WHERE id IN (SELECT id FROM patents WHERE grant_date IS NOT NULL ORDER BY id DESC LIMIT 6)`);
    await t.db.query(`UPDATE trademarks SET status = 'expired' WHERE id IN (SELECT id FROM trademarks ORDER BY id LIMIT 9)`);
    await expectRollupsEqualDirectCounts(t);
    await t.db.query(`DELETE FROM patent_holders WHERE patent_id IN (SELECT id FROM patents ORDER BY id LIMIT 3) AND seq = 1`);
    await t.db.query(`DELETE FROM patents WHERE id IN (SELECT id FROM patents ORDER BY id DESC LIMIT 11)`);
    await t.db.query(`DELETE FROM trademarks WHERE id IN (SELECT id FROM trademarks ORDER BY id LIMIT 4)`);
    await expectRollupsEqualDirectCounts(t);
  });
});
