import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { todayInChina } from '../../../../shared/registry/normalise';
import type { ImportKind, RowProblem } from '../../../../shared/registry/types';
import type { AppContext } from '../../../context';
import { assertIdentifier, type Queryable } from '../../../db/db';
import { copyCsv } from '../../../db/copy-csv';
import { interrupted, type JobContext } from '../../../jobs/runner';
import { inThread } from '../../../jobs/thread';
import { HolderResolver } from '../holders/resolver';
import { IndustryMatcher } from '../industries/matcher';
import { KIND_SPECS } from './kinds';
import { addCounts, type LoadCounts, type LoadEnv } from './load-env';
import { readRowBatches, type FileInfo } from './read';
import { validatedBatches, type RowSource, type ValidatedBatch } from './rows';

/** What an import job is given (stored in jobs.params). */
export interface ImportParams {
  kind: ImportKind;
  fileKey: string;
  fileName: string;
  info: FileInfo;
  /** Row number of the header line (0 for JSON). */
  headerRowNo: number;
  /** For each column of the file, the field it fills (null: ignored). */
  mapping: Array<string | null>;
  /** Columns in the header; a data row with another count is ragged. */
  columnCount: number;
  profile: string | null;
}

export interface ImportResult extends LoadCounts {
  rows: number;
  rejected: number;
  warnings: number;
  /**
   * Where the time of this run went: counting rows; waiting for rows to be read and validated
   * (beyond what overlapped with writing); writing batches; building the indexes of a bulk load.
   */
  stageMs?: { count: number; readValidate: number; load: number; index: number };
}

interface Checkpoint extends ImportResult {
  /** Every row up to this number is committed (stored or rejected). */
  lastRowNo: number;
  /** Indexes were dropped for a bulk load and are built at the end (also after a resume). */
  bulkIndex?: boolean;
}

/** Below this many rows an import always updates the indexes as it goes. */
const BULK_MIN_ROWS = 20_000;

/**
 * The bulk-load mode, per kind: the indexes dropped and built once at the end (as defined in
 * migration 0003). The search index and the secondary b-trees go; primary keys and unique keys
 * stay, as they guard against duplicates while the load runs.
 */
const BULK_INDEXES: Partial<Record<ImportKind, { tables: string[]; count: string; indexes: Array<{ name: string; create: string }> }>> = {
  patents: {
    tables: ['patents', 'patent_holders', 'patent_status_history'],
    count: 'SELECT count(*)::int AS n FROM (SELECT 1 FROM patents LIMIT $1) AS x',
    indexes: [
      { name: 'patents_search', create: 'CREATE INDEX IF NOT EXISTS patents_search ON patents USING gin (search)' },
      { name: 'patents_pub_no', create: 'CREATE INDEX IF NOT EXISTS patents_pub_no ON patents (pub_no)' },
      { name: 'patents_grant_no', create: 'CREATE INDEX IF NOT EXISTS patents_grant_no ON patents (grant_no)' },
      { name: 'patents_app_date', create: 'CREATE INDEX IF NOT EXISTS patents_app_date ON patents (app_date)' },
      { name: 'patents_area', create: 'CREATE INDEX IF NOT EXISTS patents_area ON patents (area_code, type, status)' },
      { name: 'patent_holders_holder', create: 'CREATE INDEX IF NOT EXISTS patent_holders_holder ON patent_holders (holder_id)' },
      { name: 'patent_status_history_patent', create: 'CREATE INDEX IF NOT EXISTS patent_status_history_patent ON patent_status_history (patent_id, recorded_at)' },
    ],
  },
  trademarks: {
    tables: ['trademarks', 'trademark_holders', 'trademark_status_history'],
    count: 'SELECT count(*)::int AS n FROM (SELECT 1 FROM trademarks LIMIT $1) AS x',
    indexes: [
      { name: 'trademarks_search', create: 'CREATE INDEX IF NOT EXISTS trademarks_search ON trademarks USING gin (search)' },
      { name: 'trademarks_reg_date', create: 'CREATE INDEX IF NOT EXISTS trademarks_reg_date ON trademarks (reg_date)' },
      { name: 'trademarks_area', create: 'CREATE INDEX IF NOT EXISTS trademarks_area ON trademarks (area_code, status)' },
      { name: 'trademark_holders_holder', create: 'CREATE INDEX IF NOT EXISTS trademark_holders_holder ON trademark_holders (holder_id)' },
      { name: 'trademark_status_history_tm', create: 'CREATE INDEX IF NOT EXISTS trademark_status_history_tm ON trademark_status_history (trademark_id, recorded_at)' },
    ],
  },
};

/**
 * Ends a bulk load: builds its indexes and lets autovacuum back to the tables. On PostgreSQL the
 * b-trees are built on a second connection (the second core) while the single-threaded search
 * index builds; two connections at most, so that the web pages keep theirs.
 */
