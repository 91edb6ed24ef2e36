import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { AppError, type Bilingual } from '../errors';

/** Receives lines such as `backup: 7/12 tables…` (the CLI prints them on stderr). */
export type Progress = (line: string) => void;

/** A backup or restore that cannot go on; an AppError so the operator API reports it as such. */
export const refused = (text: Bilingual, details?: unknown) => new AppError('rule', text, details);

export const sha256Of = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Writes a gzip tar of `entries` (relative to `dir`, in the order given) to `out`, readable only by
 * its owner, and flushes it to disk: the caller renames it into place only once it is complete.
 */
export async function packArchive(dir: string, entries: readonly string[], out: string): Promise<void> {
  // portable: no owner names or device numbers that would differ between machines
  await pipeline(tar.c({ gzip: true, cwd: dir, portable: true }, [...entries]), createWriteStream(out, { flags: 'wx', mode: 0o600 }));
  const fh = await open(out, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Unpacks an archive into an empty folder. Only plain files and folders are taken: links and
 * devices in an archive are never legitimate here, and tar itself refuses paths leaving `dir`.
 */
export async function unpackArchive(file: string, dir: string): Promise<string[]> {
  const skipped: string[] = [];
  try {
    await tar.x({
      file,
      cwd: dir,
      strict: true,
      filter: (p, entry) => {
        const type = 'type' in entry ? entry.type : entry.isDirectory() ? 'Directory' : 'File';
        const ok = type === 'File' || type === 'OldFile' || type === 'Directory';
        if (!ok) skipped.push(p);
        return ok;
      },
    });
  } catch (err) {
    throw refused(
      { zh: `无法读取备份文件（不是完整的 gzip tar 归档）：${(err as Error).message}`, en: `Cannot read the backup file (not a complete gzip tar archive): ${(err as Error).message}` },
      { file },
    );
  }
  return skipped;
}

/**
 * Removes a staging folder or partial file. Retries because a failed unpack may still be writing,
 * and never throws: the error that made us clean up is the one to report.
 */
export async function removeQuietly(target: string): Promise<void> {
  await rm(target, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
}
