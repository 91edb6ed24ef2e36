import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadMigrations, type Migration } from '../db/migrate';
import { refused, sha256File, unpackArchive, type Progress } from './archive';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_PATH, manifestSchema, type Manifest, type ManifestPart } from './manifest';

/**
 * Reading a backup archive for restore: unpacked into a private folder and proven whole (manifest,
 * schema version, every part's size and SHA-256) before anything is written to the target.
 */
export type TablePart = Extract<ManifestPart, { kind: 'table' }>;
export type FilePart = Extract<ManifestPart, { kind: 'file' }>;

export interface VerifiedBackup {
  dir: string;
  manifest: Manifest;
  tables: TablePart[];
  files: FilePart[];
  secret: Buffer | null;
}

async function readManifest(dir: string): Promise<Manifest> {
  const raw = await readFile(path.join(dir, MANIFEST_PATH), 'utf8').catch(() => null);
  if (raw === null) throw refused({ zh: '备份文件中没有 manifest.json，不是信知备份', en: 'The archive has no manifest.json: it is not a Xinzhi backup' });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw refused({ zh: 'manifest.json 不是有效的 JSON', en: 'manifest.json is not valid JSON' });
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format === BACKUP_FORMAT && typeof format.formatVersion === 'number' && format.formatVersion > BACKUP_FORMAT_VERSION) {
    throw refused({
      zh: `备份格式版本 ${format.formatVersion} 比本程序支持的 ${BACKUP_FORMAT_VERSION} 新，请用生成它的版本恢复`,
      en: `The backup uses format version ${format.formatVersion}; this build reads version ${BACKUP_FORMAT_VERSION}. Restore it with the version that made it`,
    });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
    throw refused({ zh: `manifest.json 内容有误：${where}`, en: `manifest.json is malformed: ${where}` });
  }
  return parsed.data;
}

/** The backup's schema must be exactly this build's: same migrations, same files, same checksums. */
export function migrationProblem(inBackup: Manifest['migrations'], known: readonly Migration[]): { zh: string; en: string } | null {
  const ours = new Map(known.map((m) => [m.version, m]));
  const theirs = new Map(inBackup.map((m) => [m.version, m]));
  for (const m of inBackup) {
    const k = ours.get(m.version);
    if (!k) {
      return {
        zh: `备份包含本程序没有的迁移 ${m.name}：备份来自更新的版本，请用该版本恢复`,
        en: `The backup was made after migration ${m.name}, which this build does not have: restore it with the version that made it`,
      };
    }
    if (k.checksum !== m.checksum || k.name !== m.name) {
      return {
        zh: `迁移 ${m.name} 与本程序的 ${k.name} 不一致（校验和 ${m.checksum.slice(0, 12)}… / ${k.checksum.slice(0, 12)}…）`,
        en: `Migration ${m.name} in the backup differs from ${k.name} in this build (checksum ${m.checksum.slice(0, 12)}… vs ${k.checksum.slice(0, 12)}…)`,
      };
    }
  }
  const missing = known.filter((k) => !theirs.has(k.version));
  if (missing.length > 0) {
    return {
      zh: `备份缺少迁移 ${missing.map((m) => m.name).join('、')}：备份来自较旧的版本，请先用该版本恢复，再升级`,
      en: `The backup lacks migration ${missing.map((m) => m.name).join(', ')}: it comes from an older version. Restore it with that version, then upgrade`,
    };
  }
  return null;
}

async function listFilesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFilesUnder(dir, rel)));
    else out.push(rel);
  }
  return out;
}

async function checkParts(dir: string, manifest: Manifest, progress: Progress): Promise<void> {
  const listed = new Set([MANIFEST_PATH, ...manifest.parts.map((p) => p.path)]);
  const extra = (await listFilesUnder(dir)).filter((f) => !listed.has(f));
  if (extra.length > 0) {
    throw refused({ zh: `备份中有 manifest.json 未列出的文件：${extra.slice(0, 5).join('、')}`, en: `The archive holds files its manifest does not list: ${extra.slice(0, 5).join(', ')}` });
  }
  for (const [i, part] of manifest.parts.entries()) {
    const full = path.join(dir, part.path);
    const size = (await stat(full).catch(() => null))?.size;
    if (size === undefined) throw refused({ zh: `备份缺少 ${part.path}`, en: `The archive lacks ${part.path}, which its manifest lists` }, { part: part.path });
    if (size !== part.bytes || (await sha256File(full)) !== part.sha256) {
      throw refused(
        { zh: `${part.path} 已损坏或被修改（SHA-256 与 manifest 不符），拒绝恢复`, en: `${part.path} is damaged or altered (its SHA-256 does not match the manifest); nothing was restored` },
        { part: part.path },
      );
    }
    if ((i + 1) % 100 === 0 || i + 1 === manifest.parts.length) progress(`restore: verified ${i + 1}/${manifest.parts.length} parts…`);
  }
}

export async function openBackup(file: string, dir: string, progress: Progress): Promise<VerifiedBackup> {
  if (!(await stat(file).catch(() => null))?.isFile()) throw refused({ zh: `找不到备份文件：${file}`, en: `No such backup file: ${file}` });
  progress('restore: reading archive…');
  const skipped = await unpackArchive(file, dir);
  if (skipped.length > 0) throw refused({ zh: `备份中含有链接或特殊文件：${skipped.slice(0, 5).join('、')}`, en: `The archive holds links or special files: ${skipped.slice(0, 5).join(', ')}` });
  const manifest = await readManifest(dir);
  const problem = migrationProblem(manifest.migrations, await loadMigrations());
  if (problem) throw refused(problem);
  await checkParts(dir, manifest, progress);
  const secretPart = manifest.parts.find((p) => p.kind === 'secret');
  return {
    dir,
    manifest,
    tables: manifest.parts.filter((p): p is TablePart => p.kind === 'table'),
    files: manifest.parts.filter((p): p is FilePart => p.kind === 'file'),
    secret: secretPart ? await readFile(path.join(dir, secretPart.path)) : null,
  };
}
