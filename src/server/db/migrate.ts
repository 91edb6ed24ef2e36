import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));
const FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
const LOCK_KEY = 2022_0921; // any constant: serialises concurrent migrators on one PostgreSQL

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Reads db/migrations/NNNN_name.sql in order, with the SHA-256 of each file. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const name of files) {
    const m = FILE.exec(name);
    if (!m) throw new MigrationError(`Migration file name must look like 0001_name.sql: ${name}`);
    const sql = await readFile(`${dir}/${name}`, 'utf8');
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new MigrationError(`Two migrations share number ${m[1]}`);
    out.push({ version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

export interface MigrateResult {
  applied: string[];
  current: number;
}

/**
 * Applies pending migrations, each in its own transaction. An applied migration whose file changed
 * is refused: history must not be rewritten; add a new migration instead.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<MigrateResult> {
  const all = migrations ?? (await loadMigrations());
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  for (const m of all) {
    await db.tx(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [done] = await tx.query<{ checksum: string; name: string }>(
        'SELECT checksum, name FROM schema_migrations WHERE version = $1',
        [m.version],
      );
      if (done) {
        if (done.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was changed after it was applied (checksum ${done.checksum.slice(0, 12)}… in the database, ` +
              `${m.checksum.slice(0, 12)}… on disk). Restore the original file and put the change in a new migration. / ` +
              `迁移文件 ${m.name} 在执行后被修改，请恢复原文件并以新的迁移文件提交改动。`,
          );
        }
        return;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(m.name);
    });
  }
  const knownVersions = new Set(all.map((m) => m.version));
  const rows = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
  const unknown = rows.filter((r) => !knownVersions.has(r.version));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this build does not know (${unknown.map((u) => u.name).join(', ')}): it was created by a newer version.`,
    );
  }
  return { applied, current: rows.at(-1)?.version ?? 0 };
}
