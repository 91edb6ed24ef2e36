/**
 * The data centre's benchmark: import of a synthetic register from CSV against the best a pure-SQL
 * load of the same rows can do (limit L = COPY of the already-tokenised rows into an unindexed copy
 * of the table + building its indexes), an incremental import, and Chinese search latency.
 * Everything is measured in the same run on the same database.
 */
import { createWriteStream, createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { operatorActor } from '../src/server/actor';
import type { AppContext } from '../src/server/context';
import { copyCsv } from '../src/server/db/copy-csv';
import { generatePatents } from '../src/server/demo/registry/generate';
import { HolderResolver } from '../src/server/domains/registry/holders/resolver';
import { analyseUpload, startImport } from '../src/server/domains/registry/import/service';
import { IndustryMatcher } from '../src/server/domains/registry/industries/matcher';
import { patentRowValues, PATENT_COLUMNS } from '../src/server/domains/registry/patents/load';
import { searchPatents } from '../src/server/domains/registry/patents/service';
import { JOB_HANDLERS } from '../src/server/jobs/handlers';
import { JobRunner } from '../src/server/jobs/runner';
import { findJob } from '../src/server/jobs/queries';
import type { PatentRecord } from '../src/shared/registry/types';
import { AREAS, CITY_CODE } from '../src/shared/validators';

const HEADER = ['申请号', '申请日', '专利类型', '公开(公告)号', '公开(公告)日', '授权公告号', '授权公告日', '发明名称', '摘要', '申请人', '统一社会信用代码', '申请人地址', '发明人', 'IPC主分类号', 'IPC分类号', '法律状态', '代理机构', '权利要求数'];

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(r: PatentRecord): string {
  return [
    r.appNo, r.appDate, { invention: '发明', utility: '实用新型', design: '外观设计' }[r.type], r.pubNo, r.pubDate, r.grantNo, r.grantDate, r.title, r.abstract,
    r.applicants.join(';'), r.applicantUsccs.map((u) => u ?? '').join(';'), r.address, r.inventors.join(';'), r.ipcMain, r.ipc.join(';'), r.statusRaw, r.agency, r.claimsCount,
  ].map((v) => csvCell(v ?? null)).join(',');
}

/** Writes `count` synthetic patents (from index `from` of the seed's sequence) as a CSV file. */
async function writeCsv(file: string, seed: number, from: number, count: number): Promise<number> {
  const out = createWriteStream(file);
  out.write(`\uFEFF${HEADER.join(',')}\n`);
  let i = 0;
  let buf: string[] = [];
  for (const r of generatePatents(seed, from + count)) {
    if (i++ < from) continue;
    buf.push(csvLine(r));
    if (buf.length >= 5000) {
      if (!out.write(`${buf.join('\n')}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = [];
    }
  }
  if (buf.length) out.write(`${buf.join('\n')}\n`);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return (await stat(file)).size;
}

const ms = (start: number) => Math.round(performance.now() - start);

/** Peak resident memory while `fn` runs, sampled every 50 ms. */
async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await fn();
    return { value, peakRssMB: Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

async function importCsv(ctx: AppContext, file: string): Promise<{ ms: number; result: Record<string, unknown> }> {
  const start = performance.now();
  const analysis = await analyseUpload(ctx, operatorActor(), { kind: 'patents', fileName: path.basename(file), source: createReadStream(file) });
  const job = await startImport(ctx, operatorActor(), { uploadKey: analysis.uploadKey, mapping: analysis.columns.map((c) => c.field) });
  await new JobRunner(ctx, JOB_HANDLERS).drain();
  const done = await findJob(ctx.db, job.id);
  if (done?.status !== 'succeeded') throw new Error(`import ${done?.status}: ${JSON.stringify(done?.error)}`);
  return { ms: ms(start), result: done.result as Record<string, unknown> };
}

/** Limit L: the same rows, tokenised beforehand, COPYed into an unindexed copy, then indexed. */
async function sqlLimit(ctx: AppContext, seed: number, count: number): Promise<{ copyMs: number; indexMs: number; totalMs: number }> {
  const db = ctx.db;
  await db.query('DROP TABLE IF EXISTS bench_l');
  await db.query('CREATE TABLE bench_l (LIKE patents INCLUDING DEFAULTS)');
  const indexes = await db.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = 'patents'");
  const env = { jobId: null, resolver: new HolderResolver(true), industries: await IndustryMatcher.load(db), isDemo: true, today: '2026-11-25' };
  // Prepared outside the clock (in files, to keep memory flat): L is SQL alone.
  const dir = await mkdtemp(path.join(tmpdir(), 'xz-bench-l-'));
  const chunks: string[] = [];
  let rows: unknown[][] = [];
  let id = 0;
  const holders = [{ id: 1, areaCode: '411502', areaSource: 'uscc' as const }];
  const spill = async () => {
    const file = path.join(dir, `${chunks.length}.csv`);
    await writeFile(file, copyCsv(PATENT_COLUMNS, rows as never));
    chunks.push(file);
    rows = [];
  };
  for (const r of generatePatents(seed, count)) {
    rows.push(patentRowValues(++id, r, holders, env));
    if (rows.length === 20_000) await spill();
  }
  if (rows.length) await spill();
  const t0 = performance.now();
  for (const c of chunks) await db.copyFrom('bench_l', PATENT_COLUMNS, await readFile(c));
  const copyMs = ms(t0);
  await rm(dir, { recursive: true, force: true });
  const t1 = performance.now();
  for (const { indexdef } of indexes) {
    const def = indexdef.replace(/INDEX (\S+) ON (public\.)?patents /, (_m, name: string) => `INDEX bench_l_${name} ON bench_l `);
    await db.query(def);
  }
  const indexMs = ms(t1);
  await db.query('DROP TABLE bench_l');
  return { copyMs, indexMs, totalMs: copyMs + indexMs };
}

const WORDS_2 = ['茶叶', '毛尖', '红茶', '杀青', '揉捻', '烘干', '膏剂', '沸石', '面条', '羽绒', '电池', '装置', '方法', '一种', '信阳', '保温', '包装', '机构', '电路', '光伏'];
const WORDS_3 = ['珍珠岩', '膨润土', '透皮贴', '理条机', '茶叶机', '吸附剂', '挂面机', '集成电', '保温板', '烘干机'];
const WORDS_4 = ['信阳毛尖', '膨胀珍珠', '巴布膏剂', '茶叶加工', '空心挂面', '羽绒服装', '锂离子电', '中药提取'];
const PAIRS = ['毛尖 加工', '珍珠岩 保温', '膏剂 制备', '茶叶 烘干', '面条 生产', '电池 外壳', 'LED 灯具', '沸石 吸附'];
const RARE = ['铈钆', '鲲鹏', '龘', '量子纠缠'];

/** ≥ 200 searches: 2/3/4-character words, pairs, rare and very common words, number lookups; each with a county and a type filter. */
async function searchLatency(ctx: AppContext, numbers: string[]): Promise<Record<string, unknown>> {
  const counties = AREAS.filter((a) => a.code !== CITY_CODE).map((a) => a.code);
  const types = ['invention', 'utility', 'design'];
  const queries: Array<{ q: string; county?: string; type?: string }> = [];
  const words = [...WORDS_2, ...WORDS_3, ...WORDS_4, ...PAIRS, ...RARE];
  words.forEach((q, i) => {
    for (let k = 0; k < 4; k++) queries.push({ q, county: counties[(i + k * 3) % counties.length], type: types[(i + k) % 3] });
  });
  for (const n of numbers) queries.push({ q: n });
  const actor = operatorActor();
  const none = { q: undefined, type: undefined, status: undefined, county: undefined, year: undefined, ipc: undefined, industry: undefined, holder: undefined, granted: undefined, pct: undefined, noIpc: undefined, local: undefined };
  const times: number[] = [];
  let capped = 0;
  // Warm-up so that the first measured query does not pay for cold caches alone.
  for (const q of queries.slice(0, 10)) await searchPatents(ctx, actor, { ...none, ...q, page: 1, pageSize: 20, sort: 'relevance' });
  for (const q of queries) {
    const t = performance.now();
    const res = await searchPatents(ctx, actor, { ...none, ...q, page: 1, pageSize: 20, sort: 'relevance' });
    times.push(performance.now() - t);
    if (res.totalCapped) capped++;
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => Number((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(1));
  return { queries: queries.length, p50Ms: pct(50), p95Ms: pct(95), p99Ms: pct(99), maxMs: pct(100), cappedTotals: capped };
}

async function plans(ctx: AppContext): Promise<string[]> {
  const q = "(茶叶) & zc411502 & ztutility";
  const out: string[] = [];
  for (const sql of [
    `EXPLAIN SELECT id FROM (SELECT * FROM patents WHERE search @@ to_tsquery('simple', '${q}') LIMIT 10000) AS p ORDER BY ts_rank_cd(search, to_tsquery('simple', '${q}')) DESC LIMIT 20`,
    `EXPLAIN WITH m AS MATERIALIZED (SELECT id, type, area_code FROM patents WHERE search @@ to_tsquery('simple', '${q}') LIMIT 10001) SELECT type, count(*) FROM m GROUP BY type`,
    `EXPLAIN SELECT id FROM patents WHERE app_no = '202110123456.7' OR pub_no = ANY('{CN112345678A}') OR grant_no = ANY('{CN112345678B}')`,
  ]) {
    const rows = await ctx.db.query<{ 'QUERY PLAN': string }>(sql);
    out.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return out;
}

export async function benchRegistry(ctx: AppContext, rows: number, seed = 7): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xz-bench-'));
  try {
    const file = path.join(dir, 'patents.csv');
    const genStart = performance.now();
    const bytes = await writeCsv(file, seed, 0, rows);
    const generateMs = ms(genStart);

    const limit = await sqlLimit(ctx, seed, rows);
    const full = await withPeakMemory(() => importCsv(ctx, file));
    const [gin1] = await ctx.db.query<{ f: string }>("SELECT pg_relation_filenode('patents_search')::text AS f");

    const inc = path.join(dir, 'more.csv');
    await writeCsv(inc, seed, rows, 10_000);
    const incremental = await importCsv(ctx, inc);
    const [gin2] = await ctx.db.query<{ f: string }>("SELECT pg_relation_filenode('patents_search')::text AS f");

    const sample = await ctx.db.query<{ app_no: string; pub_no: string | null }>('SELECT app_no, pub_no FROM patents ORDER BY id LIMIT 40 OFFSET 1000');
    const numbers = sample.flatMap((s) => [s.app_no, `CN${s.app_no.replace('.', '')}`, ...(s.pub_no ? [s.pub_no] : [])]).slice(0, 60);
    // Search is measured on the register at rest: after a bulk load autovacuum vacuums and
    // analyses the new rows (a minute at 1 M) and takes a core meanwhile; done here, timed.
    const vacuumStart = performance.now();
    for (const t of ['patents', 'patent_holders', 'holders']) await ctx.db.query(`VACUUM (ANALYZE) ${t}`);
    const vacuumAnalyzeMs = ms(vacuumStart);
    const search = { ...(await searchLatency(ctx, numbers)), afterVacuumAnalyzeMs: vacuumAnalyzeMs };
    const rowsPerSec = (n: number, t: number) => Math.round(n / (t / 1000));
    return {
      rows,
      csvMB: Math.round(bytes / 1048576),
      generateMs,
      limitL: { ...limit, rowsPerSecond: rowsPerSec(rows, limit.totalMs) },
      import: {
        totalMs: full.value.ms,
        rowsPerSecond: rowsPerSec(rows, full.value.ms),
        stages: full.value.result.stageMs,
        result: { ...full.value.result, stageMs: undefined },
        peakRssMB: full.peakRssMB,
        ratioToLimitL: Number((limit.totalMs / full.value.ms).toFixed(2)),
        ratioToRawCopy: Number((limit.copyMs / full.value.ms).toFixed(3)),
      },
      incremental10k: { totalMs: incremental.ms, ginIndexRebuilt: gin1?.f !== gin2?.f, result: { ...incremental.result, stageMs: undefined } },
      search,
      plans: await plans(ctx),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
