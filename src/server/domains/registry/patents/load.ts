import type { PatentRecord } from '../../../../shared/registry/types';
import { filterToken, searchVector } from '../../../../shared/search/tokenize';
import type { Tx } from '../../../db/db';
import { copyCsv, type CopyValue } from '../../../db/copy-csv';
import { rightArea, type HolderRef, type ResolvedHolder } from '../holders/resolver';
import { allocateIds, contentHash, type LoadCounts, type LoadEnv } from '../import/load-env';

export const PATENT_COLUMNS = [
  'id', 'app_no', 'app_date', 'type', 'pct', 'pub_no', 'pub_date', 'grant_no', 'grant_date', 'title', 'abstract', 'applicants',
  'patentees', 'address', 'inventors', 'ipc_main', 'ipc', 'ipc_section', 'ipc_class', 'industries', 'status', 'status_raw',
  'status_date', 'agency', 'agents', 'priority', 'family', 'claims_count', 'province_code', 'area_code', 'area_source',
  'visibility', 'search', 'content_hash', 'is_demo', 'job_id',
] as const;

/** `app_no = $2, app_date = $3, …`: every column but the id, for updating a changed patent. */
const UPDATE_SET = PATENT_COLUMNS.slice(1)
  .map((c, i) => `${c} = $${i + 2}`)
  .join(', ');

/** The holders of a patent: its current right holders when the source names them, else the applicants. */
export function patentHolderRefs(r: PatentRecord): HolderRef[] {
  const names = r.patentees.length > 0 ? r.patentees : r.applicants;
  return names.map((name, i) => ({
    name,
    uscc: r.patentees.length > 0 ? null : (r.applicantUsccs[i] ?? null),
    address: i === 0 ? r.address : null,
  }));
}

/**
 * The parts of a row that depend on the record alone, worked out while the previous batch is being
 * written (see import/pipeline.ts), so that a batch's transaction spends its time in the database.
 */
const prepared = new WeakMap<PatentRecord, { hash: string; text: string }>();

const textOf = (r: PatentRecord) => searchVector([r.title, r.abstract, r.applicants.join(' '), r.patentees.join(' '), r.inventors.join(' '), r.ipc.join(' '), r.agency], []);

export function preparePatent(r: PatentRecord): void {
  if (!prepared.has(r)) prepared.set(r, { hash: contentHash(r), text: textOf(r) });
}

const hashOf = (r: PatentRecord) => prepared.get(r)?.hash ?? contentHash(r);

/** Tokens of the text people search, plus filter tokens so that filters are answered by the same index. */
export function patentSearch(r: PatentRecord, area: string | null, industries: string[], visibility: string, holderIds: number[]): string {
  const filters = [
    filterToken('type', r.type),
    filterToken('county', area ?? 'none'),
    filterToken('status', r.status),
    filterToken('year', r.appDate.slice(0, 4)),
    filterToken('visibility', visibility),
    ...(r.ipcMain ? [filterToken('section', r.ipcMain.slice(0, 1))] : []),
    ...industries.map((i) => filterToken('industry', i)),
    ...holderIds.map((h) => filterToken('holder', String(h))),
  ];
  const text = prepared.get(r)?.text ?? textOf(r);
  return text ? `${text} ${filters.join(' ')}` : filters.join(' ');
}

/** Unpublished applications are the office's own knowledge (see migration 0003). */
export const patentVisibility = (r: PatentRecord) => (r.pubNo === null && r.pubDate === null && r.grantNo === null && r.status === 'pending' ? 'internal' : 'public');

/** The values of one patents row in PATENT_COLUMNS order. */
export function patentRowValues(id: number, r: PatentRecord, hash: string, holders: ResolvedHolder[], env: Pick<LoadEnv, 'industries' | 'isDemo' | 'jobId'>): CopyValue[] {
  const { areaCode, areaSource } = rightArea(holders);
  const industries = env.industries.match(r.ipc);
  const visibility = patentVisibility(r);
  return [
    id, r.appNo, r.appDate, r.type, r.pct, r.pubNo, r.pubDate, r.grantNo, r.grantDate, r.title, r.abstract, r.applicants,
    r.patentees, r.address, r.inventors, r.ipcMain, r.ipc, r.ipcMain?.slice(0, 1) ?? null, r.ipcMain?.slice(0, 3) ?? null, industries,
    r.status, r.statusRaw, r.statusDate, r.agency, r.agents, r.priority, r.family, r.claimsCount, r.provinceCode, areaCode, areaSource,
    visibility, patentSearch(r, areaCode, industries, visibility, holders.map((h) => h.id)), hash, env.isDemo, env.jobId,
  ];
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
    .map((r) => ({ r, hash: hashOf(r), old: existing.get(r.appNo) }))
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
    await tx.copyFrom('patents', PATENT_COLUMNS, copyCsv(PATENT_COLUMNS, fresh.map((w, i) => patentRowValues(ids[i] ?? 0, w.r, w.hash, w.holders, env))));
    fresh.forEach((w, i) => {
      const id = ids[i] ?? 0;
      w.holders.forEach((h, seq) => links.push([id, seq + 1, h.id]));
      history.push([id, w.r.status, w.r.statusRaw, w.r.statusDate ?? w.r.grantDate ?? w.r.pubDate ?? w.r.appDate, env.jobId]);
    });
  }
  for (const w of changed) {
    const id = w.old?.id ?? 0;
    const values = patentRowValues(id, w.r, w.hash, w.holders, env);
    await tx.query(
      `UPDATE patents SET ${UPDATE_SET}, updated_at = now() WHERE id = $1`,
      values.map((v) => (Array.isArray(v) ? [...v] : v)),
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
