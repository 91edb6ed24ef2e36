/**
 * Journey: five wrong passwords lock an account (the sign-in page says so, with the minutes left),
 * the right password does not get past the lock, and an unknown username gets exactly the answer a
 * wrong password gets (no account enumeration).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { h } from './journey';

let page: Page | undefined;

const WRONG = '用户名或密码错误';

/** One press of 登录 on the open sign-in page; returns the HTTP status and the message shown. */
async function attempt(p: Page, username: string, password: string): Promise<{ status: number; message: string }> {
  const user = p.getByLabel('用户名');
  if ((await user.inputValue()) !== username) await user.fill(username);
  await p.getByLabel(/^密码/).fill(password);
  const [res] = await Promise.all([
    p.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
    p.getByRole('button', { name: /登\s*录/ }).click(),
  ]);
  // The page clears the password once it has shown the answer.
  await expect.poll(() => p.getByLabel(/^密码/).inputValue()).toBe('');
  const alert = p.getByRole('alert');
  await alert.waitFor();
  return { status: res.status(), message: (await alert.innerText()).trim() };
}

async function loginPage(): Promise<Page> {
  const p = await h.page();
  await p.goto('/login');
  await p.getByLabel('用户名').waitFor();
  return p;
}

async function policyLockMinutes(): Promise<number> {
  const a = await h.t.as('security');
  const r = await a.get('/api/security/policy');
  expect(r.statusCode).toBe(200);
  return r.data.lockMinutes as number;
}

describe('sign-in lockout', () => {
  test('five wrong passwords lock court; the right password then still shows the lock', async () => {
    const minutes = await policyLockMinutes();
    const maxFailures = (await (await h.t.as('security')).get('/api/security/policy')).data.maxFailures as number;
    expect(maxFailures).toBe(5);

    page = await loginPage();
    for (let i = 1; i < maxFailures; i++) {
      const r = await attempt(page, 'court', `wrong-password-${i}`);
      expect(r, `attempt ${i}`).toEqual({ status: 401, message: WRONG });
    }
    const locked = await attempt(page, 'court', 'wrong-password-5');
    expect(locked.status).toBe(423);
    expect(locked.message).toBe(`连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);

    // The 6th try with the right password: still locked, still on the sign-in page.
    const sixth = await attempt(page, 'court', 'Xinyang#2022');
    expect(sixth.status).toBe(423);
    expect(sixth.message).toMatch(/^连续登录失败次数过多，账号已锁定，请 \d+ 分钟后再试$/);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);

    // The lock is recorded for the account.
    const [row] = await h.t.db.query<{ locked_until: Date | null }>('SELECT locked_until FROM users WHERE username = $1', ['court']);
    expect(row?.locked_until).toBeTruthy();

    // Other accounts are not affected: xynu signs in from the same page.
    await page.getByLabel('用户名').fill('xynu');
    await page.getByLabel(/^密码/).fill('Xinyang#2022');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
  });

  test('after the lock time has passed, the right password works again', async () => {
    const minutes = await policyLockMinutes();
    // Lock agency through the API (the page flow is the test above).
    const api = h.t.agent();
    for (let i = 0; i < 5; i++) await api.post('/api/auth/login', { username: 'agency', password: `nope-${i}` });

    page = await loginPage();
    const locked = await attempt(page, 'agency', 'Xinyang#2022');
    expect(locked).toEqual({ status: 423, message: `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试` });

    // One minute before the end the lock still holds, and says 1 minute.
    h.t.clock.advance((minutes - 1) * 60_000 + 1_000);
    const almost = await attempt(page, 'agency', 'Xinyang#2022');
    expect(almost).toEqual({ status: 423, message: '连续登录失败次数过多，账号已锁定，请 1 分钟后再试' });

    h.t.clock.advance(60_000);
    await page.getByLabel(/^密码/).fill('Xinyang#2022');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: '工作台', level: 1 }).waitFor();
  });

  test('an unknown username gets the same message as a wrong password', async () => {
    page = await loginPage();
    const unknown = await attempt(page, 'nosuchuser', 'Whatever#2022');
    const wrong = await attempt(page, 'bank', 'Whatever#2022');
    expect(unknown).toEqual({ status: 401, message: WRONG });
    expect(wrong).toEqual(unknown);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
