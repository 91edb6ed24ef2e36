import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankDb, createTestDb, usingPostgres } from '../../../test/support/db';
import { fillTemplate, testConfig } from '../../../test/support/templates';
import { operatorActor } from '../actor';
import { buildContext, resolveSecret } from '../bootstrap';
import type { Config } from '../config';
import type { AppContext } from '../context';
import { SecretBox } from '../crypto';
import type { Db } from '../db/db';
import { loadMigrations } from '../db/migrate';
import { openEmbedded } from '../db/pglite';
import { verifyChain } from '../domains/identity/audit/service';
import { createOrg } from '../domains/identity/orgs/service';
import { createUser } from '../domains/identity/users/service';
import { createBackup } from './backup';
import { listTables, storedColumns, tableExists, topologicalOrder } from './catalog';
import { restoreBackup } from './restore';
import { migrationProblem } from './verify';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const actor = operatorActor();
const TOTP_SEED = 'JBSWY3DPEHPK3PXP';

let dir: string;
let source: Db;
let sourceCtx: AppContext;
let archive: string;

/** A data folder of its own, keyed by the folder's `secret` file as an embedded install without XINZHI_SECRET is. */
function folderConfig(name: string): Config {
  return { ...testConfig({ XINZHI_DATA_DIR: path.join(dir, name) }), secret: undefined };
}

function contextFor(db: Db, config: Config): AppContext {
  return buildContext(config, db, { demo: false, secret: resolveSecret(config) });
}

/** Rows of a table as COPY prints them, in a total order (every column sorts). */
async function tableCsv(db: Db, table: string, where = ''): Promise<string> {
  const order = (await storedColumns(db, table)).map((_, i) => i + 1).join(', ');
  return (await db.copyTo(`SELECT * FROM ${table} ${where} ORDER BY ${order}`)).toString('utf8');
}

/** Rows through the driver, for comparing across engines whose text output may differ (time zones). */
async function tableRows(db: Db, table: string): Promise<string> {
  const order = (await storedColumns(db, table)).map((_, i) => i + 1).join(', ');
  return JSON.stringify(await db.query(`SELECT * FROM ${table} ORDER BY ${order}`));
}

/** Re-packs an unpacked archive after `edit` changed it (the manifest stays first, as backup writes it). */
async function tamperedCopy(name: string, edit: (unpacked: string) => Promise<void>): Promise<string> {
  const unpacked = await mkdtemp(path.join(dir, 'unpacked-'));
  await tar.x({ file: archive, cwd: unpacked });
  await edit(unpacked);
  const out = path.join(dir, name);
  await tar.c({ gzip: true, file: out, cwd: unpacked, portable: true }, ['manifest.json', 'tables', 'files', 'secret']);
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xinzhi-backup-test-'));
  source = await createTestDb('demo');
  sourceCtx = contextFor(source, folderConfig('source'));
  // Writes beyond the demo data: an organisation, an account with two-factor set up, two stored files.
  const org = await createOrg(sourceCtx, actor, { name: '备份测试茶业有限公司', kind: 'enterprise', areaCode: '411502', address: '河南省信阳市浉河区, "引号" 与逗号\n第二行' });
  const { user } = await createUser(sourceCtx, actor, { username: 'backup.test', displayName: '备份 测试', orgId: org.id, email: 'b@example.cn' }, { roles: ['enterprise'] });
  await source.query('UPDATE users SET totp_secret_enc = $1, totp_enabled_at = now() WHERE id = $2', [sourceCtx.totpBox.seal(TOTP_SEED), user.id]);
  await sourceCtx.files.put(Buffer.from('信阳毛尖 evidence 证据\n', 'utf8'));
  await sourceCtx.files.put(randomBytes(70_000));
  archive = (await createBackup(sourceCtx, actor, path.join(dir, 'backup.tar.gz'))).file;
});

