/**
 * One database interface over the embedded PostgreSQL (PGlite) and a node-postgres pool, so every
 * query, migration and test runs unchanged on both. Conventions that keep the two engines in step:
 * - pass JSON for jsonb columns as a string (`JSON.stringify(v)`) and cast `$n::jsonb`;
 * - int8 comes back as a JS number and `date` as 'YYYY-MM-DD' on both (set by the drivers below);
 * - cast aggregates (`count(*)::int`) so types agree.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads CSV (with header) into a table; used by restore and imports. Given chunks, PostgreSQL
   * parses each while the next is made (see copyCsvChunks).
   */
  copyFrom(table: string, columns: readonly string[], csv: Buffer | Iterable<Buffer>): Promise<void>;
  /** Dumps a query's rows as CSV with a header; used by backup and exports. */
  copyTo(selectSql: string): Promise<Buffer>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** First row, or undefined. */
export async function maybeOne<T = Row>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}

/** Exactly the first row; throws when the statement returned none (a bug, not a user error). */
export async function one<T = Row>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<T> {
  const rows = await q.query<T>(sql, params);
  if (rows.length === 0) throw new Error(`Expected a row from: ${sql.slice(0, 120)}`);
  return rows[0] as T;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Table and column names in COPY cannot be parameters: accept only plain identifiers. */
export function assertIdentifier(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return name;
}