async function endBulkLoad(q: Queryable, kind: ImportKind): Promise<void> {
  const bulk = BULK_INDEXES[kind];
  const [search, ...btrees] = bulk?.indexes ?? [];
  if (!bulk || !search) return;
  await Promise.all([
    q.query(search.create),
    (async () => {
      for (const b of btrees) await q.query(b.create);
    })(),
  ]);
  // Autovacuum then analyses the grown tables in the background.
  for (const t of bulk.tables) await q.query(`ALTER TABLE ${assertIdentifier(t)} RESET (autovacuum_enabled)`);
  // The dashboards' rollups were not kept during the load: counted once now.
  for (const t of bulk.tables) await q.query(`ALTER TABLE ${assertIdentifier(t)} ENABLE TRIGGER USER`);
  await q.query('SELECT rebuild_rollups()');
}

/**
 * Starts a bulk load: drops the indexes (see BULK_INDEXES), keeps autovacuum off the tables while
 * they fill, so that it does not take a core from the load, and stops the rollup triggers (a third
 * of a million-row load's time), which endBulkLoad makes up for with one recount. Dashboards show
 * the register as it was until then.
 */
async function startBulkLoad(q: Queryable, kind: ImportKind): Promise<void> {
  const bulk = BULK_INDEXES[kind];
  if (!bulk) return;
  for (const i of bulk.indexes) await q.query(`DROP INDEX IF EXISTS ${assertIdentifier(i.name)}`);
  for (const t of bulk.tables) await q.query(`ALTER TABLE ${assertIdentifier(t)} SET (autovacuum_enabled = false)`);
  for (const t of bulk.tables) await q.query(`ALTER TABLE ${assertIdentifier(t)} DISABLE TRIGGER USER`);
}

/** Ends the bulk loads that were killed (run at start-up, before their jobs can resume). */
export async function endBulkLoads(q: Queryable): Promise<void> {
  for (const [kind, bulk] of Object.entries(BULK_INDEXES) as Array<[ImportKind, NonNullable<(typeof BULK_INDEXES)[ImportKind]>]>) {
    const names = bulk.indexes.map((i) => i.name);
    const [left] = await q.query<{ missing: number; paused: number; stopped: number }>(
      `SELECT $1::int - (SELECT count(*)::int FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY($2)) AS missing,
         (SELECT count(*)::int FROM pg_class WHERE relname = ANY($3) AND 'autovacuum_enabled=false' = ANY(coalesce(reloptions, '{}'))) AS paused,
         (SELECT count(*)::int FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname = ANY($3) AND NOT t.tgisinternal AND t.tgenabled = 'D') AS stopped`,
      [names.length, names, bulk.tables],
    );
    if ((left?.missing ?? 0) > 0 || (left?.paused ?? 0) > 0 || (left?.stopped ?? 0) > 0) await endBulkLoad(q, kind);
  }
}

const BATCH = 5000;

/** Files with at least this many rows left are read and validated in a worker thread. */
const THREAD_MIN_ROWS = 10_000;
const VALIDATE_THREAD = new URL('./validate-thread.ts', import.meta.url);
const ZERO: Checkpoint = { lastRowNo: -1, rows: 0, rejected: 0, warnings: 0, inserted: 0, updated: 0, unchanged: 0 };

/** Moves the records that fail the kind's check against the register (a GI user's GI must exist) to the batch's problems. */
async function checkAgainstRegister(b: ValidatedBatch, check: (record: unknown) => Promise<RowProblem | null>): Promise<void> {
  const keep: number[] = [];
  for (let i = 0; i < b.records.length; i++) {
    const problem = await check(b.records[i]);
    if (problem) b.problems.push({ ...problem, rowNo: b.recordRows[i] ?? b.lastRowNo });
    else keep.push(i);
  }
  if (keep.length === b.records.length) return;
  b.records = keep.map((i) => b.records[i]);
  b.prepared = keep.map((i) => b.prepared[i]);
  b.recordRows = keep.map((i) => b.recordRows[i] ?? 0);
}

/** Counts the data rows (a first pass, so that progress has a total). */
export async function countRows(path: string, params: Pick<ImportParams, 'info' | 'headerRowNo'>, signal: AbortSignal): Promise<number> {
  const { format, encoding } = params.info;
  // Line breaks of a UTF-8 or GB18030 file are its only 0x0A bytes: counting them is ~20× faster
  // than parsing, and a multi-line quoted cell only makes the total a little high.
  if (format === 'csv' && (encoding === 'utf-8' || encoding === 'gb18030')) {
    let lines = 0;
    let last = 0x0a;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) lines++;
      last = chunk[chunk.length - 1] ?? last;
      if (signal.aborted) throw interrupted();
    }
    if (last !== 0x0a) lines++;
    return Math.max(0, lines - params.headerRowNo);
  }
  let n = 0;
  for await (const rows of readRowBatches(path, params.info, params.headerRowNo + 1)) {
    for (const row of rows) if (row.rowNo > params.headerRowNo) n++;
    if (signal.aborted) throw interrupted();
  }
  return n;
}

/**
 * The import job: reads the stored file from just after the last committed row, validates every
 * row, and commits batches atomically together with the checkpoint and the batch's rejected rows,
 * so that a killed import resumes exactly where it stopped and ends as an uninterrupted one would.
 */
