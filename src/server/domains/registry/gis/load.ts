import type { GiRecord, GiUserRecord } from '../../../../shared/registry/types';
import { filterToken, searchVector } from '../../../../shared/search/tokenize';
import { resolveRegionFromAddress } from '../../../../shared/validators';
import type { Tx } from '../../../db/db';
import { contentHash, type LoadCounts, type LoadEnv } from '../import/load-env';

export function giSearch(r: GiRecord, area: string | null): string {
  return searchVector([r.name, r.holder, r.areaText, r.productCategory, r.regNo], [filterToken('gikind', r.kind), filterToken('county', area ?? 'none')]);
}

/** GIs are few (a city has a handful): upserted one by one on (name, kind). */
export async function loadGis(tx: Tx, records: GiRecord[], env: LoadEnv): Promise<LoadCounts> {
  const counts: LoadCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const r of records) {
    const hash = contentHash(r);
    const [old] = await tx.query<{ id: number; content_hash: string }>('SELECT id, content_hash FROM gis WHERE name = $1 AND kind = $2', [r.name, r.kind]);
    if (old?.content_hash === hash) {
      counts.unchanged++;
      continue;
    }
    const [holder] = r.holder ? await env.resolver.resolve(tx, [{ name: r.holder, uscc: r.holderUscc, address: null }]) : [];
    const area = (r.areaText ? resolveRegionFromAddress(r.areaText)?.code : null) ?? holder?.areaCode ?? null;
    const values = [r.name, r.kind, r.regNo, r.niceClass, holder?.id ?? null, area, r.areaText, r.approvedOn, r.authority, r.standard, r.productCategory, giSearch(r, area), hash, env.isDemo, env.jobId];
    if (old) {
      await tx.query(
        `UPDATE gis SET name = $1, kind = $2, reg_no = $3, nice_class = $4, holder_id = $5, area_code = $6, area_text = $7, approved_on = $8,
           authority = $9, standard = $10, product_category = $11, search = $12, content_hash = $13, is_demo = $14, job_id = $15, updated_at = now() WHERE id = $16`,
        [...values, old.id],
      );
      counts.updated++;
    } else {
      await tx.query(
        `INSERT INTO gis (name, kind, reg_no, nice_class, holder_id, area_code, area_text, approved_on, authority, standard, product_category, search, content_hash, is_demo, job_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        values,
      );
      counts.inserted++;
    }
  }
  return counts;
}

/** Authorised users of a GI mark; the GI must already be in the register. */
export async function loadGiUsers(tx: Tx, records: GiUserRecord[], env: LoadEnv): Promise<LoadCounts & { missingGi: string[] }> {
  const counts = { inserted: 0, updated: 0, unchanged: 0, missingGi: [] as string[] };
  for (const r of records) {
    const [gi] = await tx.query<{ id: number }>("SELECT id FROM gis WHERE name = $1 ORDER BY kind = 'product' DESC LIMIT 1", [r.giName]);
    if (!gi) {
      counts.missingGi.push(r.giName);
      continue;
    }
    const [holder] = await env.resolver.resolve(tx, [{ name: r.firmName, uscc: r.uscc, address: r.address }]);
    if (!holder) continue;
    const hash = contentHash(r);
    const [old] = await tx.query<{ id: number; content_hash: string }>('SELECT id, content_hash FROM gi_users WHERE gi_id = $1 AND holder_id = $2', [gi.id, holder.id]);
    if (old?.content_hash === hash) {
      counts.unchanged++;
      continue;
    }
    const values = [gi.id, holder.id, r.announcementNo, r.announcedOn, r.status, hash, env.isDemo, env.jobId];
    if (old) {
      await tx.query(
        'UPDATE gi_users SET gi_id = $1, holder_id = $2, announcement_no = $3, announced_on = $4, status = $5, content_hash = $6, is_demo = $7, job_id = $8, updated_at = now() WHERE id = $9',
        [...values, old.id],
      );
      counts.updated++;
    } else {
      await tx.query(
        'INSERT INTO gi_users (gi_id, holder_id, announcement_no, announced_on, status, content_hash, is_demo, job_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        values,
      );
      counts.inserted++;
    }
  }
  return counts;
}
