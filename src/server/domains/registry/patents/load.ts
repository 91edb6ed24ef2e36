import type { PatentRecord } from '../../../../shared/registry/types';
import { filterToken, searchVector, vectorFilters } from '../../../../shared/search/tokenize';
import type { Tx } from '../../../db/db';
import { copyCsv, copyCsvChunks, copyLine, type CopyValue } from '../../../db/copy-csv';
import { rightArea, type HolderRef, type ResolvedHolder } from '../holders/resolver';
import { allocateIds, contentHash, type LoadCounts, type LoadEnv } from '../import/load-env';

/** Columns that depend on the record alone: their COPY text is prepared with the record (see preparePatent). */
const RECORD_COLUMNS = [
  'app_no', 'app_date', 'type', 'pct', 'pub_no', 'pub_date', 'grant_no', 'grant_date', 'title', 'abstract', 'applicants',
  'patentees', 'address', 'inventors', 'ipc_main', 'ipc', 'ipc_section', 'ipc_class', 'status', 'status_raw', 'status_date',
  'agency', 'agents', 'priority', 'family', 'claims_count', 'province_code', 'visibility', 'content_hash',
] as const;

/** Columns that need the register or the run: the id, the holders (area, search filters), the industry mapping. */
const REGISTER_COLUMNS = ['id', 'industries', 'area_code', 'area_source', 'search', 'is_demo', 'job_id'] as const;

export const PATENT_COLUMNS = [...RECORD_COLUMNS, ...REGISTER_COLUMNS] as const;

/** Updating a changed patent from its row values: `app_no = $1, …` for every column but the id, which selects the row. */
const UPDATE_SET = PATENT_COLUMNS.flatMap((c, i) => (c === 'id' ? [] : [`${c} = $${i + 1}`])).join(', ');
const ID_PARAM = PATENT_COLUMNS.indexOf('id') + 1;
const UPDATE_SQL = `UPDATE patents SET ${UPDATE_SET}, updated_at = now() WHERE id = $${ID_PARAM}`;

/** The holders of a patent: its current right holders when the source names them, else the applicants. */
export function patentHolderRefs(r: PatentRecord): HolderRef[] {
  const names = r.patentees.length > 0 ? r.patentees : r.applicants;
  return names.map((name, i) => ({
    name,
    uscc: r.patentees.length > 0 ? null : (r.applicantUsccs[i] ?? null),
    address: i === 0 ? r.address : null,
  }));
}

/** Unpublished applications are the office's own knowledge (see migration 0003). */
export const patentVisibility = (r: PatentRecord) => (r.pubNo === null && r.pubDate === null && r.grantNo === null && r.status === 'pending' ? 'internal' : 'public');

/** The values of RECORD_COLUMNS. */
const recordValues = (r: PatentRecord, hash: string): CopyValue[] => [
  r.appNo, r.appDate, r.type, r.pct, r.pubNo, r.pubDate, r.grantNo, r.grantDate, r.title, r.abstract, r.applicants,
  r.patentees, r.address, r.inventors, r.ipcMain, r.ipc, r.ipcMain?.slice(0, 1) ?? null, r.ipcMain?.slice(0, 3) ?? null, r.status, r.statusRaw, r.statusDate,
  r.agency, r.agents, r.priority, r.family, r.claimsCount, r.provinceCode, patentVisibility(r), hash,
];

const textOf = (r: PatentRecord) => searchVector([r.title, r.abstract, r.applicants.join(' '), r.patentees.join(' '), r.inventors.join(' '), r.ipc.join(' '), r.agency], []);

/**
 * The parts of a row that depend on the record alone: its fingerprint, its search tokens and the
 * COPY text of RECORD_COLUMNS. Worked out while the previous batch is written (in a worker thread
 * for big files, see import/pipeline.ts), so that a batch's transaction spends its time in the database.
 */
interface PreparedPatent {
  hash: string;
  text: string;
  recordLine: string;
}
const prepared = new WeakMap<PatentRecord, PreparedPatent>();

export function preparePatent(r: PatentRecord): PreparedPatent {
  let p = prepared.get(r);
  if (!p) {
    const hash = contentHash(r);
    p = { hash, text: textOf(r), recordLine: copyLine(recordValues(r, hash)) };
    prepared.set(r, p);
  }
  return p;
}

/** Takes what preparePatent worked out in another thread for this (copied) record. */
export function adoptPatent(r: PatentRecord, p: unknown): void {
  prepared.set(r, p as PreparedPatent);
}

/** Tokens of the text people search, plus filter tokens so that filters are answered by the same index. */
function patentSearch(r: PatentRecord, text: string, area: string | null, industries: string[], holderIds: number[]): string {
  const filters = [
    filterToken('type', r.type),
    filterToken('county', area ?? 'none'),
    filterToken('status', r.status),
    filterToken('year', r.appDate.slice(0, 4)),
    filterToken('visibility', patentVisibility(r)),
    ...(r.ipcMain ? [filterToken('section', r.ipcMain.slice(0, 1))] : []),
    ...industries.map((i) => filterToken('industry', i)),
    ...holderIds.map((h) => filterToken('holder', String(h))),
  ];
  return text ? `${text} ${vectorFilters(filters)}` : vectorFilters(filters);
}