afterAll(async () => {
  await source?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('backup → restore', () => {
  let target: Db;
  let targetCtx: AppContext;
  beforeAll(async () => {
    target = await createBlankDb();
    targetCtx = contextFor(target, folderConfig('target'));
  });
  afterAll(async () => target?.close());

  it('refuses an archive with one byte changed in a CSV and leaves the target untouched', async () => {
    const broken = await tamperedCopy('broken.tar.gz', async (d) => {
      const file = path.join(d, 'tables', 'users.csv');
      const csv = await readFile(file);
      const i = csv.indexOf('backup.test');
      csv[i] = 'B'.charCodeAt(0);
      await writeFile(file, csv);
    });
    await expect(restoreBackup(targetCtx, actor, broken)).rejects.toThrow(/tables\/users\.csv .*SHA-256/);
    expect(await tableExists(target, 'users')).toBe(false);
    expect(await targetCtx.files.list()).toEqual([]);
  });

  it('refuses a truncated archive', async () => {
    const truncated = path.join(dir, 'truncated.tar.gz');
    await writeFile(truncated, (await readFile(archive)).subarray(0, 3000));
    await expect(restoreBackup(targetCtx, actor, truncated)).rejects.toThrow(/not a complete gzip tar archive/);
    expect(await tableExists(target, 'users')).toBe(false);
  });

  it('refuses a backup whose migrations differ from this build’s, naming the migration', async () => {
    const other = await tamperedCopy('other-schema.tar.gz', async (d) => {
      const file = path.join(d, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      manifest.migrations[0].checksum = 'f'.repeat(64);
      await writeFile(file, JSON.stringify(manifest));
    });
    await expect(restoreBackup(targetCtx, actor, other)).rejects.toThrow(/Migration 0001_identity\.sql in the backup differs/);
    expect(await tableExists(target, 'users')).toBe(false);
  });

  it('reproduces every row, file and the secret; the audit chain goes on with one restore entry', async () => {
    const report = await restoreBackup(targetCtx, actor, archive);
    expect(report.warnings).toEqual([]);
    expect(report.secretRestored).toBe(true);

    const tables = await listTables(source);
    expect(await listTables(target)).toEqual(tables);
    const [{ n: sourceAudit } = { n: 0 }] = await source.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    for (const table of tables.filter((t) => t !== 'audit_log' && t !== 'audit_head')) {
      expect(await tableCsv(target, table), table).toBe(await tableCsv(source, table));
    }
    expect(await tableCsv(target, 'audit_log', `WHERE id <= ${sourceAudit}`)).toBe(await tableCsv(source, 'audit_log'));

    const chain = await verifyChain(target);
    expect(chain).toMatchObject({ ok: true, checked: sourceAudit + 1 });
    const [last] = await target.query<{ action: string; actor_kind: string; details: { backupCreatedAt: string } }>('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(last).toMatchObject({ action: 'restore', actor_kind: 'operator', details: { backupCreatedAt: report.backupCreatedAt } });

    const keys = await sourceCtx.files.list();
    expect(keys).toHaveLength(2);
    expect(await targetCtx.files.list()).toEqual(keys);
    for (const key of keys) expect(sha(await targetCtx.files.get(key))).toBe(sha(await sourceCtx.files.get(key)));

    // The restored secret opens the two-factor seed sealed by the source.
    const box = new SecretBox(resolveSecret(targetCtx.config), 'totp');
    const [enc] = await target.query<{ totp_secret_enc: string }>("SELECT totp_secret_enc FROM users WHERE username = 'backup.test'");
    expect(box.open(enc?.totp_secret_enc ?? '')).toBe(TOTP_SEED);
  });

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const before = await tableCsv(source, 'audit_log');
    await expect(restoreBackup(sourceCtx, actor, archive)).rejects.toThrow(/not empty \(users: \d+, organisations: \d+, audit_log: \d+\)/);
    expect(await tableCsv(source, 'audit_log')).toBe(before);
  });
});

describe('restoring under another key', () => {
  it('warns that two-factor seeds will not decrypt when the target keeps a different XINZHI_SECRET', async () => {
    const target = await createBlankDb();
    try {
      const config = testConfig({ XINZHI_DATA_DIR: path.join(dir, 'keyed') });
      const report = await restoreBackup(buildContext(config, target, { demo: false, secret: resolveSecret(config) }), actor, archive);
      expect(report.secretRestored).toBe(false);
      expect(report.warnings).toHaveLength(1);
      expect(report.warnings[0]).toMatch(/^1 account\(s\) use two-factor sign-in.*set XINZHI_SECRET to the content of the archive's `secret` entry/);
      expect(existsSync(path.join(dir, 'keyed', 'secret'))).toBe(false);
    } finally {
      await target.close();
    }
  });
});

describe.runIf(usingPostgres())('across engines', () => {
  it('restores a PostgreSQL backup into the embedded database and an embedded backup into PostgreSQL', async () => {
    const embedded = await openEmbedded();
    const pgTarget = await createBlankDb();
    const embeddedSource = await openEmbedded();
    try {
      await restoreBackup(contextFor(embedded, folderConfig('to-embedded')), actor, archive);
      for (const table of (await listTables(source)).filter((t) => !t.startsWith('audit_'))) {
        expect(await tableRows(embedded, table), table).toBe(await tableRows(source, table));
      }
      expect((await verifyChain(embedded)).ok).toBe(true);

      await fillTemplate(embeddedSource, 'demo');
      const fromEmbedded = await createBackup(contextFor(embeddedSource, folderConfig('embedded-source')), actor, path.join(dir, 'embedded.tar.gz'));
      await restoreBackup(contextFor(pgTarget, folderConfig('to-postgres')), actor, fromEmbedded.file);
      for (const table of (await listTables(embeddedSource)).filter((t) => !t.startsWith('audit_'))) {
        expect(await tableRows(pgTarget, table), table).toBe(await tableRows(embeddedSource, table));
      }
      expect((await verifyChain(pgTarget)).ok).toBe(true);
    } finally {
      await embedded.close();
      await embeddedSource.close();
      await pgTarget.close();
    }
  });
});

describe('helpers', () => {
  it('orders tables parents first, ignoring self-references', () => {
    const edges = [
      { child: 'users', parent: 'organisations' },
      { child: 'organisations', parent: 'areas' },
      { child: 'areas', parent: 'areas' },
      { child: 'sessions', parent: 'users' },
    ];
    expect(topologicalOrder(['sessions', 'users', 'areas', 'organisations', 'settings'], edges)).toEqual(['areas', 'settings', 'organisations', 'users', 'sessions']);
    expect(() => topologicalOrder(['a', 'b'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }])).toThrow(/cycle/);
  });

  it('names the migration that makes a backup unusable here', async () => {
    const known = await loadMigrations();
    const same = known.map(({ version, name, checksum }) => ({ version, name, checksum }));
    expect(migrationProblem(same, known)).toBeNull();
    expect(migrationProblem([...same, { version: 9999, name: '9999_future.sql', checksum: 'x' }], known)?.en).toMatch(/9999_future\.sql.*does not have/);
    expect(migrationProblem([], known)?.en).toMatch(/lacks migration 0001_identity\.sql/);
  });
});
