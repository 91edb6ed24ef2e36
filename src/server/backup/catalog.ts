import { assertIdentifier, type Queryable } from '../db/db';

/**
 * What backup and restore need to know about the schema, read from the PostgreSQL catalog rather
 * than listed by hand, so a new migration's tables are backed up without touching this code.
 */

/** Bookkeeping of the migrator: the target's own migration brings it, a backup never carries it. */
const NOT_BACKED_UP = new Set(['schema_migrations']);

/** A table comment 'derived: <function>' marks a table computed from others (rollups): not backed up, rebuilt by that function. */
const DERIVED = /^derived: ([a-z_][a-z0-9_]*)$/;

async function publicTables(q: Queryable): Promise<Array<{ name: string; comment: string | null }>> {
  return q.query<{ name: string; comment: string | null }>(
    `SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
}

/** Base tables of the public schema (partitions are reached through their parent) that hold data of their own, sorted by name. */
export async function listTables(q: Queryable): Promise<string[]> {
  // Names go into COPY and DELETE statements unquoted: anything but a plain identifier is refused.
  return (await publicTables(q)).filter((t) => !DERIVED.test(t.comment ?? '')).map((t) => assertIdentifier(t.name)).filter((t) => !NOT_BACKED_UP.has(t));
}

/** Recomputes the derived tables from the restored ones, each through the function its comment names. */
export async function rebuildDerived(q: Queryable): Promise<void> {
  const functions = new Set((await publicTables(q)).flatMap((t) => DERIVED.exec(t.comment ?? '')?.[1] ?? []));
  for (const fn of functions) await q.query(`SELECT ${assertIdentifier(fn)}()`);
}

/** Stored columns in table order; generated columns are left out since COPY FROM cannot write them. */
export async function storedColumns(q: Queryable, table: string): Promise<string[]> {
  const rows = await q.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [`public.${assertIdentifier(table)}`],
  );
  return rows.map((r) => assertIdentifier(r.name));
}

export async function tableExists(q: Queryable, table: string): Promise<boolean> {
  const [row] = await q.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [`public.${assertIdentifier(table)}`]);
  return Boolean(row?.oid);
}

/**
 * Tables ordered so that every table comes after the tables its foreign keys point to (load in
 * this order, delete in reverse). Self-references are ignored: a single COPY checks them at its end.
 */
export async function foreignKeyOrder(q: Queryable, tables: readonly string[]): Promise<string[]> {
  const edges = await q.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
     FROM pg_constraint c
     JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  return topologicalOrder(tables, edges);
}

/** Kahn's algorithm with names sorted at each step, so the order is the same on every run. */
export function topologicalOrder(tables: readonly string[], edges: ReadonlyArray<{ child: string; parent: string }>): string[] {
  const wanted = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && wanted.has(child) && wanted.has(parent)) parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = [...wanted].filter((t) => !done.has(t) && [...(parents.get(t) ?? [])].every((p) => done.has(p))).sort();
    if (ready.length === 0) {
      const stuck = [...wanted].filter((t) => !done.has(t)).sort();
      throw new Error(`Foreign keys form a cycle between ${stuck.join(', ')}; restore cannot order them`);
    }
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

/** Sets every sequence owned by a column (serial or identity) past the largest value loaded. */
export async function resetSequences(q: Queryable): Promise<number> {
  const owned = await q.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
     FROM pg_class s
     JOIN pg_namespace n ON n.oid = s.relnamespace
     JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const o of owned) {
    // is_called = false on an empty table, so the first value handed out is still the start value.
    await q.query(
      `SELECT setval($1::regclass, COALESCE(m, (SELECT seqstart FROM pg_sequence WHERE seqrelid = $1::regclass)), m IS NOT NULL)
       FROM (SELECT max(${assertIdentifier(o.col)}) AS m FROM public.${assertIdentifier(o.tbl)}) x`,
      [`public.${assertIdentifier(o.seq)}`],
    );
  }
  return owned.length;
}
