import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../actor';
import { resolveSecret } from '../bootstrap';
import type { AppContext } from '../context';
import { assertIdentifier, type Queryable } from '../db/db';
import { recordAudit } from '../domains/identity/audit/service';
import { VERSION } from '../version';
import { packArchive, refused, removeQuietly, sha256File, sha256Of, type Progress } from './archive';
import { listTables, storedColumns } from './catalog';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_PATH,
  SECRET_PATH,
  SENSITIVE_NOTE,
  filePath,
  tablePath,
  type Manifest,
  type ManifestPart,
} from './manifest';
import { secretFingerprint, usesSecretFile } from './secret';

export interface BackupReport {
  file: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  tables: number;
  rows: number;
  files: number;
  secretIncluded: boolean;
}

/** Writes one part into the staging folder and describes it for the manifest. */
async function stage(dir: string, rel: string, data: Buffer): Promise<{ path: string; bytes: number; sha256: string }> {
  const full = path.join(dir, rel);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, data, { mode: 0o600 });
  return { path: rel, bytes: data.length, sha256: sha256Of(data) };
}

/**
 * Every table as CSV from ONE transaction, so the rows agree with each other (no order without its
 * lines, no audit row without the head). On PostgreSQL REPEATABLE READ gives the whole transaction
 * one snapshot; PGlite has a single connection, so a transaction there sees no concurrent writer.
 */
async function dumpTables(ctx: AppContext, dir: string, progress: Progress) {
  return ctx.db.tx(async (tx) => {
    if (ctx.db.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const createdAt = ctx.clock.now().toISOString();
    const migrations = await tx.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const tables = await listTables(tx);
    const parts: ManifestPart[] = [];
    for (const [i, table] of tables.entries()) {
      parts.push(await dumpTable(tx, dir, table));
      progress(`backup: ${i + 1}/${tables.length} tables…`);
    }
    return { createdAt, migrations, parts };
  });
}

async function dumpTable(tx: Queryable, dir: string, table: string): Promise<ManifestPart> {
  const columns = await storedColumns(tx, table);
  const csv = await tx.copyTo(`SELECT ${columns.map(assertIdentifier).join(', ')} FROM ${assertIdentifier(table)}`);
  const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${assertIdentifier(table)}`);
  return { kind: 'table', table, rows: count?.n ?? 0, ...(await stage(dir, tablePath(table), csv)) };
}

/**
 * Files are listed after the snapshot: a row pointing to a file commits after the file is written,
 * so every file a snapshotted row can name is already there (later files are harmless extras).
 */
async function dumpFiles(ctx: AppContext, dir: string, progress: Progress): Promise<ManifestPart[]> {
  const keys = await ctx.files.list();
  const parts: ManifestPart[] = [];
  for (const [i, key] of keys.entries()) {
    parts.push({ kind: 'file', key, ...(await stage(dir, filePath(key), await ctx.files.get(key))) });
    if ((i + 1) % 100 === 0 || i + 1 === keys.length) progress(`backup: ${i + 1}/${keys.length} files…`);
  }
  return parts;
}

async function assertWritable(file: string, force: boolean): Promise<void> {
  const dir = await stat(path.dirname(file)).catch(() => null);
  if (!dir?.isDirectory()) {
    throw refused({ zh: `目标目录不存在：${path.dirname(file)}`, en: `The folder ${path.dirname(file)} does not exist` });
  }
  if (!force && (await stat(file).catch(() => null))) {
    throw refused({ zh: `文件已存在：${file}（使用 --force 覆盖）`, en: `${file} exists; pass --force to overwrite it` });
  }
}

/**
 * Writes the whole platform (every table, every stored file and, for an embedded database without
 * XINZHI_SECRET, the data folder's secret) to ONE gzip tar. It is assembled beside the target and
 * renamed into place only when complete, so a failed backup never leaves a half file under `file`.
 */
export async function createBackup(ctx: AppContext, actor: Actor, file: string, opts: { force?: boolean; onProgress?: Progress } = {}): Promise<BackupReport> {
  const target = path.resolve(file);
  const progress = opts.onProgress ?? (() => undefined);
  await assertWritable(target, opts.force ?? false);
  // Recorded before the snapshot, so the archive holds the record of its own making (AU-1: exports are audited).
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'backup', details: { file: path.basename(target) } });

  const base = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}`);
  const staging = await mkdtemp(`${base}.staging-`);
  const partial = `${base}.partial`;
  try {
    const { createdAt, migrations, parts } = await dumpTables(ctx, staging, progress);
    parts.push(...(await dumpFiles(ctx, staging, progress)));
    const secret = resolveSecret(ctx.config);
    if (usesSecretFile(ctx.config)) parts.push({ kind: 'secret', ...(await stage(staging, SECRET_PATH, Buffer.from(secret))) });
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt,
      appVersion: VERSION,
      database: ctx.db.kind,
      migrations,
      secretFingerprint: secretFingerprint(secret),
      sensitive: SENSITIVE_NOTE,
      parts,
    };
    await writeFile(path.join(staging, MANIFEST_PATH), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const top = [MANIFEST_PATH, ...new Set(parts.map((p) => p.path.split('/')[0] ?? p.path))];
    progress('backup: writing archive…');
    await packArchive(staging, top, partial);
    await rename(partial, target);
    const tables = parts.filter((p) => p.kind === 'table');
    return {
      file: target,
      bytes: (await stat(target)).size,
      sha256: await sha256File(target),
      createdAt,
      tables: tables.length,
      rows: tables.reduce((n, p) => n + p.rows, 0),
      files: parts.filter((p) => p.kind === 'file').length,
      secretIncluded: parts.some((p) => p.kind === 'secret'),
    };
  } finally {
    await removeQuietly(staging);
    await removeQuietly(partial);
  }
}
