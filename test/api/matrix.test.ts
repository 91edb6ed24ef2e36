import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role } from '../../src/shared/roles';
import { allows } from '../../src/server/http/auth';
import { DEMO_ACCOUNTS } from '../../src/server/demo/accounts';
import { createTestApp, type Agent, type TestApp } from '../support/app';

/**
 * For every route × every kind of user: 401 without a session, 403 when the role lacks the
 * route's permission, and never 401/403 when it has it. Plus a written-out table for the routes
 * whose answer matters most, so a change to the permission table itself shows up here.
 */
let t: TestApp;
const agents = new Map<string, Agent>();

beforeAll(async () => {
  t = await createTestApp();
  for (const a of DEMO_ACCOUNTS) agents.set(a.username, await t.as(a.username));
});
afterAll(async () => t.close());

const SAMPLE_PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  tokenId: '00000000-0000-4000-8000-000000000000',
  code: '411525',
  year: '2020',
};

function concrete(url: string): string {
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
}

const apiRoutes = () => t.app.routeCatalogue.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json');

describe('permission matrix', () => {
  it('every route declares its access rule (deny by default)', () => {
    expect(apiRoutes().length).toBeGreaterThan(25);
    for (const r of t.app.routeCatalogue) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
  });

  const routesToProbe = () => apiRoutes().filter((r) => r.url !== '/api/auth/logout'); // logout ends the agent's session; covered in the auth tests
  const call = (agent: Agent, route: { method: string; url: string }) => {
    const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    return agent.request(method, concrete(route.url), method === 'GET' || method === 'DELETE' ? undefined : {});
  };

  it('every route answers an anonymous caller 401 unless it is public', async () => {
    const problems: string[] = [];
    for (const route of routesToProbe()) {
      const anon = await call(t.agent(), route);
      if (route.access === 'public') {
        if ([401, 403].includes(anon.statusCode)) problems.push(`${route.method} ${route.url}: public but ${anon.statusCode}`);
      } else if (anon.statusCode !== 401) problems.push(`${route.method} ${route.url}: anonymous got ${anon.statusCode}, expected 401`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  // Every route for each account: hundreds of requests per account, hence a time limit of their own.
  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('every route answers %s 403 or allowed as the permission table says', async (_name, account) => {
    const problems: string[] = [];
    for (const route of routesToProbe()) {
      const res = await call(agents.get(account.username)!, route);
      const access = route.access;
      let allowed: boolean;
      if (access === 'public' || access === 'session') allowed = true;
      else if (access === 'operator') allowed = false;
      else allowed = allows(account.roles as Role[], access);
      const denied = res.statusCode === 401 || res.statusCode === 403;
      const expected = access === 'operator' ? 401 : 403;
      if (allowed && denied && res.data?.error?.code !== 'step_required') problems.push(`${route.method} ${route.url}: ${account.username} allowed but got ${res.statusCode}`);
      if (!allowed && res.statusCode !== expected) problems.push(`${route.method} ${route.url}: ${account.username} expected ${expected}, got ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  // route → expected status for each account on a successful request (GETs), written out.
  const TABLE: Record<string, Record<string, number>> = {
    'GET /api/users': { admin: 200, security: 200, auditor: 200, city: 403, gushi: 403, shangtianti: 403, court: 403, lingrui: 403, xynu: 403, agency: 403, bank: 403 },
    'GET /api/audit': { admin: 403, security: 403, auditor: 200, city: 403, gushi: 403, shangtianti: 403, court: 403, lingrui: 403, xynu: 403, agency: 403, bank: 403 },
    'GET /api/orgs': { admin: 200, security: 200, auditor: 200, city: 200, gushi: 200, shangtianti: 200, court: 403, lingrui: 403, xynu: 403, agency: 403, bank: 403 },
    'GET /api/security/policy': { admin: 200, security: 200, auditor: 403, city: 403, gushi: 403, shangtianti: 403, court: 403, lingrui: 403, xynu: 403, agency: 403, bank: 403 },
    'GET /api/outbox': { admin: 200, security: 403, auditor: 403, city: 403, gushi: 403, shangtianti: 403, court: 403, lingrui: 403, xynu: 403, agency: 403, bank: 403 },
    'GET /api/areas': { admin: 200, security: 200, auditor: 200, city: 200, gushi: 200, shangtianti: 200, court: 200, lingrui: 200, xynu: 200, agency: 200, bank: 200 },
    'GET /api/auth/me': { admin: 200, security: 200, auditor: 200, city: 200, gushi: 200, shangtianti: 200, court: 200, lingrui: 200, xynu: 200, agency: 200, bank: 200 },
  };

  it.each(Object.entries(TABLE))('%s answers each account as written', async (route, expected) => {
    const url = route.split(' ')[1] ?? '';
    const got: Record<string, number> = {};
    for (const username of Object.keys(expected)) got[username] = (await agents.get(username)!.get(url)).statusCode;
    expect(got).toEqual(expected);
    expect((await t.agent().get(url)).statusCode).toBe(401);
  });

  it('operator routes refuse every session and unknown bearer tokens', async () => {
    const ops = t.app.routeCatalogue.filter((r) => r.access === 'operator');
    for (const r of ops) {
      const bearer = t.agent();
      bearer.headers.authorization = 'Bearer xzop_not-the-operator-token';
      expect((await bearer.request(r.method as 'POST', r.url, {})).statusCode).toBe(401);
    }
  });
});
