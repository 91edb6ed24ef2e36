import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { computeUsccCheck } from '../../../../shared/validators';

const GUSHI_BODY = '91411525MA9XA1B2C';
const validUscc = GUSHI_BODY + computeUsccCheck(GUSHI_BODY);
const wrongUscc = GUSHI_BODY + (computeUsccCheck(GUSHI_BODY) === '0' ? '1' : '0');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const orgIdByName = async (name: string) => (await t.db.query<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name]))[0]?.id ?? '';

describe('organisations', () => {
  it('a county desk sees only its own county’s organisations, and 404 for another county’s record', async () => {
    const gushi = await t.as('gushi');
    const list = await gushi.get('/api/orgs?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.data.items.length).toBeGreaterThan(0);
    expect(new Set(list.data.items.map((o: { areaCode: string }) => o.areaCode))).toEqual(new Set(['411525']));
    const own = await gushi.get(`/api/orgs/${await orgIdByName('固始县皇姑山食品有限公司')}`);
    expect(own.statusCode).toBe(200);
    const other = await gushi.get(`/api/orgs/${await orgIdByName('信阳浉河云雾茶业有限公司')}`);
    expect(other.statusCode).toBe(404);
    expect(other.data.error.code).toBe('not_found');
    expect(other.body).not.toContain('浉河');
    const made = await gushi.get('/api/orgs?area=411502');
    expect(made.data.total).toBe(0);
  });

  it('the city office sees the whole city', async () => {
    const city = await t.as('city');
    const list = await city.get('/api/orgs?pageSize=200');
    expect(new Set(list.data.items.map((o: { areaCode: string }) => o.areaCode)).size).toBeGreaterThan(5);
  });

  it('creates an organisation, taking the area from the credit code', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/orgs', { name: '固始县测试农业科技有限公司', kind: 'enterprise', uscc: validUscc.toLowerCase() });
    expect(res.statusCode).toBe(201);
    expect(res.data.areaCode).toBe('411525');
    expect(res.data.uscc).toBe(validUscc);
  });

  it('refuses a bad credit code with a reason and stores nothing', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/orgs', { name: '错误代码公司', kind: 'enterprise', areaCode: '411525', uscc: wrongUscc }, { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.message).toMatch(/统一社会信用代码/);
    expect(await orgIdByName('错误代码公司')).toBe('');
  });

  it('refuses a duplicate name with 409', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/orgs', { name: '信阳市中级人民法院', kind: 'partner' });
    expect(res.statusCode).toBe(409);
  });

  it('stores SQL-injection strings and script tags as plain text', async () => {
    const admin = await t.as('admin');
    const evil = "x'); DROP TABLE users; -- <script>alert(1)</script>";
    const res = await admin.post('/api/orgs', { name: evil, kind: 'enterprise', areaCode: '411502', address: "' OR 1=1 --" });
    expect(res.statusCode).toBe(201);
    expect(res.data.name).toBe(evil);
    const found = await admin.get(`/api/orgs?q=${encodeURIComponent("' OR 1=1--")}`);
    expect(found.statusCode).toBe(200);
    expect(found.data.total).toBe(0);
    const users = await t.db.query('SELECT 1 FROM users LIMIT 1');
    expect(users).toHaveLength(1);
  });

  it('only the system administrator may create or disable', async () => {
    for (const who of ['city', 'security', 'auditor', 'gushi']) {
      const a = await t.as(who);
      expect((await a.post('/api/orgs', { name: `越权${who}`, kind: 'enterprise', areaCode: '411525' })).statusCode, who).toBe(403);
    }
    const admin = await t.as('admin');
    const bank = await orgIdByName('中国银行股份有限公司信阳分行');
    expect((await admin.put(`/api/orgs/${bank}/disabled`, { disabled: true })).data.disabled).toBe(true);
    const login = await t.agent().post('/api/auth/login', { username: 'bank', password: 'Xinyang#2022' });
    expect(login.statusCode).toBe(403);
    expect((await admin.put(`/api/orgs/${bank}/disabled`, { disabled: false })).data.disabled).toBe(false);
  });
});
