import type { ImportKind } from '../../../shared/registry/types';
import type { Db, Tx } from '../../db/db';
import { DEMO_GI_USERS, DEMO_GIS, generatePatents, generateTrademarks } from '../../demo/registry/generate';
import { loadGis, loadGiUsers } from './gis/load';
import { HolderResolver } from './holders/resolver';
import type { LoadEnv } from './import/load-env';
import { IndustryMatcher } from './industries/matcher';
import { loadPatents } from './patents/load';
import { loadTrademarks } from './trademarks/load';

export interface RegistryDemoSize {
  patents: number;
  trademarks: number;
}

/** Rows per transaction: large enough for COPY to pay, small enough to show progress often. */
const BATCH = 5000;

/**
 * Loads a synthetic register (demo/registry/generate.ts) through the same loaders as a real
 * import, so that holders, areas, industries and the search index are built the same way.
 * Every row is marked is_demo.
 */
export async function seedRegistryDemo(
  db: Db,
  seed: number,
  size: RegistryDemoSize,
  today: string,
  onProgress?: (kind: ImportKind, done: number, total: number) => void,
): Promise<Record<string, number>> {
  const env: LoadEnv = { jobId: null, resolver: new HolderResolver(true), industries: await IndustryMatcher.load(db), isDemo: true, today };
  const load = async <R>(kind: ImportKind, records: Iterable<R>, total: number, loader: (tx: Tx, rs: R[], env: LoadEnv) => Promise<unknown>) => {
    let batch: R[] = [];
    let done = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      await db.tx((tx) => loader(tx, rows, env)).catch((err: unknown) => {
        env.resolver.clear();
        throw err;
      });
      done += rows.length;
      batch = [];
      onProgress?.(kind, done, total);
    };
    for (const r of records) {
      batch.push(r);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return done;
  };
  const counts: Record<string, number> = {};
  counts.gis = await load('gis', DEMO_GIS, DEMO_GIS.length, loadGis);
  counts.patents = await load('patents', generatePatents(seed, size.patents), size.patents, loadPatents);
  counts.trademarks = await load('trademarks', generateTrademarks(seed, size.trademarks), size.trademarks, loadTrademarks);
  counts.giUsers = await load('gi_users', DEMO_GI_USERS, DEMO_GI_USERS.length, loadGiUsers);
  const [holders] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM holders');
  counts.holders = holders?.n ?? 0;
  return counts;
}
