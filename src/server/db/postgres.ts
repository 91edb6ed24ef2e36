import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream, to as copyToStream } from 'pg-copy-streams';
import { assertIdentifier, type Db, type Queryable } from './db';

pg.types.setTypeParser(20, (v) => Number(v));
// bigint[] as numbers too, as the embedded engine gives them (a run's patent ids).
const INT8_ARRAY = 1016 as Parameters<typeof pg.types.getTypeParser>[0]; // not among the typings' scalar type ids
const parseBigintArray = pg.types.getTypeParser(INT8_ARRAY);
pg.types.setTypeParser(INT8_ARRAY, (v: string) => (parseBigintArray(v) as Array<string | null>).map((x) => (x === null ? null : Number(x))));
pg.types.setTypeParser(1082, (v) => v);

type Client = pg.Pool | pg.PoolClient;

function wrap(c: Client, connect: () => Promise<pg.PoolClient>, release: (pc: pg.PoolClient) => void): Queryable {
  const withClient = async <T>(fn: (pc: pg.PoolClient) => Promise<T>): Promise<T> => {
    if (!(c instanceof pg.Pool)) return fn(c as pg.PoolClient);
    const pc = await connect();
    try {
      return await fn(pc);
    } finally {
      release(pc);
    }
  };
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const res = await c.query(sql, params as unknown[] | undefined);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
    copyFrom: (table, columns, csv) =>
      withClient(async (pc) => {
        const sink = pc.query(copyFromStream(`COPY ${assertIdentifier(table)} (${columns.map(assertIdentifier).join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
        await pipeline(Readable.from(Buffer.isBuffer(csv) ? [csv] : csv, { highWaterMark: 2 }), sink);
      }),
    copyTo: (selectSql) =>
      withClient(async (pc) => {
        const chunks: Buffer[] = [];
        const source = pc.query(copyToStream(`COPY (${selectSql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
        for await (const chunk of source) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      }),
  };
}

/** Connects a pool to a real PostgreSQL server. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const connect = () => pool.connect();
  const release = (pc: pg.PoolClient) => pc.release();
  const base = wrap(pool, connect, release);
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    pool,
    ...base,
    async tx(fn) {
      const pc = await pool.connect();
      try {
        await pc.query('BEGIN');
        const result = await fn(wrap(pc, connect, release));
        await pc.query('COMMIT');
        return result;
      } catch (err) {
        await pc.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        pc.release();
      }
    },
    close: () => pool.end(),
  };
}