/** The values of REGISTER_COLUMNS. */
function registerValues(id: number, r: PatentRecord, text: string, holders: ResolvedHolder[], env: Pick<LoadEnv, 'industries' | 'isDemo' | 'jobId'>): CopyValue[] {
  const { areaCode, areaSource } = rightArea(holders);
  const industries = env.industries.match(r.ipc);
  const search = patentSearch(r, text, areaCode, industries, holders.map((h) => h.id));
  return [id, industries, areaCode, areaSource, search, env.isDemo, env.jobId];
}

/** The values of one patents row in PATENT_COLUMNS order. */
export function patentRowValues(id: number, r: PatentRecord, holders: ResolvedHolder[], env: Pick<LoadEnv, 'industries' | 'isDemo' | 'jobId'>): CopyValue[] {
  const p = preparePatent(r);
  return [...recordValues(r, p.hash), ...registerValues(id, r, p.text, holders, env)];
}

/** The COPY line of one new patents row: the prepared record part and the register part. */
function patentCopyLine(id: number, r: PatentRecord, holders: ResolvedHolder[], env: LoadEnv): string {
  const p = preparePatent(r);
  return `${p.recordLine},${copyLine(registerValues(id, r, p.text, holders, env))}`;
}

/**
 * Writes a batch inside the caller's transaction: new patents by COPY, changed ones updated in
 * place, unchanged ones (same content hash) left alone; holder links and status history follow.
 */
export async function loadPatents(tx: Tx, records: PatentRecord[], env: LoadEnv): Promise<LoadCounts> {
  const latest = new Map<string, PatentRecord>();
  for (const r of records) latest.set(r.appNo, r);
  const list = [...latest.values()];
  const existing = new Map(
    (await tx.query<{ id: number; app_no: string; content_hash: string; status: string }>(
      'SELECT id, app_no, content_hash, status FROM patents WHERE app_no = ANY($1)',
      [list.map((r) => r.appNo)],
    )).map((e) => [e.app_no, e]),
  );
  const work = list
    .map((r) => ({ r, hash: preparePatent(r).hash, old: existing.get(r.appNo) }))
    .filter((w) => !w.old || w.old.content_hash !== w.hash);
  const unchanged = records.length - work.length;
  if (work.length === 0) return { inserted: 0, updated: 0, unchanged };

  const refs = work.map((w) => patentHolderRefs(w.r));
  const flat = await env.resolver.resolve(tx, refs.flat());
  let at = 0;
  const holders = refs.map((rs) => flat.slice(at, (at += rs.length)));

  const fresh = work.map((w, i) => ({ ...w, holders: holders[i] ?? [] })).filter((w) => !w.old);
  const changed = work.map((w, i) => ({ ...w, holders: holders[i] ?? [] })).filter((w) => w.old);
  const ids = await allocateIds(tx, 'patents', fresh.length);
  const links: CopyValue[][] = [];
  const history: CopyValue[][] = [];

  if (fresh.length > 0) {
    await tx.copyFrom('patents', PATENT_COLUMNS, copyCsvChunks(PATENT_COLUMNS, fresh, (w, i) => patentCopyLine(ids[i] ?? 0, w.r, w.holders, env)));
    fresh.forEach((w, i) => {
      const id = ids[i] ?? 0;
      w.holders.forEach((h, seq) => links.push([id, seq + 1, h.id]));
      history.push([id, w.r.status, w.r.statusRaw, w.r.statusDate ?? w.r.grantDate ?? w.r.pubDate ?? w.r.appDate, env.jobId]);
    });
  }
  for (const w of changed) {
    const id = w.old?.id ?? 0;
    await tx.query(
      UPDATE_SQL,
      patentRowValues(id, w.r, w.holders, env).map((v) => (Array.isArray(v) ? [...v] : v)),
    );
    await tx.query('DELETE FROM patent_holders WHERE patent_id = $1', [id]);
    w.holders.forEach((h, seq) => links.push([id, seq + 1, h.id]));
    if (w.old?.status !== w.r.status) history.push([id, w.r.status, w.r.statusRaw, w.r.statusDate ?? env.today, env.jobId]);
  }
  if (links.length) await tx.copyFrom('patent_holders', ['patent_id', 'seq', 'holder_id'], copyCsv(['patent_id', 'seq', 'holder_id'], links));
  if (history.length) {
    const cols = ['patent_id', 'status', 'status_raw', 'event_date', 'job_id'];
    await tx.copyFrom('patent_status_history', cols, copyCsv(cols, history));
  }
  return { inserted: fresh.length, updated: changed.length, unchanged };
}
