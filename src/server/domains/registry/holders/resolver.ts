import { isPersonName, normaliseHolderName } from '../../../../shared/registry/normalise';
import { parseUscc } from '../../../../shared/validators';
import type { Queryable } from '../../../db/db';
import { guessArea, type AreaSource } from './resolve-area';
import * as sql from './queries';

/** A name as it stands in a record, with what the record says about it. */
export interface HolderRef {
  name: string;
  uscc: string | null;
  address: string | null;
}

export interface ResolvedHolder {
  id: number;
  areaCode: string | null;
  areaSource: AreaSource;
}

interface Keyed {
  ref: HolderRef;
  matchKey: string;
  nameKey: string;
  kind: 'org' | 'person';
  uscc: string | null;
  areaCode: string | null;
  areaSource: AreaSource;
}

/**
 * Turns the names of a batch of records into holder ids: one holder per real organisation (by
 * credit code, else by normalised name) or person (by name within an area). Known holders are
 * cached for the rest of the import; new ones are inserted in one statement per batch.
 */
export class HolderResolver {
  private readonly byKey = new Map<string, sql.HolderRow>();
  private readonly byUscc = new Map<string, sql.HolderRow>();

  constructor(private readonly isDemo = false) {}

  /** Names repeat across a register: the keying (normalising, area guessing) is done once per spelling. */
  private readonly keyedCache = new Map<string, Keyed>();

  private keyed(ref: HolderRef): Keyed {
    const cacheKey = `${ref.name}\u0000${ref.uscc ?? ''}\u0000${ref.address ?? ''}`;
    const cached = this.keyedCache.get(cacheKey);
    if (cached) return { ...cached, ref };
    if (this.keyedCache.size > 200_000) this.keyedCache.clear();
    const k = this.computeKeyed(ref);
    this.keyedCache.set(cacheKey, k);
    return k;
  }

  private computeKeyed(ref: HolderRef): Keyed {
    const nameKey = normaliseHolderName(ref.name);
    const parsed = ref.uscc ? parseUscc(ref.uscc) : null;
    const uscc = parsed?.ok ? parsed.canonical : null;
    const kind = uscc ? 'org' : isPersonName(ref.name) ? 'person' : 'org';
    const guess = guessArea(uscc, ref.address);
    const matchKey = kind === 'org' ? `o:${nameKey}` : `p:${nameKey}:${guess.areaCode ?? '?'}`;
    return { ref, matchKey, nameKey, kind, uscc, areaCode: guess.areaCode, areaSource: guess.source };
  }

  private remember(h: sql.HolderRow): void {
    this.byKey.set(h.match_key, h);
    if (h.uscc) this.byUscc.set(h.uscc, h);
  }

  private known(k: Keyed): sql.HolderRow | undefined {
    return (k.uscc ? this.byUscc.get(k.uscc) : undefined) ?? this.byKey.get(k.matchKey);
  }

  /** Resolves every ref (in order) of a batch; refs of one record should be passed together. */
  async resolve(q: Queryable, refs: HolderRef[]): Promise<ResolvedHolder[]> {
    const keyed = refs.map((r) => this.keyed(r));
    const missing = keyed.filter((k) => !this.known(k));
    if (missing.length > 0) {
      const found = await sql.findByKeys(
        q,
        [...new Set(missing.map((k) => k.matchKey))],
        [...new Set(missing.map((k) => k.uscc).filter((u): u is string => u !== null))],
      );
      for (const h of found) this.remember(h);
    }
    const toInsert = new Map<string, sql.NewHolder>();
    const usccsInserted = new Set<string>();
    for (const k of keyed) {
      if (this.known(k) || toInsert.has(k.matchKey) || (k.uscc && usccsInserted.has(k.uscc))) continue;
      if (k.uscc) usccsInserted.add(k.uscc);
      toInsert.set(k.matchKey, {
        name: k.ref.name,
        nameKey: k.nameKey,
        matchKey: k.matchKey,
        kind: k.kind,
        uscc: k.uscc,
        address: k.ref.address,
        areaCode: k.areaCode,
        areaSource: k.areaSource,
        isDemo: this.isDemo,
      });
    }
    for (const h of await sql.insertHolders(q, [...toInsert.values()])) this.remember(h);

    const out: ResolvedHolder[] = [];
    for (const k of keyed) {
      const h = this.known(k);
      if (!h) throw new Error(`holder ${k.matchKey} was neither found nor inserted`);
      // A later file may know the credit code or a usable address of a holder we could not place.
      const better = (k.uscc && !h.uscc) || ((h.area_source === 'unresolved' || h.area_source === 'outside') && (k.areaSource === 'uscc' || k.areaSource === 'address'));
      if (better) {
        await sql.improveHolder(q, h.id, { uscc: k.uscc, address: k.ref.address, areaCode: k.areaCode, areaSource: k.areaSource });
        if (k.uscc && !h.uscc) h.uscc = k.uscc;
        if (h.area_source === 'unresolved' || h.area_source === 'outside') {
          h.area_code = k.areaCode;
          h.area_source = k.areaSource;
        }
        this.remember(h);
      }
      out.push({ id: h.id, areaCode: h.area_code, areaSource: h.area_source });
    }
    return out;
  }

  /** Forget cached rows when a transaction that wrote them rolled back. */
  clear(): void {
    this.byKey.clear();
    this.byUscc.clear();
  }
}

/** The right's area: the first holder placed in Xinyang; else unresolved if any holder is; else outside. */
export function rightArea(holders: ResolvedHolder[]): { areaCode: string | null; areaSource: AreaSource } {
  const placed = holders.find((h) => h.areaCode !== null);
  if (placed) return { areaCode: placed.areaCode, areaSource: placed.areaSource };
  if (holders.some((h) => h.areaSource === 'unresolved')) return { areaCode: null, areaSource: 'unresolved' };
  return { areaCode: null, areaSource: holders.length ? 'outside' : 'unresolved' };
}
