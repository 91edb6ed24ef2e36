import { hash } from 'node:crypto';
import type { Queryable } from '../../../db/db';
import type { HolderResolver } from '../holders/resolver';
import type { IndustryMatcher } from '../industries/matcher';

/** What a batch loader needs besides its rows; one per import (or demo seeding) run. */
export interface LoadEnv {
  jobId: string | null;
  resolver: HolderResolver;
  industries: IndustryMatcher;
  isDemo: boolean;
  /** Today, 'YYYY-MM-DD': the date of status changes a file does not date itself. */
  today: string;
}

export interface LoadCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const addCounts = (a: LoadCounts, b: LoadCounts): LoadCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
});

/** Records of one kind share their key order: its sorted form is worked out once per order. */
const sortedKeys = new Map<string, { keys: string[]; prefixes: string[] }>();

/**
 * A fingerprint of a record: the same content gives the same hash whatever the key order. Records
 * are flat (values are scalars or lists of strings), so the JSON of the keys in sorted order is
 * canonical (the same text as JSON.stringify(record, sortedKeys), without its slow path).
 */
export function contentHash(record: object): string {
  const r = record as Record<string, unknown>;
  const keys = Object.keys(r);
  const order = keys.join('\u0000');
  let sorted = sortedKeys.get(order);
  if (!sorted) {
    const k = [...keys].sort();
    sorted = { keys: k, prefixes: k.map((key) => `${JSON.stringify(key)}:`) };
    if (sortedKeys.size > 100) sortedKeys.clear();
    sortedKeys.set(order, sorted);
  }
  let json = '';
  for (let i = 0; i < sorted.keys.length; i++) {
    const v = r[sorted.keys[i] as string];
    if (v === undefined) continue;
    json += `${json ? ',' : ''}${sorted.prefixes[i]}${JSON.stringify(v)}`;
  }
  return hash('sha256', `{${json}}`);
}

type IdTable = 'patents' | 'trademarks' | 'gis' | 'gi_users';
const sequences = new Map<IdTable, string>();

/** Ids for rows about to be COPYed, taken from the table's own identity sequence. */
export async function allocateIds(q: Queryable, table: IdTable, n: number): Promise<number[]> {
  if (n === 0) return [];
  let seq = sequences.get(table);
  if (!seq) {
    const [row] = await q.query<{ seq: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS seq', [table, 'id']);
    if (!row?.seq) throw new Error(`no identity sequence for ${table}`);
    seq = row.seq;
    sequences.set(table, seq);
  }
  // The sequence looked up once: by table name per row it costs five times the nextval itself.
  const rows = await q.query<{ id: number }>('SELECT nextval($1::regclass)::bigint AS id FROM generate_series(1, $2)', [seq, n]);
  return rows.map((r) => r.id);
}
