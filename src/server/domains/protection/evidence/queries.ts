import type { Queryable } from '../../../db/db';

export interface FileRow {
  id: number;
  file_key: string;
  sha256: string;
  size: number;
  mime: string;
  ext: string;
  name: string;
  uploaded_by_name: string | null;
  uploaded_at: Date;
  subject_kind: string | null;
  subject_id: number | null;
}

const FILE_COLUMNS = `id::int AS id, file_key, sha256, size::int AS size, mime, ext, name, uploaded_by_name, uploaded_at, subject_kind, subject_id::int AS subject_id`;
const FILE_COLUMNS_F = `f.id::int AS id, f.file_key, f.sha256, f.size::int AS size, f.mime, f.ext, f.name, f.uploaded_at, f.subject_kind, f.subject_id::int AS subject_id`;

export async function insertFile(
  q: Queryable,
  f: { key: string; sha256: string; size: number; mime: string; ext: string; name: string; tokenHash: string | null; userId: string | null; userName: string | null; ip: string | null; at: Date; subject: Subject | null },
): Promise<FileRow> {
  const [row] = await q.query<FileRow>(
    `INSERT INTO evidence_files (file_key, sha256, size, mime, ext, name, upload_token_hash, uploaded_by, uploaded_by_name, uploaded_ip, uploaded_at, subject_kind, subject_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${FILE_COLUMNS}`,
    [f.key, f.sha256, f.size, f.mime, f.ext, f.name, f.tokenHash, f.userId, f.userName, f.ip, f.at, f.subject?.kind ?? null, f.subject?.id ?? null],
  );
  if (!row) throw new Error('evidence file not inserted');
  return row;
}

/** Public uploads given by their tokens, still unattached and uploaded after `since`; attaching them clears the token. */
export const claimUploads = (q: Queryable, tokenHashes: string[], subject: Subject, since: Date) =>
  q.query<FileRow>(
    `UPDATE evidence_files SET subject_kind = $2, subject_id = $3, upload_token_hash = NULL
      WHERE upload_token_hash = ANY($1::text[]) AND subject_kind IS NULL AND uploaded_at >= $4
      RETURNING ${FILE_COLUMNS}`,
    [tokenHashes, subject.kind, subject.id, since],
  );

export const staleUploads = (q: Queryable, before: Date) =>
  q.query<{ id: number; file_key: string }>(`SELECT id::int AS id, file_key FROM evidence_files WHERE subject_kind IS NULL AND uploaded_at < $1`, [before]);

export const deleteFiles = (q: Queryable, ids: number[]) => q.query('DELETE FROM evidence_files WHERE id = ANY($1::bigint[]) AND subject_kind IS NULL', [ids]);

/** A subject's files, each with its uploader's display name (public uploads have none). */
export const filesOf = (q: Queryable, subject: Subject) =>
  q.query<FileRow>(
    `SELECT ${FILE_COLUMNS_F}, coalesce(u.display_name, f.uploaded_by_name) AS uploaded_by_name
       FROM evidence_files f LEFT JOIN users u ON u.id = f.uploaded_by WHERE f.subject_kind = $1 AND f.subject_id = $2 ORDER BY f.id`,
    [subject.kind, subject.id],
  );

export async function fileOf(q: Queryable, subject: Subject, fileId: number): Promise<FileRow | null> {
  const [row] = await q.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM evidence_files WHERE subject_kind = $1 AND subject_id = $2 AND id = $3`, [subject.kind, subject.id, fileId]);
  return row ?? null;
}

export interface Subject {
  kind: string;
  id: number;
}

export interface EntryRow {
  id: number;
  subject_kind: string;
  subject_id: number;
  seq: number;
  kind: 'file' | 'state' | 'note';
  payload: Record<string, unknown>;
  file_id: number | null;
  actor_id: string | null;
  actor_name: string;
  at: Date;
  prev_hash: string;
  hash: string;
}

const ENTRY_COLUMNS = `c.id::int AS id, c.subject_kind, c.subject_id::int AS subject_id, c.seq, c.kind, c.payload, c.file_id::int AS file_id, c.actor_id, c.actor_name, c.at, c.prev_hash, c.hash`;

export async function lastEntry(q: Queryable, subject: Subject): Promise<{ seq: number; hash: string } | null> {
  const [row] = await q.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM evidence_chain WHERE subject_kind = $1 AND subject_id = $2 ORDER BY seq DESC LIMIT 1',
    [subject.kind, subject.id],
  );
  return row ?? null;
}

export const insertEntry = (q: Queryable, e: Omit<EntryRow, 'id'>) =>
  q.query(
    `INSERT INTO evidence_chain (subject_kind, subject_id, seq, kind, payload, file_id, actor_id, actor_name, at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.subject_kind, e.subject_id, e.seq, e.kind, JSON.stringify(e.payload), e.file_id, e.actor_id, e.actor_name, e.at, e.prev_hash, e.hash],
  );

/** A subject's chain in order, with each officer's display name (the chain itself keeps the account name). */
export const chainOf = (q: Queryable, subject: Subject) =>
  q.query<EntryRow & { display_name: string | null }>(
    `SELECT ${ENTRY_COLUMNS}, u.display_name FROM evidence_chain c LEFT JOIN users u ON u.id = c.actor_id
      WHERE c.subject_kind = $1 AND c.subject_id = $2 ORDER BY c.seq`,
    [subject.kind, subject.id],
  );

/** Every entry in chain order, a page at a time (keyset on subject and seq). */
export const entriesAfter = (q: Queryable, after: { kind: string; id: number; seq: number }, limit: number) =>
  q.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM evidence_chain c WHERE (c.subject_kind, c.subject_id, c.seq) > ($1, $2, $3) ORDER BY c.subject_kind, c.subject_id, c.seq LIMIT $4`,
    [after.kind, after.id, after.seq, limit],
  );

export const countEntries = async (q: Queryable) => (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_chain'))[0]?.n ?? 0;

export const attachedFiles = (q: Queryable) => q.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM evidence_files WHERE subject_kind IS NOT NULL ORDER BY id`);

/** Where a file with this content was entered in a chain: the first such entry, and how many there are. */
export async function recordsOfHash(q: Queryable, sha256: string): Promise<{ first_at: Date | null; entries: number; first_hash: string | null }> {
  const [row] = await q.query<{ first_at: Date | null; entries: number; first_hash: string | null }>(
    `SELECT min(c.at) AS first_at, count(*)::int AS entries, (array_agg(c.hash ORDER BY c.at, c.id))[1] AS first_hash
       FROM evidence_chain c JOIN evidence_files f ON f.id = c.file_id WHERE f.sha256 = $1`,
    [sha256],
  );
  return row ?? { first_at: null, entries: 0, first_hash: null };
}
