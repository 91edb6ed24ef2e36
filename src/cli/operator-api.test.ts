import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app';
import { sha256 } from '../server/crypto';
import { COMMANDS } from './commands';

/** The operator API that the CLI uses while a server holds the data folder (in-process, no child processes). */
const TOKEN = 'xzop_test-operator-token-0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.ctx.operatorTokenHash = sha256(TOKEN);
});
afterAll(async () => t.close());

describe('POST /api/operator/<command>', () => {
  it('exists for every command but restore, and is documented', async () => {
    const doc = (await t.agent().get('/api/openapi.json')).data as { paths: Record<string, unknown> };
    for (const cmd of COMMANDS) expect(`/api/operator/${cmd.id}` in doc.paths, cmd.id).toBe(cmd.remote);
    expect(COMMANDS.find((c) => c.id === 'restore')?.remote).toBe(false);
    expect((await t.agent().post('/api/operator/restore', { file: '/tmp/x.tar.gz' }, bearer)).statusCode).toBe(404);
  });

  it('lets in only the operator token: not anonymous callers, other tokens or administrators', async () => {
    const body = { username: 'op.test', displayName: '运维测试', org: '信阳市知识产权局' };
    expect((await t.agent().post('/api/operator/user-create', body)).statusCode).toBe(401);
    expect((await t.agent().post('/api/operator/user-create', body, { authorization: 'Bearer xzop_wrong' })).statusCode).toBe(401);
    const admin = await t.as('admin');
    expect((await admin.post('/api/operator/user-create', body)).statusCode).toBe(401);
  });

  it('validates the body with the command’s schema and runs the command as the operator', async () => {
    const bad = await t.agent().post('/api/operator/user-create', { username: 'Bad Name!', displayName: 'x', org: 'y', extra: 1 }, bearer);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.code).toBe('validation');

    const ok = await t.agent().post('/api/operator/user-create', { username: 'op.test', displayName: '运维测试', org: '信阳市知识产权局', roles: ['auditor'] }, bearer);
    expect(ok.statusCode).toBe(200);
    expect(ok.data.data.user).toMatchObject({ username: 'op.test', roles: ['auditor'], areaScope: '411500' });
    expect(ok.data.message).toContain(ok.data.data.temporaryPassword);
    const [row] = await t.db.query<{ actor_kind: string }>("SELECT actor_kind FROM audit_log WHERE action = 'user.create' ORDER BY id DESC LIMIT 1");
    expect(row?.actor_kind).toBe('operator');

    const taken = await t.agent().post('/api/operator/user-create', { username: 'op.test', displayName: '运维测试', org: '信阳市知识产权局' }, bearer);
    expect(taken.statusCode).toBe(409);
  });

  it('verifies the audit chain, and reports a broken one as a rule violation naming the entry', async () => {
    const ok = await t.agent().post('/api/operator/audit-verify', {}, bearer);
    expect(ok.statusCode).toBe(200);
    expect(ok.data.data).toMatchObject({ ok: true, firstBroken: null });

    await t.db.exec("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET ip = '10.0.0.1' WHERE id = 2; ALTER TABLE audit_log ENABLE TRIGGER USER");
    const broken = await t.agent().post('/api/operator/audit-verify', {}, bearer);
    expect(broken.statusCode).toBe(422);
    expect(broken.data.error.message).toContain('first broken entry: 2 (hash)');
    expect(broken.data.error.details.firstBroken).toMatchObject({ id: 2, reason: 'hash' });
  });

  it('verifies the evidence chains and files', async () => {
    const ok = await t.agent().post('/api/operator/evidence-verify', {}, bearer);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.data.data).toMatchObject({ ok: true, problems: [] });
    expect(ok.data.message).toMatch(/^存证完好/);
  });
});
