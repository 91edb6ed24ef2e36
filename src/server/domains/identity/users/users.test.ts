import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const orgId = async (name: string) => (await t.db.query<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name]))[0]?.id ?? '';
const userId = async (username: string) => (await t.db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0]?.id ?? '';

describe('accounts and the three powers', () => {
  it('the administrator creates an account that waits for the security administrator’s grant', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/users', { username: 'XiXian01', displayName: '息县 张明', orgId: await orgId('息县市场监督管理局'), email: 'zhangming@example.cn' });
    expect(created.statusCode).toBe(201);
    expect(created.data.user).toMatchObject({ username: 'xixian01', status: 'pending', roles: [], areaScope: '411528', mustChangePassword: true });
    expect(created.data.temporaryPassword).toMatch(/^.{14}$/);
    const stored = await t.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'xixian01'");
    expect(stored[0]?.password_hash).toMatch(/^\$argon2id\$/);

    // Until granted, the account cannot sign in.
    const early = await t.agent().post('/api/auth/login', { username: 'xixian01', password: created.data.temporaryPassword }, { 'accept-language': 'zh-CN' });
    expect(early.statusCode).toBe(403);
    expect(early.data.error).toMatchObject({ code: 'account_pending', message: expect.stringContaining('尚未授权') });

    // The administrator cannot grant; the security administrator can, within the rules.
    const id = created.data.user.id as string;
    expect((await admin.put(`/api/users/${id}/grants`, { roles: ['area_officer'], areaScope: '411528' })).statusCode).toBe(403);
    const security = await t.as('security');
    const cityWide = await security.put(`/api/users/${id}/grants`, { roles: ['area_officer'], areaScope: '411500' });
    expect(cityWide.statusCode).toBe(422);
    const combined = await security.put(`/api/users/${id}/grants`, { roles: ['sysadmin', 'auditor'], areaScope: '411500' });
    expect(combined.statusCode).toBe(422);
    const ok = await security.put(`/api/users/${id}/grants`, { roles: ['area_officer'], areaScope: '411528' });
    expect(ok.statusCode).toBe(200);
    expect(ok.data.status).toBe('active');
  });

  it('masks e-mail addresses for everyone but the system administrator', async () => {
    const admin = await t.as('admin');
    const auditor = await t.as('auditor');
    const id = await userId('xixian01');
    expect((await admin.get(`/api/users/${id}`)).data.email).toBe('zhangming@example.cn');
    expect((await auditor.get(`/api/users/${id}`)).data.email).toBe('z***@example.cn');
  });

  it('nobody changes their own roles, disables themselves or resets their own password through admin routes', async () => {
    const security = await t.as('security');
    expect((await security.put(`/api/users/${await userId('security')}/grants`, { roles: ['sysadmin'], areaScope: '411500' })).statusCode).toBe(422);
    const admin = await t.as('admin');
    expect((await admin.put(`/api/users/${await userId('admin')}/disabled`, { disabled: true })).statusCode).toBe(422);
    expect((await admin.post(`/api/users/${await userId('admin')}/reset-password`)).statusCode).toBe(422);
  });

  it('the auditor reads but cannot change accounts; the security administrator cannot create them', async () => {
    const auditor = await t.as('auditor');
    expect((await auditor.get('/api/users')).statusCode).toBe(200);
    expect((await auditor.post('/api/users', { username: 'x1', displayName: 'x', orgId: await orgId('信阳市知识产权局') })).statusCode).toBe(403);
    const security = await t.as('security');
    expect((await security.post('/api/users', { username: 'x2', displayName: 'x', orgId: await orgId('信阳市知识产权局') })).statusCode).toBe(403);
    expect((await security.get('/api/audit')).statusCode).toBe(403);
    const admin = await t.as('admin');
    expect((await admin.get('/api/audit')).statusCode).toBe(403);
    expect((await admin.put('/api/security/policy', { minLength: 12, maxFailures: 5, lockMinutes: 15, idleMinutes: 30, absoluteHours: 12, mfaForAll: false })).statusCode).toBe(403);
  });

  it('refuses bad usernames, duplicates and unknown organisations, storing nothing', async () => {
    const admin = await t.as('admin');
    const org = await orgId('信阳市知识产权局');
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n;
    expect((await admin.post('/api/users', { username: '张三', displayName: '张三', orgId: org })).statusCode).toBe(400);
    expect((await admin.post('/api/users', { username: 'city', displayName: '重复', orgId: org })).statusCode).toBe(409);
    expect((await admin.post('/api/users', { username: 'ghost1', displayName: '无机构', orgId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    const after = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n;
    expect(after).toBe(before);
  });

  it('shows a script tag in a display name as text in the API (never as markup)', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/users', { username: 'xsstest', displayName: '<img src=x onerror=alert(1)>', orgId: await orgId('信阳市知识产权局') });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.data.user.displayName).toBe('<img src=x onerror=alert(1)>');
  });

  it('the security administrator tightens the policy within the 等保 bounds only', async () => {
    const security = await t.as('security');
    const weaker = await security.put('/api/security/policy', { minLength: 6, maxFailures: 10, lockMinutes: 1, idleMinutes: 120, absoluteHours: 48, mfaForAll: false });
    expect(weaker.statusCode).toBe(400);
    const stricter = await security.put('/api/security/policy', { minLength: 12, maxFailures: 3, lockMinutes: 30, idleMinutes: 15, absoluteHours: 8, mfaForAll: false });
    expect(stricter.statusCode).toBe(200);
    const a = t.agent();
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await a.post('/api/auth/login', { username: 'court', password: 'Wrong-password-1' })).statusCode);
    expect(codes).toEqual([401, 401, 423]);
    await security.put('/api/security/policy', { minLength: 10, maxFailures: 5, lockMinutes: 15, idleMinutes: 30, absoluteHours: 12, mfaForAll: false });
  });

  it('issues an API token shown once, stored hashed, usable with the organisation’s role until revoked', async () => {
    const admin = await t.as('admin');
    const court = await orgId('信阳市中级人民法院');
    const issued = await admin.post(`/api/orgs/${court}/tokens`, { name: '案件信息共享接口', expiresInDays: 30 });
    expect(issued.statusCode).toBe(201);
    const token = issued.data.token as string;
    expect(token).toMatch(/^xz_/);
    expect(issued.data.view).toMatchObject({ roles: ['partner'], status: 'active', prefix: token.slice(0, 10) });
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [issued.data.view.id]);
    expect(stored[0]?.token_hash).not.toContain(token);
    const listed = await admin.get(`/api/orgs/${court}/tokens`);
    expect(JSON.stringify(listed.data)).not.toContain(token);

    const machine = t.agent();
    machine.headers.authorization = `Bearer ${token}`;
    expect((await machine.get('/api/areas')).statusCode).toBe(200);
    expect((await machine.get('/api/users')).statusCode).toBe(403);
    expect((await admin.post(`/api/tokens/${issued.data.view.id}/revoke`)).data.status).toBe('revoked');
    expect((await machine.get('/api/areas')).statusCode).toBe(401);
  });
});
