import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('contract', () => {
  it('GET /api/health answers ok with the database kind', async () => {
    const res = await t.agent().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({ status: 'ok', database: t.db.kind });
  });

  it('publishes an OpenAPI 3 document that lists the routes', async () => {
    const res = await t.agent().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.data.openapi).toMatch(/^3\./);
    expect(Object.keys(res.data.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/orgs/{id}', '/api/audit']));
    expect(res.data.paths['/api/users'].post.requestBody).toBeDefined();
    const docs = await t.agent().get('/api/docs');
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers an unknown API path with the error shape and 404', async () => {
    const res = await t.agent().get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.data).toMatchObject({ error: { code: 'not_found' } });
  });

  it('rejects malformed JSON with 400 bad_json', async () => {
    const a = await t.as('admin');
    const res = await a.request('POST', '/api/orgs', '{"name": "x",', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.data).toMatchObject({ error: { code: 'bad_json' } });
  });

  it('rejects a 10 MB JSON body with 413 and stores nothing', async () => {
    const a = await t.as('admin');
    const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    const big = JSON.stringify({ name: 'x'.repeat(10 * 1024 * 1024), kind: 'enterprise', areaCode: '411525' });
    const res = await a.request('POST', '/api/orgs', big, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);
    expect(res.data).toMatchObject(errorShape);
    const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
    expect(after?.n).toBe(before?.n);
  });

  it('rejects an unknown query parameter with 400 naming it', async () => {
    const a = await t.as('admin');
    const res = await a.get('/api/users?page=1&colour=red', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.data.error.code).toBe('validation');
    expect(JSON.stringify(res.data.error.details)).toContain('colour');
  });

  it('rejects unknown body fields and wrong types, listing each field, in both languages by default', async () => {
    const a = await t.as('admin');
    const res = await a.post('/api/orgs', { name: 1, kind: 'shop', extra: true });
    expect(res.statusCode).toBe(400);
    const fields = (res.data.error.details as Array<{ field: string; message: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.kind']));
    expect(res.data.error.message).toMatch(/ \/ /);
    const zh = await a.post('/api/orgs', { name: 1, kind: 'enterprise' }, { 'accept-language': 'zh-CN' });
    expect(zh.data.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('needs the CSRF token on state-changing requests made with a session cookie', async () => {
    const a = await t.as('admin');
    const res = await a.post('/api/orgs', { name: '无令牌测试机构', kind: 'enterprise', areaCode: '411525' }, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.data.error.code).toBe('csrf');
    const wrong = await a.post('/api/orgs', { name: '无令牌测试机构', kind: 'enterprise', areaCode: '411525' }, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    const rows = await t.db.query("SELECT 1 FROM organisations WHERE name = '无令牌测试机构'");
    expect(rows).toHaveLength(0);
  });

  it('sets the security headers on API and HTML responses', async () => {
    for (const url of ['/api/health', '/login']) {
      const res = await t.agent().get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBeDefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-request-id']).toBeDefined();
    }
  });

  it('adds HSTS and a __Host- Secure cookie behind HTTPS', async () => {
    const secure = await createTestApp({ config: { trustProxy: true } });
    try {
      const res = await secure.agent().post('/api/auth/login', { username: 'city', password: 'Xinyang#2022' }, { 'x-forwarded-proto': 'https' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-xz_sid=/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
    } finally {
      await secure.close();
    }
  });

  it('serves the web app at / and at client routes, but JSON 404 for unknown API paths', async () => {
    for (const url of ['/', '/login', '/orgs/123', '/no/such/page']) {
      const res = await t.agent().get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('keeps a given request id and echoes it', async () => {
    const res = await t.agent().get('/api/health', { 'x-request-id': 'trace-12345678' });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
  });
});
