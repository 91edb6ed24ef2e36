import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { assertIdentifier, type Db, type Queryable } from './db';

const PARSERS = {
  20: (v: string) => Number(v), // int8: ids and counts fit in a JS number
  1082: (v: string) => v, // date stays 'YYYY-MM-DD', never shifted by a time zone
};

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const res = await q.query<T>(sql, params as unknown[] | undefined);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async copyFrom(table, columns, csv) {
      await q.query(`COPY ${assertIdentifier(table)} (${columns.map(assertIdentifier).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob(Buffer.isBuffer(csv) ? [new Uint8Array(csv)] : [...csv].map((c) => new Uint8Array(c))),
      });
    },
    async copyTo(selectSql) {
      const res = await q.query(`COPY (${selectSql}) TO '/dev/blob' WITH (FORMAT csv, HEADER true)`);
      return res.blob ? Buffer.from(await res.blob.arrayBuffer()) : Buffer.alloc(0);
    },
  };
}

export interface EmbeddedOptions {
  /** Folder of the data directory; omit for an in-memory database. */
  dataDir?: string;
  /** Start from a dumped data directory (tests clone a migrated template this way). */
  loadDataDir?: Blob;
}

/** Opens the embedded PostgreSQL. The caller must hold the data folder's lock (see lock.ts). */
export async function openEmbedded(opts: EmbeddedOptions = {}): Promise<Db & { pglite: PGlite }> {
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers: PARSERS,
  });
  const base = wrap(pglite);
  return {
    kind: 'embedded',
    pglite,
    ...base,
    tx: (fn) => pglite.transaction((t) => fn(wrap(t))),
    close: () => pglite.close(),
  };
}