export async function runImport(ctx: AppContext, jc: JobContext, params: ImportParams): Promise<ImportResult> {
  const spec = KIND_SPECS[params.kind];
  const path = ctx.files.pathOf(params.fileKey);
  const state: Checkpoint = { ...ZERO, ...(jc.job.checkpoint as Partial<Checkpoint> | null) };
  if (state.lastRowNo < params.headerRowNo) state.lastRowNo = params.headerRowNo;

  await jc.progress(state.rows, null, 'counting');
  const countStart = performance.now();
  const total = await countRows(path, params, jc.signal);
  const stageMs = { count: Math.round(performance.now() - countStart), readValidate: 0, load: 0, index: 0 };
  const bulk = BULK_INDEXES[params.kind];
  if (bulk && state.rows === 0 && total >= BULK_MIN_ROWS) {
    const [present] = await ctx.db.query<{ n: number }>(bulk.count, [total]);
    // A load at least as big as the register: dropping its indexes and building them once at the
    // end beats updating them row by row. Search falls back to a scan until the build is done.
    if ((present?.n ?? 0) < total) {
      await startBulkLoad(ctx.db, params.kind);
      state.bulkIndex = true;
    }
  }
  const loopStart = performance.now();
  await jc.progress(state.rows, total, 'importing');

  const env: LoadEnv = {
    jobId: jc.job.id,
    resolver: new HolderResolver(),
    industries: await IndustryMatcher.load(ctx.db),
    isDemo: false,
    today: todayInChina(ctx.clock.now().getTime()),
  };
  let waitMs = 0;

  /** Writes a batch with its rejections and the checkpoint in one transaction; `state` is what is committed. */
  const commit = async (b: ValidatedBatch) => {
    const start = performance.now();
    const next = await ctx.db
      .tx(async (tx) => {
        const loaded = await spec.load(tx, b.records, env);
        if (b.problems.length > 0) {
          const cols = ['job_id', 'row_no', 'field', 'value', 'reason_zh', 'reason_en'];
          await tx.copyFrom(
            'import_rejections',
            cols,
            copyCsv(cols, b.problems.map((p) => [jc.job.id, p.rowNo, p.field, p.value.slice(0, 500), p.reason.zh, p.reason.en])),
          );
        }
        const after: Checkpoint = {
          ...state,
          ...addCounts(state, loaded),
          rows: state.rows + b.rows,
          lastRowNo: b.lastRowNo,
          warnings: state.warnings + b.warnings,
          rejected: state.rejected + new Set(b.problems.map((p) => p.rowNo)).size,
        };
        await jc.checkpoint(tx, after as unknown as Record<string, unknown>, after.rows);
        return after;
      })
      .catch((err: unknown) => {
        env.resolver.clear();
        throw err;
      });
    Object.assign(state, next);
    stageMs.load += performance.now() - start;
    await jc.progress(state.rows, total);
  };

  // One batch is written while the next is read and validated (in a worker thread for big
  // files): the database and both cores stay busy. Batches still commit one after another, in
  // file order.
  let inFlight: Promise<void> | null = null;
  const settle = async () => {
    if (!inFlight) return;
    const start = performance.now();
    const pending = inFlight;
    inFlight = null;
    await pending;
    waitMs += performance.now() - start;
  };

  const source: RowSource = {
    kind: params.kind,
    path,
    info: params.info,
    fromRow: state.lastRowNo + 1,
    mapping: params.mapping,
    columnCount: params.columnCount,
    today: env.today,
    batchSize: BATCH,
  };
  const batches = total - state.rows >= THREAD_MIN_ROWS ? inThread<ValidatedBatch>(VALIDATE_THREAD, source) : validatedBatches(source);
  for await (const b of batches) {
    if (spec.adopt) b.records.forEach((r, i) => spec.adopt?.(r, b.prepared[i]));
    if (spec.check) await checkAgainstRegister(b, (r) => spec.check?.(ctx.db, r) ?? Promise.resolve(null));
    await settle();
    // The embedded database answers without real I/O, so batches ready in the queue would chain
    // commits as one run of microtasks: let waiting web requests in between two batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
    inFlight = commit(b);
    inFlight.catch(() => undefined); // surfaced by the next settle()
    if (jc.signal.aborted) {
      await settle();
      throw interrupted();
    }
  }
  await settle();
  stageMs.readValidate = Math.round(performance.now() - loopStart - waitMs);
  stageMs.load = Math.round(stageMs.load);
  if (bulk && state.bulkIndex) {
    await jc.progress(state.rows, state.rows, 'indexing');
    const indexStart = performance.now();
    await endBulkLoad(ctx.db, params.kind);
    stageMs.index = Math.round(performance.now() - indexStart);
  }
  await jc.progress(state.rows, state.rows);
  return { rows: state.rows, rejected: state.rejected, warnings: state.warnings, inserted: state.inserted, updated: state.updated, unchanged: state.unchanged, stageMs };
}
