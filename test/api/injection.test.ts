import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

/**
 * SECURITY.md IN-2 / IN-3: hostile strings in every text field of every form are stored and
 * returned as the very same text, and change nothing else.
 */
const HOSTILE = ["'; DROP TABLE users; --", "' OR '1'='1", '<script>alert(1)</script>', '"; SELECT pg_sleep(1); --', '${7*7}{{7*7}}', "\\'; COPY users TO PROGRAM 'id'; --"];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      ['users', 'organisations', 'api_tokens', 'area_population', 'sessions'].map(async (table) => [
        table,
        (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n,
      ]),
    ),
  );

describe('hostile text in every field', () => {
  it.each(HOSTILE.map((s, i) => [i, s] as const))('round-trips hostile string %i unchanged', async (i, evil) => {
    const admin = await t.as('admin');
    const before = await counts();

    const org = await admin.post('/api/orgs', { name: `机构${i}${evil}`, kind: 'enterprise', areaCode: '411525', address: evil, phone: evil.slice(0, 30) });
    expect(org.statusCode, org.body).toBe(201);
    expect(org.data).toMatchObject({ name: `机构${i}${evil}`, address: evil, phone: evil.slice(0, 30) });

    const user = await admin.post('/api/users', { username: `evil${i}`, displayName: evil.slice(0, 50), orgId: org.data.id });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.data.user.displayName).toBe(evil.slice(0, 50));

    const token = await admin.post(`/api/orgs/${org.data.id}/tokens`, { name: `令牌${evil}`.slice(0, 60) });
    expect(token.statusCode, token.body).toBe(201);
    expect(token.data.view.name).toBe(`令牌${evil}`.slice(0, 60));

    const city = await t.as('city');
    const figure = await city.put(`/api/areas/411525/population/${2000 + i}`, { population: 1000 + i, source: evil, note: evil });
    expect(figure.statusCode, figure.body).toBe(200);
    expect(figure.data).toMatchObject({ source: evil, note: evil });

    // As a search the string finds exactly the one organisation whose name contains it …
    const found = await city.get(`/api/orgs?q=${encodeURIComponent(evil)}`);
    expect(found.statusCode).toBe(200);
    expect(found.data.items.map((o: { id: string }) => o.id)).toEqual([org.data.id]);
    // … and as a filter value it matches nothing or is refused, never everything.
    for (const q of ['kind', 'area']) {
      const res = await city.get(`/api/orgs?${q}=${encodeURIComponent(evil)}`);
      expect([200, 400]).toContain(res.statusCode);
      if (res.statusCode === 200) expect(res.data.total).toBe(0);
    }
    const search = await admin.get(`/api/users?q=${encodeURIComponent(evil)}`);
    expect(search.statusCode).toBe(200);
    expect(search.data.items.every((u: { displayName: string }) => u.displayName.includes(evil.slice(0, 10)))).toBe(true);

    const after = await counts();
    expect(after).toMatchObject({
      users: (before.users ?? 0) + 1,
      organisations: (before.organisations ?? 0) + 1,
      api_tokens: (before.api_tokens ?? 0) + 1,
      area_population: (before.area_population ?? 0) + 1,
    });
  });
});
