import type { Queryable } from '../db/db';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted' | 'cancelled';

export interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  params: Record<string, unknown>;
  phase: string | null;
  progress_done: number;
  progress_total: number | null;
  result: unknown;
  error: { code: string; message: string; details?: unknown } | null;
  checkpoint: Record<string, unknown> | null;
  created_by: string | null;
  created_by_name: string | null;
  area_scope: string;
  worker: string | null;
  heartbeat_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export async function insertJob(
  q: Queryable,
  j: { kind: string; params: unknown; createdBy: string | null; createdByName: string | null; areaScope: string; total: number | null },
): Promise<JobRow> {
  const [row] = await q.query<JobRow>(
    `INSERT INTO jobs (kind, status, params, created_by, created_by_name, area_scope, progress_total)
     VALUES ($1, 'queued', $2::jsonb, $3, $4, $5, $6) RETURNING *`,
    [j.kind, JSON.stringify(j.params), j.createdBy, j.createdByName, j.areaScope, j.total],
  );
  if (!row) throw new Error('job insert returned nothing');
  return row;
}

/** Queues a job unless one of its kind was created since `since`; returns whether it did. */
export async function insertJobUnlessSince(
  q: Queryable,
  j: { kind: string; params: unknown; createdBy: string | null; createdByName: string | null; areaScope: string; total: number | null },
  since: Date,
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO jobs (kind, status, params, created_by, created_by_name, area_scope, progress_total)
     SELECT $1, 'queued', $2::jsonb, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = $1 AND created_at >= $7) RETURNING id`,
    [j.kind, JSON.stringify(j.params), j.createdBy, j.createdByName, j.areaScope, j.total, since],
  );
  return rows.length === 1;
}

export async function findJob(q: Queryable, id: string): Promise<JobRow | undefined> {
  const [row] = await q.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
  return row;
}

/** Takes the oldest queued job of the given kinds for this worker; null when there is none. */
export async function claimNext(q: Queryable, kinds: readonly string[], worker: string, at: Date): Promise<JobRow | undefined> {
  const [row] = await q.query<JobRow>(
    `UPDATE jobs SET status = 'running', worker = $2, started_at = COALESCE(started_at, $3), heartbeat_at = $3, error = NULL
      WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind = ANY($1) ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [kinds, worker, at],
  );
  return row;
}

/** Claims one particular queued job (the CLI runs its own import in its own process). */
export async function claimJob(q: Queryable, id: string, worker: string, at: Date): Promise<JobRow | undefined> {
  const [row] = await q.query<JobRow>(
    `UPDATE jobs SET status = 'running', worker = $2, started_at = COALESCE(started_at, $3), heartbeat_at = $3, error = NULL
      WHERE id = $1 AND status = 'queued' RETURNING *`,
    [id, worker, at],
  );
  return row;
}

export async function reportProgress(q: Queryable, id: string, done: number, total: number | null, phase: string | null, at: Date): Promise<void> {
  await q.query('UPDATE jobs SET progress_done = $2, progress_total = COALESCE($3, progress_total), phase = COALESCE($4, phase), heartbeat_at = $5 WHERE id = $1', [
    id,
    done,
    total,
    phase,
    at,
  ]);
}

export async function saveCheckpoint(q: Queryable, id: string, checkpoint: unknown, done: number, at: Date): Promise<void> {
  await q.query('UPDATE jobs SET checkpoint = $2::jsonb, progress_done = $3, heartbeat_at = $4 WHERE id = $1', [id, JSON.stringify(checkpoint), done, at]);
}

export async function finishJob(
  q: Queryable,
  id: string,
  status: Extract<JobStatus, 'succeeded' | 'failed' | 'interrupted' | 'cancelled'>,
  fields: { result?: unknown; error?: unknown },
  at: Date,
): Promise<void> {
  await q.query('UPDATE jobs SET status = $2, result = COALESCE($3::jsonb, result), error = $4::jsonb, finished_at = $5, heartbeat_at = $5 WHERE id = $1', [
    id,
    status,
    fields.result === undefined ? null : JSON.stringify(fields.result),
    fields.error === undefined ? null : JSON.stringify(fields.error),
    at,
  ]);
}

export async function requeue(q: Queryable, id: string): Promise<JobRow | undefined> {
  const [row] = await q.query<JobRow>(
    "UPDATE jobs SET status = 'queued', worker = NULL, finished_at = NULL, error = NULL WHERE id = $1 AND status IN ('interrupted', 'failed') RETURNING *",
    [id],
  );
  return row;
}

export async function requestCancel(q: Queryable, id: string, at: Date): Promise<JobRow | undefined> {
  const [row] = await q.query<JobRow>(
    "UPDATE jobs SET status = 'cancelled', finished_at = $2 WHERE id = $1 AND status IN ('queued', 'interrupted') RETURNING *",
    [id, at],
  );
  return row;
}

export const runningJobs = (q: Queryable) => q.query<JobRow>("SELECT * FROM jobs WHERE status = 'running'");

export async function markInterrupted(q: Queryable, id: string, reason: string, at: Date): Promise<void> {
  await q.query("UPDATE jobs SET status = 'interrupted', error = $2::jsonb, finished_at = $3 WHERE id = $1 AND status = 'running'", [
    id,
    JSON.stringify({ code: 'interrupted', message: reason }),
    at,
  ]);
}

export async function listJobs(q: Queryable, f: { kinds: readonly string[]; scope: string[] | null; createdBy: string | null }, limit: number): Promise<JobRow[]> {
  return q.query<JobRow>(
    `SELECT * FROM jobs WHERE kind = ANY($1) AND ($2::text[] IS NULL OR area_scope = ANY($2)) AND ($3::uuid IS NULL OR created_by = $3)
      ORDER BY created_at DESC LIMIT $4`,
    [f.kinds, f.scope, f.createdBy, limit],
  );
}
