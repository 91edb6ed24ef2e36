import type { Queryable, Tx } from '../../../db/db';

export interface AuditRow {
  id: number;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_org_id: string | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  result: 'ok' | 'denied' | 'failed';
  before_digest: string | null;
  after_digest: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export async function lockHead(tx: Tx): Promise<{ last_id: number; last_hash: string }> {
  const [head] = await tx.query<{ last_id: number; last_hash: string }>('SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE');
  if (!head) throw new Error('audit_head row is missing');
  return head;
}

export async function insertRow(tx: Tx, r: AuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (id, at, actor_kind, actor_id, actor_name, actor_org_id, ip, action, target_type, target_id,
       result, before_digest, after_digest, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16)`,
    [
      r.id, r.at, r.actor_kind, r.actor_id, r.actor_name, r.actor_org_id, r.ip, r.action, r.target_type, r.target_id,
      r.result, r.before_digest, r.after_digest, JSON.stringify(r.details), r.prev_hash, r.hash,
    ],
  );
  await tx.query('UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE id = 1', [r.id, r.hash]);
}

export async function readBatch(q: Queryable, afterId: number, limit: number): Promise<AuditRow[]> {
  return q.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
}

export async function readHead(q: Queryable): Promise<{ last_id: number; last_hash: string }> {
  const [head] = await q.query<{ last_id: number; last_hash: string }>('SELECT last_id, last_hash FROM audit_head WHERE id = 1');
  if (!head) throw new Error('audit_head row is missing');
  return head;
}

export interface AuditFilter {
  from: Date | null;
  to: Date | null;
  actor: string | null;
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  result: string | null;
  /** Restricts to one actor (a user's own sign-in history). */
  actorId: string | null;
}

const WHERE = `($1::timestamptz IS NULL OR at >= $1)
  AND ($2::timestamptz IS NULL OR at < $2)
  AND ($3::text IS NULL OR actor_name = $3)
  AND ($4::text IS NULL OR action = $4 OR action LIKE $4 || '.%')
  AND ($5::text IS NULL OR target_type = $5)
  AND ($6::text IS NULL OR target_id = $6)
  AND ($7::text IS NULL OR result = $7)
  AND ($8::text IS NULL OR actor_id = $8)`;

const filterParams = (f: AuditFilter) => [f.from, f.to, f.actor, f.action, f.targetType, f.targetId, f.result, f.actorId];

/** What a person recognises a target by, looked up at read time (the log itself keeps only ids). */
const TARGET_LABEL = `CASE target_type
    WHEN 'user' THEN (SELECT u.username FROM users u WHERE u.id::text = l.target_id)
    WHEN 'organisation' THEN (SELECT o.name FROM organisations o WHERE o.id::text = l.target_id)
    WHEN 'api_token' THEN (SELECT t.name FROM api_tokens t WHERE t.id::text = l.target_id)
  END`;

export async function listRows(q: Queryable, f: AuditFilter, limit: number, offset: number): Promise<{ rows: Array<AuditRow & { target_label: string | null }>; total: number }> {
  const rows = await q.query<AuditRow & { target_label: string | null }>(`SELECT l.*, ${TARGET_LABEL} AS target_label FROM audit_log l WHERE ${WHERE} ORDER BY id DESC LIMIT $9 OFFSET $10`, [
    ...filterParams(f),
    limit,
    offset,
  ]);
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE ${WHERE}`, filterParams(f));
  return { rows, total: count?.n ?? 0 };
}

export async function distinctActions(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action');
  return rows.map((r) => r.action);
}
