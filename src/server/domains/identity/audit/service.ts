import { canonicalJson } from '../../../../shared/canonical-json';
import type { Actor } from '../../../actor';
import type { Clock } from '../../../clock';
import { sha256 } from '../../../crypto';
import type { Db, Queryable, Tx } from '../../../db/db';
import * as sql from './queries';
import type { AuditRow, AuditFilter } from './queries';

export interface AuditEntry {
  actor: Actor;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  result?: 'ok' | 'denied' | 'failed';
  /** The record before and after a change; only their digests are kept. */
  before?: unknown;
  after?: unknown;
  /** Small, non-personal facts about the event (changed field names, counts, reasons). */
  details?: Record<string, unknown>;
}

const SECRET_KEY = /(hash|secret|password|token|totp)/i;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEY.test(k)) out[k] = redact(v);
    return out;
  }
  return value;
}

/** SHA-256 of a record's canonical JSON, secrets left out: proves what a record was without copying it. */
export function digest(record: unknown): string | null {
  return record === undefined || record === null ? null : sha256(canonicalJson(redact(record)));
}

/** Names of the fields that differ between two versions of a record. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !SECRET_KEY.test(k) && canonicalJson(before[k]) !== canonicalJson(after[k])).sort();
}

function hashOf(prevHash: string, r: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    id: r.id,
    at: r.at.toISOString(),
    actor_kind: r.actor_kind,
    actor_id: r.actor_id,
    actor_name: r.actor_name,
    actor_org_id: r.actor_org_id,
    ip: r.ip,
    action: r.action,
    target_type: r.target_type,
    target_id: r.target_id,
    result: r.result,
    before_digest: r.before_digest,
    after_digest: r.after_digest,
    details: r.details,
  });
  return sha256(`${prevHash}\n${body}`);
}

/**
 * Appends one row inside the caller's transaction, so the record of a write commits or rolls back
 * with the write itself. The head row's lock serialises appenders and keeps ids gapless.
 */
export async function appendAudit(tx: Tx, clock: Clock, e: AuditEntry): Promise<number> {
  const head = await sql.lockHead(tx);
  const row = {
    id: head.last_id + 1,
    at: clock.now(),
    actor_kind: e.actor.kind,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    actor_org_id: e.actor.orgId,
    ip: e.actor.ip,
    action: e.action,
    target_type: e.targetType ?? null,
    target_id: e.targetId ?? null,
    result: e.result ?? 'ok',
    before_digest: digest(e.before),
    after_digest: digest(e.after),
    details: JSON.parse(canonicalJson(e.details ?? {})) as Record<string, unknown>,
  } satisfies Omit<AuditRow, 'hash' | 'prev_hash'>;
  const hash = hashOf(head.last_hash, row);
  await sql.insertRow(tx, { ...row, prev_hash: head.last_hash, hash });
  return row.id;
}

/** Appends a row in a transaction of its own (events that are not part of a write: sign-ins, denials). */
export function recordAudit(db: Db, clock: Clock, e: AuditEntry): Promise<number> {
  return db.tx((tx) => appendAudit(tx, clock, e));
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: 'hash' | 'link' | 'gap' | 'head'; message: string } | null;
}

/** Recomputes the whole chain; names the first row whose content, link or position is wrong. */
export async function verifyChain(q: Queryable, onProgress?: (checked: number, total: number) => void): Promise<ChainReport> {
  const head = await sql.readHead(q);
  let prevHash = '0'.repeat(64);
  let expectedId = 1;
  let checked = 0;
  const broken = (id: number, reason: NonNullable<ChainReport['firstBroken']>['reason'], message: string): ChainReport => ({
    ok: false,
    checked,
    firstBroken: { id, reason, message },
  });
  for (;;) {
    const batch = await sql.readBatch(q, expectedId - 1, 2000);
    if (batch.length === 0) break;
    for (const r of batch) {
      if (r.id !== expectedId) return broken(expectedId, 'gap', `Entry ${expectedId} is missing (next present is ${r.id}) / 第 ${expectedId} 条记录缺失`);
      if (r.prev_hash !== prevHash) return broken(r.id, 'link', `Entry ${r.id} does not point to entry ${r.id - 1} / 第 ${r.id} 条记录与上一条链接不符`);
      const { hash, prev_hash: _prev, ...rest } = r;
      if (hashOf(prevHash, rest) !== hash) return broken(r.id, 'hash', `Entry ${r.id} was altered after it was written / 第 ${r.id} 条记录写入后被篡改`);
      prevHash = hash;
      expectedId++;
      checked++;
    }
    onProgress?.(checked, head.last_id);
  }
  if (head.last_id !== checked || (checked > 0 && head.last_hash !== prevHash)) {
    return broken(checked + 1, 'head', `The log ends at entry ${checked} but ${head.last_id} were written / 日志应有 ${head.last_id} 条，实有 ${checked} 条`);
  }
  return { ok: true, checked, firstBroken: null };
}

export interface AuditPage {
  items: Array<AuditRow & { target_label: string | null }>;
  total: number;
}

export function listAudit(q: Queryable, filter: AuditFilter, page: number, pageSize: number): Promise<AuditPage> {
  return sql.listRows(q, filter, pageSize, (page - 1) * pageSize).then(({ rows, total }) => ({ items: rows, total }));
}

export const listActions = (q: Queryable) => sql.distinctActions(q);
export type { AuditFilter, AuditRow };
