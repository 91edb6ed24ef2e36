import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { canonicalJson } from '../../../../shared/canonical-json';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { randomToken, sha256 } from '../../../crypto';
import type { Queryable } from '../../../db/db';
import { AppError, invalid } from '../../../errors';
import { FileTooLarge } from '../../../files/store';
import { EVIDENCE_TYPES, sniffEvidence } from '../../../files/sniff';
import * as sql from './queries';
import type { Subject } from './queries';

export type { Subject } from './queries';

/** How long a public upload waits for the form that attaches it. */
const UPLOAD_TTL_MS = 24 * 3600 * 1000;
const GENESIS = '0'.repeat(64);

/** A file name fit to show and to offer as a download name: no path, no control characters, not too long. */
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${ext}`;
}

export interface ReceivedFile {
  id: number;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  /** For public uploads only: the form that attaches the file sends this back. */
  uploadToken?: string;
}

/**
 * Stores an uploaded file after checking its size and, from its bytes, its type. A public upload
 * gets a token and waits for its form; an officer's upload is attached to its subject at once (and
 * entered in the subject's chain by the caller).
 */
export async function receiveFile(
  ctx: AppContext,
  actor: Actor,
  upload: { source: Readable; fileName: string },
  attachTo: { tx: Queryable; subject: Subject } | null,
): Promise<ReceivedFile & { row: sql.FileRow }> {
  let stored;
  try {
    stored = await ctx.files.putStream(upload.source, ctx.config.evidenceMaxBytes);
  } catch (err) {
    if (err instanceof FileTooLarge) {
      throw new AppError('too_large', {
        zh: `文件超过 ${Math.round(ctx.config.evidenceMaxBytes / 1048576)} MB 的上限`,
        en: `The file is larger than the ${Math.round(ctx.config.evidenceMaxBytes / 1048576)} MB limit`,
      });
    }
    throw err;
  }
  if (stored.size === 0) {
    await ctx.files.remove(stored.key);
    throw invalid({ zh: '文件是空的', en: 'The file is empty' }, [{ field: 'file' }]);
  }
  const type = await sniffEvidence(ctx.files.pathOf(stored.key));
  if (!type) {
    await ctx.files.remove(stored.key);
    throw new AppError(
      'unsupported_media',
      { zh: '只接受 JPG、PNG、PDF、MP4、DOCX、XLSX 文件（按文件内容识别，不看扩展名）', en: 'Only JPG, PNG, PDF, MP4, DOCX and XLSX files are accepted (recognised by content, not by name)' },
      { accepted: Object.keys(EVIDENCE_TYPES) },
    );
  }
  const token = attachTo ? null : randomToken(24);
  const row = await sql.insertFile(attachTo?.tx ?? ctx.db, {
    key: stored.key,
    sha256: stored.sha256,
    size: stored.size,
    mime: type.mime,
    ext: type.ext,
    name: cleanFileName(upload.fileName, type.ext),
    tokenHash: token ? sha256(token) : null,
    userId: actor.kind === 'user' ? actor.id : null,
    userName: actor.kind === 'anonymous' ? null : actor.name,
    ip: actor.ip,
    at: ctx.clock.now(),
    subject: attachTo?.subject ?? null,
  });
  return { id: row.id, sha256: row.sha256, size: row.size, mime: row.mime, name: row.name, ...(token ? { uploadToken: token } : {}), row };
}

/** Attaches public uploads to their subject by token; a token that is unknown, used or too old refuses the whole form. */
export async function claimUploads(ctx: AppContext, tx: Queryable, tokens: readonly string[], subject: Subject): Promise<sql.FileRow[]> {
  if (tokens.length === 0) return [];
  const unique = [...new Set(tokens)];
  const rows = await sql.claimUploads(tx, unique.map(sha256), subject, new Date(ctx.clock.now().getTime() - UPLOAD_TTL_MS));
  if (rows.length !== unique.length) {
    throw invalid({ zh: '有附件已失效或不存在，请重新上传', en: 'An attachment has expired or does not exist; upload it again' }, [{ field: 'files' }]);
  }
  return rows;
}

/** Removes public uploads no form attached within a day. */
export async function removeStaleUploads(ctx: AppContext): Promise<number> {
  const stale = await sql.staleUploads(ctx.db, new Date(ctx.clock.now().getTime() - UPLOAD_TTL_MS));
  if (stale.length === 0) return 0;
  await sql.deleteFiles(ctx.db, stale.map((s) => s.id));
  for (const s of stale) await ctx.files.remove(s.file_key);
  return stale.length;
}

function entryHash(prevHash: string, e: Omit<sql.EntryRow, 'id' | 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    subject_kind: e.subject_kind,
    subject_id: e.subject_id,
    seq: e.seq,
    kind: e.kind,
    payload: e.payload,
    file_id: e.file_id,
    actor_id: e.actor_id,
    actor_name: e.actor_name,
    at: e.at.toISOString(),
  });
  return sha256(`${prevHash}\n${body}`);
}

/**
 * Appends an entry to a subject's chain, in the caller's transaction. The caller holds the lock of
 * the subject's row (it is changing it), which serialises appends to one chain.
 */
export async function appendEntry(
  ctx: AppContext,
  tx: Queryable,
  subject: Subject,
  actor: Actor,
  entry: { kind: 'file' | 'state' | 'note'; payload: Record<string, unknown>; fileId?: number | null },
): Promise<string> {
  const last = await sql.lastEntry(tx, subject);
  const row = {
    subject_kind: subject.kind,
    subject_id: subject.id,
    seq: (last?.seq ?? 0) + 1,
    kind: entry.kind,
    payload: JSON.parse(canonicalJson(entry.payload)) as Record<string, unknown>,
    file_id: entry.fileId ?? null,
    actor_id: actor.kind === 'user' ? actor.id : null,
    actor_name: actor.kind === 'anonymous' ? 'anonymous' : (actor.name ?? actor.kind),
    at: ctx.clock.now(),
  };
  const prev = last?.hash ?? GENESIS;
  const hash = entryHash(prev, row);
  await sql.insertEntry(tx, { ...row, prev_hash: prev, hash });
  return hash;
}

/** Enters files in the chain, one entry each, with what identifies them. */
export async function appendFiles(ctx: AppContext, tx: Queryable, subject: Subject, actor: Actor, files: readonly sql.FileRow[]): Promise<void> {
  for (const f of files) {
    await appendEntry(ctx, tx, subject, actor, { kind: 'file', fileId: f.id, payload: { sha256: f.sha256, size: f.size, mime: f.mime, name: f.name } });
  }
}

export interface ChainEntryView {
  seq: number;
  kind: 'file' | 'state' | 'note';
  payload: Record<string, unknown>;
  fileId: number | null;
  actor: string;
  at: string;
  hash: string;
  prevHash: string;
}

export async function chainOf(q: Queryable, subject: Subject): Promise<ChainEntryView[]> {
  return (await sql.chainOf(q, subject)).map((e) => ({
    seq: e.seq,
    kind: e.kind,
    payload: e.payload,
    fileId: e.file_id,
    actor: e.display_name ?? e.actor_name,
    at: e.at.toISOString(),
    hash: e.hash,
    prevHash: e.prev_hash,
  }));
}

export const filesOf = sql.filesOf;

/** One attached file of a subject, with a stream of its bytes; the caller has checked access to the subject. */
export async function openFile(ctx: AppContext, subject: Subject, fileId: number) {
  const row = await sql.fileOf(ctx.db, subject, fileId);
  if (!row) throw new AppError('not_found', { zh: '没有这个附件', en: 'No such attachment' });
  return { row, stream: createReadStream(ctx.files.pathOf(row.file_key)) };
}

export interface VerifyProblem {
  subject: string;
  seq?: number;
  fileId?: number;
  reason: 'link' | 'hash' | 'gap' | 'file_missing' | 'file_changed';
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  chains: number;
  entries: number;
  files: number;
  problems: VerifyProblem[];
}

/** SHA-256 and size of a stream, refusing more than maxBytes. */
async function hashStream(source: AsyncIterable<Buffer>, maxBytes = Number.POSITIVE_INFINITY): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > maxBytes) throw new AppError('too_large', { zh: '文件过大', en: 'The file is too large' });
    hash.update(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

async function hashStoredFile(ctx: AppContext, key: string): Promise<{ sha256: string; size: number } | null> {
  try {
    return await hashStream(createReadStream(ctx.files.pathOf(key)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Re-checks every chain (each entry's hash, its link to the one before, no gaps) and every
 * attached file (present, and its bytes still hash to what was recorded).
 */
export async function verifyEvidence(ctx: AppContext, onProgress?: (done: number, total: number, what: string) => void): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const total = await sql.countEntries(ctx.db);
  let entries = 0;
  let chains = 0;
  let cursor = { kind: '', id: 0, seq: 0 };
  let current = '';
  let prev = GENESIS;
  let expectedSeq = 1;
  for (;;) {
    const page = await sql.entriesAfter(ctx.db, cursor, 2000);
    if (page.length === 0) break;
    for (const e of page) {
      const name = `${e.subject_kind}/${e.subject_id}`;
      if (name !== current) {
        current = name;
        chains++;
        prev = GENESIS;
        expectedSeq = 1;
      }
      if (e.seq !== expectedSeq) problems.push({ subject: name, seq: e.seq, reason: 'gap', message: `${name}: entry ${expectedSeq} is missing / 缺少第 ${expectedSeq} 条` });
      if (e.prev_hash !== prev) problems.push({ subject: name, seq: e.seq, reason: 'link', message: `${name}: entry ${e.seq} does not point to the entry before / 第 ${e.seq} 条与上一条链接不符` });
      const { id: _id, hash, prev_hash, ...rest } = e;
      if (entryHash(prev_hash, rest) !== hash) problems.push({ subject: name, seq: e.seq, reason: 'hash', message: `${name}: entry ${e.seq} was altered after it was written / 第 ${e.seq} 条写入后被篡改` });
      prev = hash;
      expectedSeq = e.seq + 1;
      entries++;
    }
    const last = page[page.length - 1] as sql.EntryRow;
    cursor = { kind: last.subject_kind, id: last.subject_id, seq: last.seq };
    onProgress?.(entries, total, 'entries');
  }
  const files = await sql.attachedFiles(ctx.db);
  let checked = 0;
  for (const f of files) {
    const actual = await hashStoredFile(ctx, f.file_key);
    const name = `${f.subject_kind}/${f.subject_id}`;
    if (!actual) problems.push({ subject: name, fileId: f.id, reason: 'file_missing', message: `${name}: file ${f.id} (${f.name}) is missing / 附件 ${f.id} 缺失` });
    else if (actual.sha256 !== f.sha256 || actual.size !== f.size) {
      problems.push({ subject: name, fileId: f.id, reason: 'file_changed', message: `${name}: file ${f.id} (${f.name}) no longer matches its SHA-256 / 附件 ${f.id} 内容与登记的 SHA-256 不符` });
    }
    checked++;
    if (checked % 100 === 0 || checked === files.length) onProgress?.(checked, files.length, 'files');
  }
  return { ok: problems.length === 0, chains, entries, files: files.length, problems };
}

/** What the public verification page tells about a file's hash: whether and when it was recorded, nothing about the case. */
export async function verifyHash(ctx: AppContext, hash: string): Promise<{ sha256: string; recorded: boolean; firstRecordedAt: string | null; entryHash: string | null; records: number }> {
  const h = hash.trim().toLowerCase();
  const r = await sql.recordsOfHash(ctx.db, h);
  return { sha256: h, recorded: r.entries > 0, firstRecordedAt: r.first_at?.toISOString() ?? null, entryHash: r.first_hash, records: r.entries };
}

/** Hashes an uploaded stream without keeping it (the verification page's upload path). */
export async function hashUpload(source: Readable, maxBytes: number): Promise<string> {
  return (await hashStream(source, maxBytes)).sha256;
}
