import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { withDatabase } from '../../test/support/global-setup';
import { killStrayServers, startServerProcess } from '../../test/support/server-process';
import { openEmbedded } from '../server/db/pglite';

/**
 * The `xinzhi` command end to end, in child processes as an operator runs it: on an embedded data
 * folder, or on fresh PostgreSQL databases when TEST_DATABASE_URL is set (then without the server
 * part, which only concerns the embedded folder's lock).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'xinzhi.js');
const adminUrl = inject('databaseUrl');
const SECRET = 'cli-test-secret-0123456789-abcdefghijklmnop';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The parent's environment without anything that would point the CLI at another database. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'DATABASE_URL' || key.startsWith('XINZHI_')) delete env[key];
  return env;
}

function finished(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

async function xinzhi(target: Target, args: string[], stdin?: string): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...baseEnv(), ...target.env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin?.end(stdin ?? '');
  return { code: await finished(child), stdout, stderr };
}

interface Target {
  env: Record<string, string>;
  /** Runs SQL on the target while no xinzhi process has it open. */
  sql(statements: string[]): Promise<unknown[][]>;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl ?? '' });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function newTarget(root: string, name: string): Promise<Target> {
  const dataDir = path.join(root, name);
  if (!adminUrl) {
    return {
      env: { XINZHI_DATA_DIR: dataDir },
      async sql(statements) {
        const db = await openEmbedded({ dataDir: path.join(dataDir, 'db') });
        try {
          const out: unknown[][] = [];
          for (const s of statements) out.push(await db.query(s));
          return out;
        } finally {
          await db.close();
        }
      },
      drop: async () => undefined,
    };
  }
  const dbName = `xz_cli_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const url = withDatabase(adminUrl, dbName);
  return {
    env: { XINZHI_DATA_DIR: dataDir, DATABASE_URL: url, XINZHI_SECRET: SECRET, XINZHI_ALLOW_UNSAFE_DB: '1' },
    async sql(statements) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const out: unknown[][] = [];
        for (const s of statements) out.push((await c.query(s)).rows);
        return out;
      } finally {
        await c.end();
      }
    },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`),
  };
}

let root: string;
let main: Target;
let restored: Target;
const backupFile = () => path.join(root, 'cli-backup.tar.gz');
const ORG = '命令行测试科技有限公司';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'xinzhi-cli-test-'));
  main = await newTarget(root, 'main');
  restored = await newTarget(root, 'restored');
});

afterAll(async () => {
  await main?.drop();
  await restored?.drop();
  await rm(root, { recursive: true, force: true });
});

