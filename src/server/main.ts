import { buildApp } from './app';
import { StartupError, openDatabase, prepareDatabase, resolveSecret } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { randomToken, sha256 } from './crypto';
import { LockedError } from './db/lock';
import { MigrationError } from './db/migrate';
import { loggerOptions } from './http/logging';
import { JOB_HANDLERS } from './jobs/handlers';
import { JobRunner } from './jobs/runner';
import { removeServerFile, writeServerFile } from './server-file';

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, lock } = await openDatabase(config);
  // The first start of a demo generates a register of some 30,000 rights: say what is happening.
  let lastShown = 0;
  const onProgress = (step: string) => {
    if (Date.now() - lastShown < 2000 && !step.endsWith('/0')) return;
    lastShown = Date.now();
    process.stdout.write(`演示数据 demo data: ${step}\n`);
  };
  const { ctx, result } = await prepareDatabase(db, config, { seed: true, secret: resolveSecret(config), onProgress });
  const operatorToken = config.database.kind === 'embedded' ? `xzop_${randomToken(32)}` : undefined;
  if (operatorToken) ctx.operatorTokenHash = sha256(operatorToken);

  const app = await buildApp(ctx, { logger: loggerOptions(config.logLevel) });
  if (result.migrated.length) app.log.info({ migrations: result.migrated }, 'migrations applied');
  if (result.seed?.seeded) app.log.info({ seed: result.seed.seed, counts: result.seed.counts }, 'demo data created');

  const jobs = new JobRunner(ctx, JOB_HANDLERS);
  const recovered = await jobs.recover();
  if (recovered) app.log.warn({ jobs: recovered }, 'jobs left running by a stopped process are marked interrupted; resume them to continue');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('in-flight requests did not finish within 20 s; closing anyway');
    }, 20_000);
    try {
      await jobs.stop();
      await app.close();
      await db.close();
    } finally {
      clearTimeout(force);
      if (operatorToken) removeServerFile(config.dataDir);
      lock?.release();
    }
    app.log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  if (operatorToken) {
    const port = app.server.address();
    const actualPort = typeof port === 'object' && port ? port.port : config.port;
    writeServerFile(config.dataDir, { pid: process.pid, url: `http://127.0.0.1:${actualPort}`, token: operatorToken });
  }
  jobs.start();
  app.log.info(`信知 Xinzhi is serving at ${address.replace('0.0.0.0', 'localhost')} (${ctx.db.kind} database${ctx.demo ? ', demo mode' : ''})`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof LockedError || err instanceof MigrationError || err instanceof StartupError) {
    process.stderr.write(`${err.message}\n`);
    if (err instanceof LockedError) process.stderr.write('Another Xinzhi server is already using this data folder. Stop it, or set XINZHI_DATA_DIR to another folder. / 另一个信知服务正在使用该数据目录。\n');
  } else {
    process.stderr.write(`Start-up failed / 启动失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
