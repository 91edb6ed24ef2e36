import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor } from '../actor';
import { resolveSecret } from '../bootstrap';
import type { AppContext } from '../context';
import { assertIdentifier, type Queryable, type Tx } from '../db/db';
import { migrate } from '../db/migrate';
import { appendAudit, verifyChain } from '../domains/identity/audit/service';
import { refused, removeQuietly, sha256Of, type Progress } from './archive';
import { foreignKeyOrder, listTables, rebuildDerived, resetSequences, tableExists } from './catalog';
import { secretFingerprint, usesSecretFile, writeSecretFile } from './secret';
import { openBackup, type VerifiedBackup } from './verify';

export interface RestoreReport {
  file: string;
  backupCreatedAt: string;
  source: { appVersion: string; database: 'embedded' | 'postgres' };
  tables: number;
  rows: number;
  files: number;
  secretRestored: boolean;
  auditEntries: number;
  auditChainOk: boolean;
  warnings: string[];
}

// ── the target: empty, migrated, same tables ───────────────────────────────────────────────────

const OCCUPYING_TABLES = ['users', 'organisations', 'audit_log'] as const;

/** Restoring over live data would mix two histories: the target must hold no accounts, bodies or audit rows. */
async function assertEmptyTarget(q: Queryable): Promise<void> {
  const found: string[] = [];
  for (const table of OCCUPYING_TABLES) {
    if (!(await tableExists(q, table))) continue;
    const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${assertIdentifier(table)}`);
    if ((row?.n ?? 0) > 0) found.push(`${table}: ${row?.n}`);
  }
  if (found.length > 0) {
    throw refused(
      {
        zh: `目标数据库不是空的（${found.join('，')}），未做任何改动。请恢复到新的空数据目录或空数据库`,
        en: `The target database is not empty (${found.join(', ')}); nothing was changed. Restore into a new, empty data folder or database`,
      },
      { found },
    );
  }
}

async function assertSameTables(q: Queryable, backup: VerifiedBackup): Promise<string[]> {
  const here = await listTables(q);
  const there = backup.tables.map((t) => t.table).sort();
  if (here.join() !== there.join()) {
    const onlyThere = there.filter((t) => !here.includes(t));
    const onlyHere = here.filter((t) => !there.includes(t));
    throw refused({
      zh: `备份的数据表与本数据库不一致（仅备份有：${onlyThere.join('、') || '无'}；仅本库有：${onlyHere.join('、') || '无'}）`,
      en: `The backup's tables differ from this database's (only in the backup: ${onlyThere.join(', ') || 'none'}; only here: ${onlyHere.join(', ') || 'none'})`,
    });
  }
  return here;
}

// ── files, secret, rows ──────────────────────────────────────────────────────────────────────────

async function restoreFiles(ctx: AppContext, backup: VerifiedBackup, progress: Progress): Promise<void> {
  const present = new Set(await ctx.files.list());
  for (const f of backup.files) {
    if (present.has(f.key) && sha256Of(await ctx.files.get(f.key)) !== f.sha256) {
      throw refused({ zh: `文件库中已有不同内容的文件 ${f.key}，未做任何改动`, en: `The file store already holds a different file under ${f.key}; nothing was changed` });
    }
  }
  for (const [i, f] of backup.files.entries()) {
    await ctx.files.putAt(f.key, await readFile(path.join(backup.dir, f.path)));
    if (sha256Of(await ctx.files.get(f.key)) !== f.sha256) throw new Error(`File ${f.key} reads back with another SHA-256 after it was written`);
    if ((i + 1) % 100 === 0 || i + 1 === backup.files.length) progress(`restore: ${i + 1}/${backup.files.length} files…`);
  }
}

/**
 * TOTP seeds are encrypted with the source's secret. An embedded target without XINZHI_SECRET takes
 * the archived secret file; any other target keeps its own key, and if that differs the seeds will
 * not decrypt. Returns whether the file was restored and, if the keys differ, how to fix it.
 */
async function settleSecret(ctx: AppContext, backup: VerifiedBackup): Promise<{ restored: boolean; mismatch: string | null }> {
  if (backup.secret && usesSecretFile(ctx.config)) {
    await writeSecretFile(ctx.config, backup.secret);
    return { restored: true, mismatch: null };
  }
  const wanted = backup.manifest.secretFingerprint;
  if (!wanted || secretFingerprint(resolveSecret(ctx.config)) === wanted) return { restored: false, mismatch: null };
  const fix = backup.secret
    ? 'set XINZHI_SECRET to the content of the archive\'s `secret` entry (tar -xzOf <backup> secret) and run again on an empty target, or'
    : 'set XINZHI_SECRET to the source\'s value and run again on an empty target, or';
  return { restored: false, mismatch: fix };
}

function csvColumns(csv: Buffer, table: string): string[] {
  const end = csv.indexOf(0x0a);
  const header = csv.subarray(0, end < 0 ? csv.length : end).toString('utf8').replace(/\r$/, '');
  if (!header) throw refused({ zh: `${table}.csv 没有表头`, en: `${table}.csv has no header line` });
  return header.split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
}

/** Replaces the target's rows (reference data the migration put there) with the backup's, parents first. */
async function loadTables(tx: Tx, backup: VerifiedBackup, tables: string[], progress: Progress): Promise<number> {
  const order = await foreignKeyOrder(tx, tables);
  for (const table of [...order].reverse()) await tx.query(`DELETE FROM ${assertIdentifier(table)}`);
  const parts = new Map(backup.tables.map((p) => [p.table, p]));
  let rows = 0;
  for (const [i, table] of order.entries()) {
    const part = parts.get(table);
    if (!part) throw new Error(`no part for ${table}`);
    const csv = await readFile(path.join(backup.dir, part.path));
    if (part.rows > 0) await tx.copyFrom(table, csvColumns(csv, table), csv);
    const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${assertIdentifier(table)}`);
    if (count?.n !== part.rows) throw new Error(`${table}: loaded ${count?.n} rows, the manifest says ${part.rows}`);
    rows += part.rows;
    progress(`restore: ${i + 1}/${order.length} tables…`);
  }
  await resetSequences(tx);
  await rebuildDerived(tx);
  return rows;
}

