import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { todayInChina } from '../../../../shared/registry/normalise';
import type { ImportKind, RowProblem } from '../../../../shared/registry/types';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { copyCsv } from '../../../db/copy-csv';
import { interrupted, type JobContext } from '../../../jobs/runner';
import { HolderResolver } from '../holders/resolver';
import { IndustryMatcher } from '../industries/matcher';
import { KIND_SPECS } from './kinds';
import { addCounts, type LoadCounts, type LoadEnv } from './load-env';
import { readRows, type Cell, type FileInfo } from './read';

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
  /** Where the time of this run went: counting rows, reading and validating, writing batches, building the search index. */
  stageMs?: { count: number; readValidate: number; load: number; index: number };
}

interface Checkpoint extends ImportResult {
  /** Every row up to this number is committed (stored or rejected). */
  lastRowNo: number;
  /** The search index was dropped for a bulk load and is built at the end (also after a resume). */
  bulkIndex?: boolean;
}

/** Below this many rows an import always updates the search index as it goes. */
const BULK_MIN_ROWS = 20_000;

/** Statements of the bulk-load mode, per kind (static SQL; see ensureSearchIndexes for the definitions). */
const BULK_INDEXES: Partial<Record<ImportKind, { count: string; drop: string; create: string }>> = {
  patents: {
    count: 'SELECT count(*)::int AS n FROM (SELECT 1 FROM patents LIMIT $1) AS x',
    drop: 'DROP INDEX IF EXISTS patents_search',
    create: 'CREATE INDEX IF NOT EXISTS patents_search ON patents USING gin (search)',
  },
  trademarks: {
    count: 'SELECT count(*)::int AS n FROM (SELECT 1 FROM trademarks LIMIT $1) AS x',
    drop: 'DROP INDEX IF EXISTS trademarks_search',
    create: 'CREATE INDEX IF NOT EXISTS trademarks_search ON trademarks USING gin (search)',
  },
};

/** Rebuilds search indexes a bulk import dropped before it was killed (run at start-up). */
export async function ensureSearchIndexes(q: Queryable): Promise<void> {
  for (const b of Object.values(BULK_INDEXES)) await q.query(b.create);
}

const BATCH = 2000;
const ZERO: Checkpoint = { lastRowNo: -1, rows: 0, rejected: 0, warnings: 0, inserted: 0, updated: 0, unchanged: 0 };

/** A cell as validation takes it: strings trimmed, empty cells null. */
function cellValue(c: Cell | undefined): unknown {
  if (c === undefined || c === null) return null;
  return typeof c === 'string' ? c.trim() : c;
}

/** A data row keyed by field; several columns mapped to one list field are joined with ';'. */
export function mapRow(cells: Cell[], mapping: Array<string | null>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  mapping.forEach((field, i) => {
    if (!field) return;
    const v = cellValue(cells[i]);
    if (v === null || v === '') return;
    out[field] = field in out ? `${String(out[field])};${String(v)}` : v;
  });
  return out;
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
  for await (const row of readRows(path, params.info, params.headerRowNo + 1)) {
    if (row.rowNo > params.headerRowNo) n++;
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
    // A load at least as big as the register: dropping its search index and building it once at
    // the end beats updating it row by row. Search falls back to a scan until the build is done.
    if ((present?.n ?? 0) < total) {
      await ctx.db.query(bulk.drop);
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
  interface Batch {
    records: unknown[];
    problems: Array<RowProblem & { rowNo: number }>;
    rows: number;
    lastRowNo: number;
    warnings: number;
  }
  const newBatch = (): Batch => ({ records: [], problems: [], rows: 0, lastRowNo: state.lastRowNo, warnings: 0 });
  let batch = newBatch();
  let waitMs = 0;

  /** Writes a batch with its rejections and the checkpoint in one transaction; `state` is what is committed. */
  const commit = async (b: Batch) => {
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

  // One batch is written while the next is read and validated: on PostgreSQL that keeps both
  // cores busy. Batches still commit one after another, in file order.
  let inFlight: Promise<void> | null = null;
  const settle = async () => {
    if (!inFlight) return;
    const start = performance.now();
    const pending = inFlight;
    inFlight = null;
    await pending;
    waitMs += performance.now() - start;
  };
  const flush = async () => {
    if (batch.rows === 0) return;
    const b = batch;
    batch = newBatch();
    await settle();
    inFlight = commit(b);
    inFlight.catch(() => undefined); // surfaced by the next settle()
  };

  for await (const row of readRows(path, params.info, state.lastRowNo + 1)) {
    if (row.rowNo <= state.lastRowNo) continue;
    batch.lastRowNo = row.rowNo;
    batch.rows++;
    if (row.cells.length > params.columnCount && row.cells.slice(params.columnCount).some((c) => c !== null && c !== '')) {
      batch.problems.push({
        rowNo: row.rowNo,
        field: '*',
        value: `${row.cells.length}`,
        reason: { zh: `此行有 ${row.cells.length} 列，表头只有 ${params.columnCount} 列（列数不一致）`, en: `This row has ${row.cells.length} columns, the header ${params.columnCount}` },
      });
    } else {
      const result = spec.validate(mapRow(row.cells, params.mapping), { today: env.today });
      if (!result.ok) {
        for (const p of result.problems) batch.problems.push({ ...p, rowNo: row.rowNo });
      } else {
        const problem = spec.check ? await spec.check(ctx.db, result.record) : null;
        if (problem) batch.problems.push({ ...problem, rowNo: row.rowNo });
        else {
          spec.prepare?.(result.record);
          batch.records.push(result.record);
        }
        batch.warnings += result.warnings.length;
      }
    }
    if (batch.rows >= BATCH) {
      await flush();
      if (jc.signal.aborted) {
        await settle();
        throw interrupted();
      }
    }
  }
  await flush();
  await settle();
  stageMs.readValidate = Math.round(performance.now() - loopStart - waitMs);
  stageMs.load = Math.round(stageMs.load);
  if (bulk && state.bulkIndex) {
    await jc.progress(state.rows, state.rows, 'indexing');
    const indexStart = performance.now();
    await ctx.db.query(bulk.create);
    stageMs.index = Math.round(performance.now() - indexStart);
  }
  await jc.progress(state.rows, state.rows);
  return { rows: state.rows, rejected: state.rejected, warnings: state.warnings, inserted: state.inserted, updated: state.updated, unchanged: state.unchanged, stageMs };
}
