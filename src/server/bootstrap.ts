import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import type { AppContext } from './context';
import { SecretBox, deriveKey, randomToken } from './crypto';
import { PersonalData } from './personal-data';
import type { Db } from './db/db';
import { acquireLock, type DataDirLock } from './db/lock';
import { migrate } from './db/migrate';
import { openEmbedded } from './db/pglite';
import { openPostgres } from './db/postgres';
import { readDemoState, seedDemo, writeDemoState, type SeedReport } from './demo/seed';
import { syncReference } from './domains/regions/service';
import { endBulkLoads } from './domains/registry/import/pipeline';
import { ensureIndustryMapping } from './domains/registry/industries/service';
import { syncReferencePlans } from './domains/workplan/plans/reference';
import { localFileStore } from './files/store';
import { createMailer } from './mail/mailer';

export class StartupError extends Error {
  override name = 'StartupError';
}

/** Opens the configured database: the embedded one under its folder lock, or a PostgreSQL pool. */
export async function openDatabase(config: Config): Promise<{ db: Db; lock?: DataDirLock }> {
  if (config.database.kind === 'embedded') {
    const lock = acquireLock(config.dataDir);
    try {
      return { db: await openEmbedded({ dataDir: config.database.dataDir }), lock };
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const db = await openPostgres(config.database.url);
  if (!config.allowUnsafeDb) {
    try {
      await assertDurable(db);
    } catch (err) {
      await db.close();
      throw err;
    }
  }
  return { db };
}

/** SECURITY.md RL-1: production data must not sit on a server that may lose committed writes. */
export async function assertDurable(db: Db): Promise<void> {
  const rows = await db.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'full_page_writes', 'synchronous_commit')",
  );
  const off = rows.filter((r) => r.setting === 'off').map((r) => r.name);
  if (off.length > 0) {
    throw new StartupError(
      `PostgreSQL runs with ${off.join(', ')} = off, which can lose committed data. Turn it on, or set XINZHI_ALLOW_UNSAFE_DB=1 for a throwaway test cluster. / ` +
        `数据库关闭了 ${off.join('、')}，可能丢失已提交的数据。`,
    );
  }
}

/** The key for secrets at rest: XINZHI_SECRET, or for the embedded database a key kept in its folder. */
export const secretFile = (config: Config) => path.join(config.dataDir, 'secret');

export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = secretFile(config);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomToken(48);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function buildContext(config: Config, db: Db, opts: { clock?: Clock; demo: boolean; secret: string }): AppContext {
  return {
    db,
    config,
    clock: opts.clock ?? systemClock,
    demo: opts.demo,
    totpBox: new SecretBox(opts.secret, 'totp'),
    personal: new PersonalData(opts.secret),
    keyFor: (purpose) => deriveKey(opts.secret, purpose),
    files: localFileStore(config.filesDir),
    mailer: createMailer(config.smtp),
  };
}

export interface PrepareResult {
  demo: boolean;
  migrated: string[];
  seed?: SeedReport;
}

/**
 * Migrates, loads reference data and settles demo mode. An empty embedded database becomes a demo
 * (that is what `npm start` on a fresh machine shows); with DATABASE_URL demo mode is off unless
 * XINZHI_DEMO=1. With `seed` false nothing is generated (CLI commands other than `seed demo`).
 */
export async function prepareDatabase(db: Db, config: Config, opts: { seed: boolean; clock?: Clock; secret: string; onProgress?: (step: string) => void }): Promise<{ ctx: AppContext; result: PrepareResult }> {
  const { applied } = await migrate(db);
  await db.tx(async (tx) => {
    await syncReference(tx);
    await ensureIndustryMapping(tx);
    await syncReferencePlans(tx);
    await endBulkLoads(tx);
  });
  const state = await readDemoState(db);
  const [users] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  const empty = (users?.n ?? 0) === 0;
  const demo = config.demo ?? state?.enabled ?? (empty && config.database.kind === 'embedded');
  const ctx = buildContext(config, db, { demo, secret: opts.secret, ...(opts.clock ? { clock: opts.clock } : {}) });
  const result: PrepareResult = { demo, migrated: applied };
  if (!state && opts.seed) {
    if (demo && empty) result.seed = await seedDemo(ctx, config.demoSeed, opts.onProgress);
    else await writeDemoState(db, { enabled: demo, seed: null, seededAt: null });
  }
  return { ctx, result };
}
