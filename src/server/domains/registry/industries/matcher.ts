import type { Queryable } from '../../../db/db';

/**
 * IPC → strategic-emerging-industry codes by prefix (an IPC code may belong to several
 * industries). Loaded once per import from the industry_map table.
 */
export class IndustryMatcher {
  private readonly prefixes: Array<{ prefix: string; code: string }>;

  constructor(rows: ReadonlyArray<{ industry_code: string; ipc_prefix: string }>) {
    this.prefixes = rows.map((r) => ({ prefix: compact(r.ipc_prefix), code: r.industry_code })).sort((a, b) => b.prefix.length - a.prefix.length);
  }

  match(ipc: readonly string[]): string[] {
    const found = new Set<string>();
    for (const code of ipc) {
      const c = compact(code);
      for (const p of this.prefixes) if (matchesPrefix(c, p.prefix)) found.add(p.code);
    }
    return [...found].sort();
  }

  static async load(q: Queryable): Promise<IndustryMatcher> {
    return new IndustryMatcher(await q.query<{ industry_code: string; ipc_prefix: string }>('SELECT industry_code, ipc_prefix FROM industry_map'));
  }
}

/** A prefix ending in a digit matches a whole group number only: 'C04B1' is not a prefix of 'C04B14/18'. */
function matchesPrefix(code: string, prefix: string): boolean {
  if (!code.startsWith(prefix)) return false;
  const next = code[prefix.length];
  return next === undefined || !/\d/.test(prefix.at(-1) ?? '') || !/\d/.test(next);
}

/** 'A61K 9/70' and 'A61K9/70' compare alike. */
const compact = (code: string) => code.replace(/\s+/g, '').toUpperCase();