async function countTotpUsers(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE totp_secret_enc IS NOT NULL');
  return row?.n ?? 0;
}

/**
 * Restores a backup into an empty target: proves the archive whole, refuses a non-empty target,
 * migrates it, writes the files, then replaces every table's rows in ONE transaction that also
 * appends the `restore` audit row, so the chain continues from the backup's last entry.
 */
export async function restoreBackup(ctx: AppContext, actor: Actor, file: string, opts: { onProgress?: Progress } = {}): Promise<RestoreReport> {
  const source = path.resolve(file);
  const progress = opts.onProgress ?? (() => undefined);
  const dir = await mkdtemp(path.join(tmpdir(), 'xinzhi-restore-'));
  try {
    const backup = await openBackup(source, dir, progress);
    await assertEmptyTarget(ctx.db);
    progress('restore: migrating the target…');
    await migrate(ctx.db);
    const tables = await assertSameTables(ctx.db, backup);
    await restoreFiles(ctx, backup, progress);
    const secret = await settleSecret(ctx, backup);
    const { manifest } = backup;
    const rows = await ctx.db.tx(async (tx) => {
      const n = await loadTables(tx, backup, tables, progress);
      await appendAudit(tx, ctx.clock, {
        actor,
        action: 'restore',
        details: { backupCreatedAt: manifest.createdAt, appVersion: manifest.appVersion, database: manifest.database, tables: tables.length, rows: n, files: backup.files.length },
      });
      return n;
    });
    progress('restore: verifying the audit chain…');
    const chain = await verifyChain(ctx.db);
    const warnings: string[] = [];
    if (!chain.ok) warnings.push(`The restored audit chain does not verify: ${chain.firstBroken?.message} / 恢复后的审计链校验未通过`);
    const totpUsers = secret.mismatch ? await countTotpUsers(ctx.db) : 0;
    if (totpUsers > 0) {
      warnings.push(
        `${totpUsers} account(s) use two-factor sign-in, but their seeds were encrypted with the source's key, which differs from this target's: they will not decrypt. ` +
          `To keep them, ${secret.mismatch} reset two-factor for those accounts so they re-enrol. / ` +
          `${totpUsers} 个账号的双因素密钥由源系统的密钥加密，与本系统不同，无法解密：请设置相同的 XINZHI_SECRET 后重新恢复，或为这些账号重置双因素认证。`,
      );
    }
    return {
      file: source,
      backupCreatedAt: manifest.createdAt,
      source: { appVersion: manifest.appVersion, database: manifest.database },
      tables: tables.length,
      rows,
      files: backup.files.length,
      secretRestored: secret.restored,
      auditEntries: chain.checked,
      auditChainOk: chain.ok,
      warnings,
    };
  } finally {
    await removeQuietly(dir);
  }
}
