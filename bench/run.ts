/**
 * `npm run bench`: speed figures of the foundation, measured in one run so that ratios compare
 * like with like on the same (noisy) machine. Prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app';
import { buildContext, prepareDatabase } from '../src/server/bootstrap';
import { systemActor } from '../src/server/actor';
import { loadConfig } from '../src/server/config';
import { hashPassword } from '../src/server/crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbedded } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/postgres';
import { benchAlertScan, benchInsight, benchLandscape } from './insight';
import { benchRegistry } from './registry';
import { benchReport } from './report';
import { appendAudit, verifyChain } from '../src/server/domains/identity/audit/service';

const SECRET = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

async function time<T>(n: number, fn: (i: number) => Promise<T>): Promise<{ totalMs: number; perOpMs: number }> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const totalMs = performance.now() - start;
  return { totalMs: Math.round(totalMs), perOpMs: Number((totalMs / n).toFixed(3)) };
}

async function main() {
  // First, while no other work has warmed or loaded the process: it includes a report's first build.
  const reportBench = await benchReport();
  const config = loadConfig({ XINZHI_SECRET: SECRET, XINZHI_LOGIN_RATE_LIMIT: '10000', XINZHI_DATA_DIR: '/nonexistent', XINZHI_DEMO_PATENTS: '0', XINZHI_DEMO_TRADEMARKS: '0' });
  const db = await openEmbedded();
  const { ctx } = await prepareDatabase(db, { ...config, demo: true }, { seed: true, secret: SECRET });
  const app = await buildApp(buildContext(config, db, { demo: true, secret: SECRET }));
  await app.ready();

  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city', password: 'Xinyang#2022' } });
  const cookie = `xz_sid=${login.cookies.find((c) => c.name === 'xz_sid')?.value}`;

  const N = 300;
  const health = await time(N, () => app.inject({ method: 'GET', url: '/api/health' }));
  const me = await time(N, () => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }));
  const areas = await time(N, () => app.inject({ method: 'GET', url: '/api/areas', headers: { cookie } }));
  const argon = await time(10, () => hashPassword('Bench-password-2026'));
  const signIn = await time(10, () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city', password: 'Xinyang#2022' } }));
  const APPENDS = 2000;
  const append = await time(APPENDS, (i) => db.tx((tx) => appendAudit(tx, ctx.clock, { actor: systemActor, action: 'bench.append', details: { i } })));
  const verifyStart = performance.now();
  const report = await verifyChain(db);
  const verifyMs = performance.now() - verifyStart;

  const result = {
    machine: { node: process.version, database: 'embedded (PGlite)' },
    requests: { healthMs: health.perOpMs, meMs: me.perOpMs, areasMs: areas.perOpMs, sessionOverheadRatio: Number((me.perOpMs / health.perOpMs).toFixed(2)) },
    signIn: { argon2idHashMs: argon.perOpMs, loginMs: signIn.perOpMs, loginToHashRatio: Number((signIn.perOpMs / argon.perOpMs).toFixed(2)) },
    audit: {
      appendPerRowMs: append.perOpMs,
      verifiedRows: report.checked,
      verifyRowsPerSecond: Math.round(report.checked / (verifyMs / 1000)),
      verifyToAppendSpeedRatio: Number(((append.perOpMs * report.checked) / verifyMs).toFixed(1)),
      chainOk: report.ok,
    },
    memoryMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  await app.close();
  await db.close();
  const registry = await registryBenches(config);
  process.stdout.write(`${JSON.stringify({ ...result, report: reportBench, registry }, null, 2)}\n`);
}

/**
 * The data centre at scale: 200,000 patents on the embedded database, and 1,000,000 on PostgreSQL
 * when BENCH_DATABASE_URL names an empty database (BENCH_EMBEDDED_ROWS / BENCH_PG_ROWS change the sizes;
 * BENCH_SKIP_REGISTRY=1 skips it).
 */
async function registryBenches(config: ReturnType<typeof loadConfig>): Promise<Record<string, unknown>> {
  if (process.env.BENCH_SKIP_REGISTRY === '1') return { skipped: true };
  const out: Record<string, unknown> = {};
  const filesDir = await mkdtemp(path.join(tmpdir(), 'xz-bench-files-'));
  const cfg = { ...config, filesDir, importMaxBytes: 4096 * 1048576 };
  try {
    const embeddedRows = Number(process.env.BENCH_EMBEDDED_ROWS ?? 200_000);
    if (embeddedRows > 0) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'xz-bench-db-'));
      const edb = await openEmbedded({ dataDir });
      try {
        const { ctx: ectx } = await prepareDatabase(edb, { ...cfg, demo: false }, { seed: false, secret: SECRET });
        const eapp = await buildApp(ectx);
        try {
          await eapp.ready();
          out.embedded = { ...(await benchRegistry(ectx, embeddedRows)), insight: await benchInsight(ectx, eapp), landscape: await benchLandscape(ectx), alertScan: await benchAlertScan(ectx) };
        } finally {
          await eapp.close();
        }
      } finally {
        await edb.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    const url = process.env.BENCH_DATABASE_URL;
    if (url) {
      const pdb = await openPostgres(url, { max: 4 });
      try {
        const { ctx: pctx } = await prepareDatabase(pdb, { ...cfg, demo: false }, { seed: false, secret: SECRET });
        const papp = await buildApp(pctx);
        try {
          await papp.ready();
          out.postgres = { ...(await benchRegistry(pctx, Number(process.env.BENCH_PG_ROWS ?? 1_000_000))), insight: await benchInsight(pctx, papp), landscape: await benchLandscape(pctx), alertScan: await benchAlertScan(pctx) };
        } finally {
          await papp.close();
        }
      } finally {
        await pdb.close();
      }
    } else out.postgres = 'set BENCH_DATABASE_URL to an empty PostgreSQL database to measure 1,000,000 rows';
  } finally {
    await rm(filesDir, { recursive: true, force: true });
  }
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
