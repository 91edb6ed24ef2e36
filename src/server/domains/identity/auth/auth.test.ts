import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { HOUR, MINUTE } from '../../../clock';
import { DEMO_PASSWORD } from './password-rules';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** An account made by the administrator and granted by the security administrator, as in real use. */
async function newAccount(username: string, roles: string[], scope = '411500'): Promise<{ id: string; password: string }> {
  const admin = await t.as('admin');
  const security = await t.as('security');
  const orgs = await admin.get('/api/orgs?q=信阳市知识产权局');
  const orgId = orgs.data.items[0].id as string;
  const created = await admin.post('/api/users', { username, displayName: `测试${username}`, orgId });
  expect(created.statusCode).toBe(201);
  const id = created.data.user.id as string;
  const granted = await security.put(`/api/users/${id}/grants`, { roles, areaScope: scope });
  expect(granted.statusCode).toBe(200);
  return { id, password: created.data.temporaryPassword as string };
}

const totpCode = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

describe('sign-in', () => {
  it('signs a demo account in and reports who it is', async () => {
    const a = t.agent();
    const res = await a.post('/api/auth/login', { username: 'gushi', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.data.user).toMatchObject({ username: 'gushi', areaScope: '411525', roles: ['area_officer'], areaName: '固始县' });
    expect(res.data.stage).toBe('active');
    expect(res.data.csrfToken).toEqual(expect.any(String));
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^xz_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await a.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.data.user.org.name).toBe('固始县市场监督管理局');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const wrong = await t.agent().post('/api/auth/login', { username: 'city', password: 'Not-the-password-1' });
    const unknown = await t.agent().post('/api/auth/login', { username: 'nobody-here', password: 'Not-the-password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    const audit = await t.db.query<{ result: string }>("SELECT result FROM audit_log WHERE action = 'auth.login' AND details->>'username' = 'nobody-here'");
    expect(audit.map((r) => r.result)).toEqual(['failed']);
  });

  it('locks the account for 15 minutes after 5 wrong passwords, audited, even for the right password', async () => {
    const { password } = await newAccount('lockme', ['city_officer']);
    const a = t.agent();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await a.post('/api/auth/login', { username: 'lockme', password: 'Wrong-password-9' })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await a.post('/api/auth/login', { username: 'lockme', password }, { 'accept-language': 'zh-CN' });
    expect(right.statusCode).toBe(423);
    expect(right.data.error.code).toBe('account_locked');
    expect(right.data.error.message).toContain('分钟');
    const locks = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'auth.lock' AND target_id = (SELECT id::text FROM users WHERE username = 'lockme')");
    expect(locks).toHaveLength(1);
    t.clock.advance(16 * MINUTE);
    const later = await a.post('/api/auth/login', { username: 'lockme', password });
    expect(later.statusCode).toBe(200);
    expect(later.data.stage).toBe('password');
  });

  it('forces a new password after an administrator reset, then revokes the old sessions', async () => {
    const { id, password } = await newAccount('resetme', ['city_officer']);
    const first = t.agent();
    expect((await first.post('/api/auth/login', { username: 'resetme', password })).data.stage).toBe('password');
    expect((await first.get('/api/orgs')).statusCode).toBe(403);
    const changed = await first.post('/api/auth/password', { currentPassword: password, newPassword: 'Maojian-Spring-2026' });
    expect(changed.statusCode).toBe(200);
    expect(changed.data.stage).toBe('active');
    expect((await first.get('/api/orgs')).statusCode).toBe(200);

    const other = t.agent();
    expect((await other.post('/api/auth/login', { username: 'resetme', password: 'Maojian-Spring-2026' })).statusCode).toBe(200);
    const admin = await t.as('admin');
    const reset = await admin.post(`/api/users/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.agent().post('/api/auth/login', { username: 'resetme', password: reset.data.temporaryPassword });
    expect(again.data.stage).toBe('password');
  });

  it('enforces the password policy with every reason', async () => {
    const { password } = await newAccount('policyuser', ['city_officer']);
    const a = t.agent();
    await a.post('/api/auth/login', { username: 'policyuser', password });
    const cases: Array<[string, RegExp]> = [
      ['Short1!', /At least 10/],
      ['alllowercaseonly', /three of/],
      ['Policyuser-2026!', /username/],
      ['Password123!', /too common/],
      [DEMO_PASSWORD, /demo mode|too common/],
    ];
    for (const [pw, reason] of cases) {
      const res = await a.post('/api/auth/password', { currentPassword: password, newPassword: pw }, { 'accept-language': 'en' });
      expect(res.statusCode, pw).toBe(422);
      expect(res.data.error.message, pw).toMatch(reason);
    }
    const stored = await t.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'policyuser'");
    expect(stored[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/);
    const [, m, tt] = /m=(\d+),t=(\d+)/.exec(stored[0]?.password_hash ?? '') ?? [];
    expect(Number(m)).toBeGreaterThanOrEqual(19456);
    expect(Number(tt)).toBeGreaterThanOrEqual(2);
  });

  it('takes as long for an unknown user as for a wrong password (no enumeration by timing)', async () => {
    const time = async (username: string) => {
      const start = performance.now();
      await t.agent().post('/api/auth/login', { username, password: 'Not-the-password-1' });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 20; i++) {
      // Interleaved so that machine noise hits both alike; xynu is never locked (a success resets it).
      known.push(await time('xynu'));
      unknown.push(await time(`ghost${i}`));
      if (i % 4 === 3) await t.as('xynu');
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('limits sign-in attempts per client address (429, in the error shape)', async () => {
    const limited = await createTestApp({ env: { XINZHI_LOGIN_RATE_LIMIT: '3' } });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await limited.agent().post('/api/auth/login', { username: `someone${i}`, password: 'whatever-1A' });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(last?.data.error.code).toBe('rate_limited');
      expect(last?.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  it('refuses the demo password and demo accounts outside demo mode', async () => {
    const prod = await createTestApp({ demo: false });
    try {
      const res = await prod.agent().post('/api/auth/login', { username: 'city', password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(403);
      expect(res.data.error.code).toBe('account_disabled');
      const meta = await prod.agent().get('/api/meta');
      expect(meta.data.demo).toBe(false);
      expect(meta.data.demoAccounts).toBeUndefined();
      expect(meta.data.demoPassword).toBeUndefined();
    } finally {
      await prod.close();
    }
  });

  it('lists demo accounts on the sign-in page data in demo mode only', async () => {
    const meta = await t.agent().get('/api/meta');
    expect(meta.data.demo).toBe(true);
    expect(meta.data.demoAccounts.map((d: { username: string }) => d.username)).toEqual(
      expect.arrayContaining(['admin', 'city', 'gushi', 'shangtianti', 'court', 'lingrui', 'agency', 'bank']),
    );
    expect(meta.data.demoPassword).toBe(DEMO_PASSWORD);
    expect(meta.data.passwordMinLength).toBe(10);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes, and after 12 hours however busy', async () => {
    const a = await t.as('city');
    t.clock.advance(29 * MINUTE);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const idle = await a.get('/api/auth/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.data.error.code).toBe('session_expired');

    const busy = await t.as('city');
    let minutes = 0;
    while (minutes + 25 <= 12 * 60) {
      t.clock.advance(25 * MINUTE);
      minutes += 25;
      expect((await busy.get('/api/areas')).statusCode, `after ${minutes} min`).toBe(200);
    }
    t.clock.advance(25 * MINUTE);
    expect((await busy.get('/api/areas')).statusCode).toBe(401);
    expect(12 * HOUR).toBeLessThan((minutes + 25) * MINUTE);
  });

  it('logout revokes the session: replaying the cookie is refused', async () => {
    const a = await t.as('city');
    const cookie = a.cookie;
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = t.agent();
    replay.cookie = cookie;
    expect((await replay.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changing the password ends every other session of the account', async () => {
    const { password } = await newAccount('twotabs', ['city_officer']);
    const first = t.agent();
    await first.post('/api/auth/login', { username: 'twotabs', password });
    await first.post('/api/auth/password', { currentPassword: password, newPassword: 'Nanwan-Lake-2026' });
    const second = t.agent();
    expect((await second.post('/api/auth/login', { username: 'twotabs', password: 'Nanwan-Lake-2026' })).statusCode).toBe(200);
    expect((await first.post('/api/auth/password', { currentPassword: 'Nanwan-Lake-2026', newPassword: 'Jigong-Hill-2027' })).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('a disabled account loses its sessions at once', async () => {
    const { id, password } = await newAccount('disableme', ['city_officer']);
    const a = t.agent();
    await a.post('/api/auth/login', { username: 'disableme', password });
    await a.post('/api/auth/password', { currentPassword: password, newPassword: 'Tea-Garden-Road-88' });
    const admin = await t.as('admin');
    expect((await admin.put(`/api/users/${id}/disabled`, { disabled: true, reason: '离职' })).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    const again = await t.agent().post('/api/auth/login', { username: 'disableme', password: 'Tea-Garden-Road-88' });
    expect(again.statusCode).toBe(403);
    expect(again.data.error.code).toBe('account_disabled');
  });
});

describe('two-factor sign-in', () => {
  it('an administrator account must enrol TOTP before reaching administrator routes', async () => {
    const { password } = await newAccount('sysadmin2', ['sysadmin']);
    const a = t.agent();
    const login = await a.post('/api/auth/login', { username: 'sysadmin2', password });
    expect(login.data.stage).toBe('enrol');
    expect((await a.get('/api/users')).statusCode).toBe(403);
    expect((await a.get('/api/users')).data.error.code).toBe('step_required');

    const setup = await a.post('/api/auth/mfa/setup');
    expect(setup.statusCode).toBe(200);
    expect(setup.data.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.data.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await t.db.query<{ totp_secret_enc: string }>("SELECT totp_secret_enc FROM users WHERE username = 'sysadmin2'");
    expect(stored[0]?.totp_secret_enc).not.toContain(setup.data.secret);

    expect((await a.post('/api/auth/mfa/confirm', { code: '000000' })).statusCode).toBe(401);
    const confirm = await a.post('/api/auth/mfa/confirm', { code: totpCode(setup.data.secret, t.clock.now()) });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.data.recoveryCodes).toHaveLength(10);
    expect(confirm.data.view.stage).toBe('password');
    await a.post('/api/auth/password', { currentPassword: password, newPassword: 'Admin-Second-Key-77' });
    expect((await a.get('/api/users')).statusCode).toBe(200);

    // Next sign-in: password alone is not enough; a code works once; a recovery code works once.
    t.clock.advance(MINUTE);
    const b = t.agent();
    const second = await b.post('/api/auth/login', { username: 'sysadmin2', password: 'Admin-Second-Key-77' });
    expect(second.data.stage).toBe('mfa');
    expect((await b.get('/api/users')).statusCode).toBe(403);
    const code = totpCode(setup.data.secret, t.clock.now());
    expect((await b.post('/api/auth/mfa', { code })).data.stage).toBe('active');
    expect((await b.get('/api/users')).statusCode).toBe(200);
    const c = t.agent();
    await c.post('/api/auth/login', { username: 'sysadmin2', password: 'Admin-Second-Key-77' });
    expect((await c.post('/api/auth/mfa', { code })).statusCode).toBe(401);
    const recovery = confirm.data.recoveryCodes[0] as string;
    expect((await c.post('/api/auth/mfa', { recoveryCode: recovery })).data.stage).toBe('active');
    const d = t.agent();
    await d.post('/api/auth/login', { username: 'sysadmin2', password: 'Admin-Second-Key-77' });
    expect((await d.post('/api/auth/mfa', { recoveryCode: recovery })).statusCode).toBe(401);
  });

  it('demo administrators are exempt in demo mode and are told so', async () => {
    const a = await t.as('auditor');
    const me = await a.get('/api/auth/me');
    expect(me.data.stage).toBe('active');
    expect(me.data.user).toMatchObject({ mfaRequired: true, mfaExempt: true, mfaEnabled: false });
  });

  it('ordinary users may turn optional TOTP on and off again', async () => {
    const a = await t.as('lingrui');
    const setup = await a.post('/api/auth/mfa/setup');
    const confirm = await a.post('/api/auth/mfa/confirm', { code: totpCode(setup.data.secret, t.clock.now()) });
    expect(confirm.data.view.user.mfaEnabled).toBe(true);
    expect((await a.post('/api/auth/mfa/disable', { password: 'wrong' })).statusCode).toBe(401);
    const off = await a.post('/api/auth/mfa/disable', { password: DEMO_PASSWORD });
    expect(off.data.user.mfaEnabled).toBe(false);
  });
});
