import type { Queryable } from '../../../db/db';

/**
 * IPC → strategic-emerging-industry codes by prefix (an IPC code may belong to several
 * industries). Loaded once per import from the industry_map table.
 */
export class IndustryMatcher {
  /** Prefixes by their IPC class (first three characters); shorter prefixes apart. */
  private readonly byClass = new Map<string, Array<{ prefix: string; code: string }>>();
  private readonly short: Array<{ prefix: string; code: string }> = [];

  constructor(rows: ReadonlyArray<{ industry_code: string; ipc_prefix: string }>) {
    for (const r of rows) {
      const entry = { prefix: compact(r.ipc_prefix), code: r.industry_code };
      if (entry.prefix.length < 3) this.short.push(entry);
      else {
        const list = this.byClass.get(entry.prefix.slice(0, 3)) ?? [];
        list.push(entry);
        this.byClass.set(entry.prefix.slice(0, 3), list);
      }
    }
  }

  match(ipc: readonly string[]): string[] {
    const found = new Set<string>();
    for (const code of ipc) {
      const c = compact(code);
      for (const p of this.short) if (matchesPrefix(c, p.prefix)) found.add(p.code);
      for (const p of this.byClass.get(c.slice(0, 3)) ?? []) if (matchesPrefix(c, p.prefix)) found.add(p.code);
    }
    return found.size === 0 ? [] : [...found].sort();
  }

  static async load(q: Queryable): Promise<IndustryMatcher> {
    return new IndustryMatcher(await q.query<{ industry_code: string; ipc_prefix: string }>('SELECT industry_code, ipc_prefix FROM industry_map'));
  }
}

/** A prefix ending in a digit matches a whole group number only: 'C04B1' is not a prefix of 'C04B14/18'. */
function matchesPrefix(code: string, prefix: string): boolean {
  if (!code.startsWith(prefix)) return false;
  const next = code[prefix.length];
  return next === undefined || !isDigit(prefix.charCodeAt(prefix.length - 1)) || !isDigit(next.charCodeAt(0));
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** 'A61K 9/70' and 'A61K9/70' compare alike. */
const compact = (code: string) => code.replace(/\s+/g, '').toUpperCase();
