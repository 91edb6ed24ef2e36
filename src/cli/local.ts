import { buildContext, openDatabase, prepareDatabase, resolveSecret } from '../server/bootstrap';
import type { Config } from '../server/config';
import type { AppContext } from '../server/context';
import type { Command } from './command';

/**
 * Runs fn on the configured database opened by this process (taking the embedded folder's lock),
 * and always closes the database and releases the lock, also when fn fails.
 */
export async function withLocalContext<T>(config: Config, cmd: Command, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { db, lock } = await openDatabase(config);
  try {
    const secret = resolveSecret(config);
    const ctx = cmd.prepare ? (await prepareDatabase(db, config, { seed: false, secret })).ctx : buildContext(config, db, { demo: false, secret });
    return await fn(ctx);
  } finally {
    await db.close().catch(() => undefined);
    lock?.release();
  }
}
