import type { TrademarkRecord } from '../../../../shared/registry/types';
import { filterToken, searchVector } from '../../../../shared/search/tokenize';
import type { Tx } from '../../../db/db';
import { copyCsv, type CopyValue } from '../../../db/copy-csv';
import { rightArea, type HolderRef, type ResolvedHolder } from '../holders/resolver';
import { allocateIds, contentHash, type LoadCounts, type LoadEnv } from '../import/load-env';

const COLUMNS = [
  'id', 'reg_no', 'nice_class', 'name', 'app_date', 'reg_date', 'term_start', 'term_end', 'applicants', 'address', 'mark_type',
  'status', 'status_raw', 'goods', 'agency', 'area_code', 'area_source', 'visibility', 'search', 'content_hash', 'is_demo', 'job_id',
] as const;

const UPDATE_SET = COLUMNS.slice(1)
  .map((c, i) => `${c} = $${i + 2}`)
  .join(', ');

export const trademarkKey = (r: Pick<TrademarkRecord, 'regNo' | 'niceClass'>) => `${r.regNo}/${r.niceClass}`;

export function trademarkHolderRefs(r: TrademarkRecord): HolderRef[] {
  return r.applicants.map((name, i) => ({ name, uscc: r.applicantUsccs[i] ?? null, address: i === 0 ? r.address : null }));
}

export function trademarkSearch(r: TrademarkRecord, area: string | null, visibility: string, holderIds: number[]): string {
  const year = (r.regDate ?? r.appDate)?.slice(0, 4);
  const filters = [
    filterToken('class', String(r.niceClass)),
    filterToken('county', area ?? 'none'),
    filterToken('status', r.status),
    filterToken('mark', r.markType),
    filterToken('visibility', visibility),
    ...(year ? [filterToken('year', year)] : []),
    ...holderIds.map((h) => filterToken('holder', String(h))),
  ];
  return searchVector([r.name, r.applicants.join(' '), r.goods, r.regNo], filters);
}

/** Applications not yet published in the Trademark Gazette are the office's own knowledge. */
export const trademarkVisibility = (r: TrademarkRecord) => (r.status === 'pending' && !r.regDate ? 'internal' : 'public');

function row(id: number, r: TrademarkRecord, hash: string, holders: ResolvedHolder[], env: LoadEnv): CopyValue[] {
  const { areaCode, areaSource } = rightArea(holders);
  const visibility = trademarkVisibility(r);
  return [
    id, r.regNo, r.niceClass, r.name, r.appDate, r.regDate, r.termStart, r.termEnd, r.applicants, r.address, r.markType,
    r.status, r.statusRaw, r.goods, r.agency, areaCode, areaSource, visibility, trademarkSearch(r, areaCode, visibility, holders.map((h) => h.id)), hash, env.isDemo, env.jobId,
  ];
}

/** Same approach as loadPatents: COPY the new, update the changed, keep the unchanged. */
export async function loadTrademarks(tx: Tx, records: TrademarkRecord[], env: LoadEnv): Promise<LoadCounts> {
  const latest = new Map<string, TrademarkRecord>();
  for (const r of records) latest.set(trademarkKey(r), r);
  const list = [...latest.values()];
  const existing = new Map(
    (await tx.query<{ id: number; reg_no: string; nice_class: number; content_hash: string; status: string }>(
      'SELECT t.id, t.reg_no, t.nice_class, t.content_hash, t.status FROM trademarks t JOIN unnest($1::text[], $2::int[]) AS k(reg_no, nice_class) ON k.reg_no = t.reg_no AND k.nice_class = t.nice_class',
      [list.map((r) => r.regNo), list.map((r) => r.niceClass)],
    )).map((e) => [trademarkKey({ regNo: e.reg_no, niceClass: e.nice_class }), e]),
  );
  const work = list.map((r) => ({ r, hash: contentHash(r), old: existing.get(trademarkKey(r)) })).filter((w) => !w.old || w.old.content_hash !== w.hash);
  const unchanged = records.length - work.length;
  if (work.length === 0) return { inserted: 0, updated: 0, unchanged };

  const refs = work.map((w) => trademarkHolderRefs(w.r));
  const flat = await env.resolver.resolve(tx, refs.flat());
  let at = 0;
  const all = work.map((w, i) => ({ ...w, holders: flat.slice(at, (at += refs[i]?.length ?? 0)) }));
  const fresh = all.filter((w) => !w.old);
  const changed = all.filter((w) => w.old);
  const ids = await allocateIds(tx, 'trademarks', fresh.length);
  const links: CopyValue[][] = [];
  const history: CopyValue[][] = [];
  if (fresh.length > 0) {
    await tx.copyFrom('trademarks', COLUMNS, copyCsv(COLUMNS, fresh.map((w, i) => row(ids[i] ?? 0, w.r, w.hash, w.holders, env))));
    fresh.forEach((w, i) => {
      const id = ids[i] ?? 0;
      w.holders.forEach((h, seq) => links.push([id, seq + 1, h.id]));
      history.push([id, w.r.status, w.r.statusRaw, w.r.regDate ?? w.r.appDate, env.jobId]);
    });
  }
  for (const w of changed) {
    const id = w.old?.id ?? 0;
    await tx.query(`UPDATE trademarks SET ${UPDATE_SET}, updated_at = now() WHERE id = $1`, row(id, w.r, w.hash, w.holders, env).map((v) => (Array.isArray(v) ? [...v] : v)));
    await tx.query('DELETE FROM trademark_holders WHERE trademark_id = $1', [id]);
    w.holders.forEach((h, seq) => links.push([id, seq + 1, h.id]));
    if (w.old?.status !== w.r.status) history.push([id, w.r.status, w.r.statusRaw, env.today, env.jobId]);
  }
  if (links.length) await tx.copyFrom('trademark_holders', ['trademark_id', 'seq', 'holder_id'], copyCsv(['trademark_id', 'seq', 'holder_id'], links));
  if (history.length) {
    const cols = ['trademark_id', 'status', 'status_raw', 'event_date', 'job_id'];
    await tx.copyFrom('trademark_status_history', cols, copyCsv(cols, history));
  }
  return { inserted: fresh.length, updated: changed.length, unchanged };
}
