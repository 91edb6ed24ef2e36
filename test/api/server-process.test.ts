import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../src/server/db/pglite';
import { verifyChain } from '../../src/server/domains/identity/audit/service';
import { usingPostgres } from '../support/db';
import { killStrayServers, startServerProcess } from '../support/server-process';

const dir = mkdtempSync(path.join(tmpdir(), 'xz-proc-'));
afterEach(killStrayServers);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A real process on a new folder: initdb, migrations and demo data take a while on a busy machine.
const SLOW = 240_000;

/** The real process, as `npm start` runs it: demo data on a new folder, clean stop on SIGTERM. */
describe.skipIf(usingPostgres())('server process on the embedded database', () => {
  it('finishes requests in flight on SIGTERM and leaves a consistent data folder', async () => {
    const server = await startServerProcess({ XINZHI_DATA_DIR: dir, LOG_LEVEL: 'info', XINZHI_LOGIN_RATE_LIMIT: '1000' });
    expect(existsSync(path.join(dir, 'lock'))).toBe(true);
    expect(existsSync(path.join(dir, 'server.json'))).toBe(true);
    const meta = await (await fetch(`${server.url}/api/meta`)).json();
    expect(meta).toMatchObject({ demo: true, database: 'embedded' });

    // Personal data in a search must not reach the logs.
    await (await fetch(`${server.url}/api/orgs?q=411502199001011234&phone=13812345678`)).text();
    const logins = Array.from({ length: 16 }, () =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: 'Xinyang#2022' }) }).then((r) => r.status),
    );
    // Stop once the server is working on every request: those are the requests in flight.
    const begun = () => (server.output().match(/"path":"\/api\/auth\/login"/g) ?? []).length;
    const waitUntil = Date.now() + 30_000;
    while (begun() < 16 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 5));
    expect(begun(), server.output().slice(-2000)).toBe(16);
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(logins);
    expect(await server.exited).toBe(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(server.output()).toContain('stopped cleanly');
    expect(server.output()).not.toMatch(/411502199001011234|13812345678/);
    expect(server.output()).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    expect(existsSync(path.join(dir, 'lock'))).toBe(false);
    expect(existsSync(path.join(dir, 'server.json'))).toBe(false);

    const db = await openEmbedded({ dataDir: path.join(dir, 'db') });
    try {
      expect(await verifyChain(db)).toMatchObject({ ok: true });
      const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND actor_name = 'city' AND result = 'ok'");
      expect(row?.n).toBe(16);
    } finally {
      await db.close();
    }

    // A second start reuses the folder: no new demo data, same accounts.
    const again = await startServerProcess({ XINZHI_DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const res = await fetch(`${again.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gushi', password: 'Xinyang#2022' }) });
    expect(res.status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, SLOW);

  it('a second server on the same folder refuses to start, saying why', async () => {
    const first = await startServerProcess({ XINZHI_DATA_DIR: dir, LOG_LEVEL: 'warn' });
    try {
      await expect(startServerProcess({ XINZHI_DATA_DIR: dir, LOG_LEVEL: 'warn' }, 30_000)).rejects.toThrow(/in use by process/);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  }, SLOW);

  it('a bad environment value stops start-up naming the variable', async () => {
    await expect(startServerProcess({ XINZHI_DATA_DIR: dir, PORT: 'abc' }, 20_000)).rejects.toThrow(/PORT="abc"/);
  });
});