describe('xinzhi', () => {
  it('--help lists every command', async () => {
    const r = await xinzhi(main, ['--help']);
    expect(r.code).toBe(0);
    for (const word of ['migrate', 'org', 'user', 'create', 'disable', 'reset-password', 'seed', 'backup', 'restore', 'audit', 'verify']) expect(r.stdout).toContain(word);
    const sub = await xinzhi(main, ['user', 'create', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/新建账号（可直接授予角色） \/ Create an account/);
    expect(sub.stdout).toMatch(/Examples[\s\S]*\$ xinzhi user create --username/);
  });

  it('rejects a bad username with a readable message and creates nothing', async () => {
    const r = await xinzhi(main, ['user', 'create', '--username', 'Bad Name!', '--name', '某人', '--org', ORG]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--username: 用户名为 2–32 位字母、数字或 _ . -，以字母开头 / 2–32 characters: letters, digits, _ . -, starting with a letter');
    // Arguments are checked before the database is opened: nothing was even created on disk.
    if (!adminUrl) expect(existsSync(path.join(main.env.XINZHI_DATA_DIR ?? '', 'db'))).toBe(false);
    else expect(await main.sql(["SELECT to_regclass('public.users') AS t"])).toEqual([[{ t: null }]]);
  });

  it('migrates, creates an organisation and accounts, disables, resets a password and verifies the audit log', async () => {
    expect((await xinzhi(main, ['migrate'])).code).toBe(0);

    const org = await xinzhi(main, ['--json', 'org', 'create', '--name', ORG, '--kind', 'enterprise', '--area', '411525']);
    expect(org.code).toBe(0);
    expect(JSON.parse(org.stdout).data.organisation).toMatchObject({ name: ORG, areaCode: '411525' });

    const user = await xinzhi(main, ['user', 'create', '--username', 'Zhang.San', '--name', '张三', '--org', ORG, '--role', 'enterprise', '--json']);
    expect(user.code).toBe(0);
    const created = JSON.parse(user.stdout).data;
    expect(created.user).toMatchObject({ username: 'zhang.san', roles: ['enterprise'], areaScope: '411525', mustChangePassword: true });
    expect(created.temporaryPassword).toMatch(/^\S{14}$/);

    const disable = await xinzhi(main, ['user', 'disable', 'zhang.san', '--reason', '离职']);
    expect(disable.code).toBe(0);
    expect(disable.stdout).toContain('Disabled account zhang.san');

    const reset = await xinzhi(main, ['user', 'reset-password', 'zhang.san']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/Temporary password \(shown once; must be changed at first sign-in\): \S{14}/);

    const verify = await xinzhi(main, ['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('Audit chain intact: 4 entries checked');
    expect(verify.stderr).toContain('audit verify: 4/4 entries…');
  }, 180_000); // six CLI processes, each loading the whole server; slow when the suite loads both cores

  it('backs up and restores into an empty target', async () => {
    const backup = await xinzhi(main, ['backup', backupFile()]);
    expect(backup.code).toBe(0);
    expect(backup.stderr).toMatch(/backup: \d+\/\d+ tables…/);
    const restore = await xinzhi(restored, ['restore', backupFile()]);
    expect(restore.stderr).toMatch(/restore: \d+\/\d+ tables…/);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('audit chain verified (6 entries)');
    if (!adminUrl) {
      // Two-factor seeds stay readable: the embedded folder's secret travelled with the backup.
      expect(await readFile(path.join(restored.env.XINZHI_DATA_DIR ?? '', 'secret'), 'utf8')).toBe(await readFile(path.join(main.env.XINZHI_DATA_DIR ?? '', 'secret'), 'utf8'));
    }
  }, 60_000);

  it('audit verify names the first altered entry and exits 1', async () => {
    await main.sql([
      'ALTER TABLE audit_log DISABLE TRIGGER USER',
      "UPDATE audit_log SET action = 'user.nothing_to_see' WHERE id = 3",
      'ALTER TABLE audit_log ENABLE TRIGGER USER',
    ]);
    const r = await xinzhi(main, ['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('first broken entry: 3 (hash)');
  });
});

describe.skipIf(adminUrl !== null)('with the server running on the same data folder', () => {
  let server: ChildProcess;
  beforeAll(async () => {
    server = (await startServerProcess({ ...main.env, LOG_LEVEL: 'warn' })).child;
  }, 120_000);

  afterAll(killStrayServers);

  it('sends user create to the server, which records it as the operator', async () => {
    const r = await xinzhi(main, ['user', 'create', '--username', 'wang.wu', '--name', '王五', '--org', ORG, '--role', 'enterprise', '--password-stdin'], 'Gushi#Tea-2026\n');
    expect(r.stderr).toContain(`the server (pid ${server.pid}) holds the data folder; sending the command to it`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created account wang.wu');
    // The password came from stdin, so none is printed.
    expect(r.stdout).not.toMatch(/Temporary password/);
    expect(r.stdout).toContain('The password from standard input is set');
  });

  it('refuses to restore while the server runs', async () => {
    const r = await xinzhi(main, ['restore', backupFile()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The server is running on this data folder (pid ${server.pid}); stop it first, restore into an empty folder/database, then start it again.`);
    expect(r.stderr).toContain(`服务正在使用此数据目录（进程 ${server.pid}）`);
  });

  it('leaves the folder to the CLI again once the server stopped', async () => {
    server.kill('SIGTERM');
    expect(await finished(server)).toBe(0);
    expect(existsSync(path.join(main.env.XINZHI_DATA_DIR ?? '', 'server.json'))).toBe(false);
    const [rows] = await main.sql(["SELECT actor_kind, actor_name, ip FROM audit_log WHERE action = 'user.create' AND details->>'username' = 'wang.wu'"]);
    expect(rows).toEqual([{ actor_kind: 'operator', actor_name: 'cli', ip: '127.0.0.1' }]);
  });
});
