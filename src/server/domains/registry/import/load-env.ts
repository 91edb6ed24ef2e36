import { createHash } from 'node:crypto';
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

/**
 * A fingerprint of a record: the same content gives the same hash whatever the key order. Records
 * are flat (values are scalars or lists of strings), so sorting the top-level keys is canonical.
 */
export const contentHash = (record: object) => createHash('sha256').update(JSON.stringify(record, Object.keys(record).sort())).digest('hex');

/** Ids for rows about to be COPYed, taken from the table's own identity sequence. */
export async function allocateIds(q: Queryable, table: 'patents' | 'trademarks' | 'gis' | 'gi_users', n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await q.query<{ id: number }>('SELECT nextval(pg_get_serial_sequence($1, $2))::bigint AS id FROM generate_series(1, $3)', [table, 'id', n]);
  return rows.map((r) => r.id);
}
