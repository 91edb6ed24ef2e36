import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/support/app';
import { verifyChain } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const count = async (action: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]?.n ?? 0;

/** Edits a row behind the trigger's back, as an attacker with database access would. */
async function tamper(sql: string): Promise<void> {
  await t.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER USER;`);
}

describe('audit log', () => {
  it('records sign-ins, failures, writes and denials with who, when, where and what', async () => {
    const before = { login: await count('auth.login'), create: await count('org.create'), denied: await count('access.denied') };
    await t.agent().post('/api/auth/login', { username: 'city', password: 'wrong-password-1A' });
    const admin = await t.as('admin');
    const created = await admin.post('/api/orgs', { name: '信阳审计测试茶业有限公司', kind: 'enterprise', areaCode: '411502' });
    expect(created.statusCode).toBe(201);
    const city = await t.as('city');
    expect((await city.get('/api/audit')).statusCode).toBe(403);
    expect(await count('auth.login')).toBe(before.login + 3);
    expect(await count('org.create')).toBe(before.create + 1);
    expect(await count('access.denied')).toBe(before.denied + 1);

    const auditor = await t.as('auditor');
    const page = await auditor.get(`/api/audit?action=org.create&targetId=${created.data.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.data.total).toBe(1);
    expect(page.data.items[0]).toMatchObject({ actorName: 'admin', ip: expect.any(String), action: 'org.create', targetType: 'organisation', targetLabel: '信阳审计测试茶业有限公司', result: 'ok', afterDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const failed = await auditor.get('/api/audit?result=failed&action=auth');
    expect(failed.data.items.length).toBeGreaterThan(0);
    expect(page.data.actions).toEqual(expect.arrayContaining(['auth.login', 'org.create']));
  });

  it('keeps before/after digests and the changed field names of an edit', async () => {
    const admin = await t.as('admin');
    const org = await admin.post('/api/orgs', { name: '信阳摘要测试公司', kind: 'enterprise', areaCode: '411521' });
    await admin.patch(`/api/orgs/${org.data.id}`, { address: '河南省信阳市罗山县' });
    const [row] = await t.db.query<{ before_digest: string; after_digest: string; details: { changed: string[] } }>(
      "SELECT before_digest, after_digest, details FROM audit_log WHERE action = 'org.update' AND target_id = $1",
      [org.data.id],
    );
    expect(row?.before_digest).not.toBe(row?.after_digest);
    expect(row?.details.changed).toEqual(['address']);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the table', async () => {
    await expect(t.db.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and names the first altered entry', async () => {
    const auditor = await t.as('auditor');
    const ok = await auditor.post('/api/audit/verify');
    expect(ok.data).toMatchObject({ ok: true, firstBroken: null });
    expect(ok.data.checked).toBeGreaterThan(10);

    await tamper("UPDATE audit_log SET ip = '10.0.0.66' WHERE id = 5");
    const broken = await verifyChain(t.db);
    expect(broken).toMatchObject({ ok: false, firstBroken: { id: 5, reason: 'hash' } });
    const viaApi = await auditor.post('/api/audit/verify');
    expect(viaApi.data.firstBroken.id).toBe(5);
  });

  it('notices a deleted entry as a gap', async () => {
    const other = await createTestApp();
    try {
      await other.db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE id = 3; ALTER TABLE audit_log ENABLE TRIGGER USER;');
      expect(await verifyChain(other.db)).toMatchObject({ ok: false, firstBroken: { id: 3, reason: 'gap' } });
    } finally {
      await other.close();
    }
  });

  it('keeps concurrent appends gapless and linked', async () => {
    const other = await createTestApp();
    try {
      const admin = await other.as('admin');
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => admin.post('/api/orgs', { name: `并发测试企业${i}`, kind: 'enterprise', areaCode: '411525' })),
      );
      expect(await verifyChain(other.db)).toMatchObject({ ok: true });
    } finally {
      await other.close();
    }
  });

  it('shows each user their own sign-in history only, with the reason of failures', async () => {
    await t.agent().post('/api/auth/login', { username: 'lingrui', password: 'Not-my-password-7' });
    const a = await t.as('lingrui');
    const mine = await a.get('/api/auth/sign-ins');
    expect(mine.statusCode).toBe(200);
    expect(mine.data.items.length).toBeGreaterThan(0);
    expect(mine.data.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'auth.login', result: 'failed', reason: 'bad_credentials' })]));
    const [me] = await t.db.query<{ id: string }>("SELECT id FROM users WHERE username = 'lingrui'");
    const rows = await t.db.query<{ target_id: string }>("SELECT DISTINCT target_id FROM audit_log WHERE action LIKE 'auth.%' AND target_type = 'user'");
    expect(rows.length).toBeGreaterThan(1);
    expect(mine.data.total).toBe(
      (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE (action = 'auth' OR action LIKE 'auth.%') AND target_type = 'user' AND target_id = $1", [me?.id]))[0]?.n,
    );
  });
});
