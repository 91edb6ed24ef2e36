import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, expect, it, inject } from 'vitest';
import { openEmbedded } from '../../src/server/db/pglite';
import { withDatabase } from '../support/global-setup';
import { appNo, csv } from '../support/registry';
import { killStrayServers, startServerProcess, type ServerProcess } from '../support/server-process';

const dir = mkdtempSync(path.join(tmpdir(), 'xz-crash-'));
const databases: string[] = [];
afterEach(killStrayServers);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const url = inject('databaseUrl');
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const ROWS = 30_000;
const BAD_EVERY = 97;

/** 30,000 rows; every 97th has a wrong check character. */
function bigFile(): { text: string; good: number; bad: number } {
  const rows: string[][] = [['申请号', '申请日', '发明名称', '申请人', '申请人地址', 'IPC主分类号']];
  let bad = 0;
  for (let i = 1; i <= ROWS; i++) {
    let no = appNo(2020, 2, 9_000_000 + i);
    if (i % BAD_EVERY === 0) {
      no = `${no.slice(0, -1)}${no.endsWith('0') ? '1' : '0'}`;
      bad++;
    }
    rows.push([no, '2020-06-01', `一种第${i}号茶叶揉捻装置`, `信阳崩溃测试${i % 300}号茶机有限公司`, '河南省信阳市浉河区茶都路', 'A23F 3/06']);
  }
  return { text: csv(rows), good: ROWS - bad, bad };
}

class Client {
  cookie = '';
  csrf = '';
  constructor(readonly url: string) {}
  async call(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
    const res = await fetch(`${this.url}${p}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const data = await res.json().catch(() => undefined);
    if (data?.csrfToken) this.csrf = data.csrfToken;
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }
  static async signIn(server: ServerProcess): Promise<Client> {
    const c = new Client(server.url);
    await c.call('POST', '/api/auth/login', { username: 'city', password: 'Xinyang#2022' });
    return c;
  }
}

async function serverEnv(): Promise<Record<string, string>> {
  const url = inject('databaseUrl');
  if (!url) return { XINZHI_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  const name = `xz_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  databases.push(name);
  return { DATABASE_URL: withDatabase(url, name), XINZHI_ALLOW_UNSAFE_DB: '1', XINZHI_DEMO: '1', XINZHI_SECRET: 'crash-test-secret-0123456789-abcdefghijklmnop', XINZHI_DATA_DIR: dir, LOG_LEVEL: 'warn' };
}

it('an import killed with SIGKILL is marked interrupted, resumes, and ends as an uninterrupted one would', async () => {
  const env = await serverEnv();
  const file = bigFile();
  const first = await startServerProcess(env);
  const c1 = await Client.signIn(first);
  const form = new FormData();
  form.append('file', new Blob([file.text]), 'crash.csv');
  const analysis = await c1.call('POST', '/api/imports?kind=patents', form);
  const job = await c1.call('POST', '/api/imports/start', { uploadKey: analysis.uploadKey, mapping: analysis.columns.map((c: any) => c.field) });

  // Kill it hard once a few batches are committed and more are to come.
  for (;;) {
    const j = await c1.call('GET', `/api/jobs/${job.id}`);
    expect(j.status, JSON.stringify(j)).not.toBe('succeeded');
    if (j.progress.done >= 4000) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  first.child.kill('SIGKILL');
  await first.exited;

  const second = await startServerProcess(env);
  const c2 = await Client.signIn(second);
  const after = await c2.call('GET', `/api/jobs/${job.id}`);
  expect(after.status).toBe('interrupted');
  expect(after.progress.done).toBeGreaterThanOrEqual(4000);
  expect(after.progress.done).toBeLessThan(ROWS);
  await c2.call('POST', `/api/jobs/${job.id}/resume`);
  let done: any;
  for (const until = Date.now() + 240_000; Date.now() < until; ) {
    done = await c2.call('GET', `/api/jobs/${job.id}`);
    if (done.status === 'succeeded' || done.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(done.status, JSON.stringify(done)).toBe('succeeded');
  expect(done.result).toMatchObject({ rows: ROWS, inserted: file.good, updated: 0, unchanged: 0, rejected: file.bad });
  const rejections = await c2.call('GET', `/api/imports/${job.id}/rejections`);
  expect(rejections.length).toBe(file.bad);
  expect(new Set(rejections.map((r: any) => r.rowNo)).size).toBe(file.bad);
  expect(rejections.every((r: any) => r.field === 'appNo' && (r.rowNo - 1) % BAD_EVERY === 0)).toBe(true);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);

  // No duplicates, nothing lost: every good row once, in the table and in the search index.
  // The load was big enough to drop the search index and stop the rollup triggers: the index is
  // back, the triggers run again and the dashboards' rollups count every patent.
  const count = `SELECT count(*)::int AS n, count(DISTINCT app_no)::int AS d,
      count(*) FILTER (WHERE search @@ to_tsquery('simple', '(崩溃 <-> 溃测 <-> 测试)'))::int AS s,
      (SELECT count(*)::int FROM pg_indexes WHERE indexname = 'patents_search') AS i,
      (SELECT count(*)::int FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relname IN ('patents', 'patent_holders') AND NOT t.tgisinternal AND t.tgenabled = 'D') AS stopped,
      (SELECT sum(n)::int FROM patent_counts WHERE industry = '*') = (SELECT count(*)::int FROM patents) AS rollups
      FROM patents WHERE title LIKE '一种第%号茶叶揉捻装置'`;
  let row: { n: number; d: number; s: number; i: number; stopped: number; rollups: boolean } | undefined;
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    row = (await client.query(count)).rows[0];
    await client.end();
  } else {
    const db = await openEmbedded({ dataDir: path.join(dir, 'db') });
    row = (await db.query<{ n: number; d: number; s: number; i: number; stopped: number; rollups: boolean }>(count))[0];
    await db.close();
  }
  expect(row).toEqual({ n: file.good, d: file.good, s: file.good, i: 1, stopped: 0, rollups: true });
  expect(done.result.stageMs.index).toBeGreaterThanOrEqual(0);
}, 420_000);
