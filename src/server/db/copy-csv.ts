/**
 * Building COPY … FROM (FORMAT csv) input in memory: the fastest way to load many rows on both
 * PGlite and PostgreSQL. NULL is an unquoted empty field; an empty string is quoted, so it stays an
 * empty string.
 */
export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[];

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A PostgreSQL array literal of text, e.g. {"a","b \"c\""}. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

const NEEDS_QUOTES = /[",\r\n\\]/;

function field(v: CopyValue): string {
  if (v === null || v === undefined) return '';
  // Quoting only where needed keeps the long search vectors as they are (no copy, no scan twice).
  if (typeof v === 'string') return v === '' || NEEDS_QUOTES.test(v) || v.trim() !== v ? quote(v) : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return quote(v.toISOString());
  return quote(arrayLiteral(v));
}

/** One row's fields as a COPY CSV line (without the line break). */
export const copyLine = (values: readonly CopyValue[]): string => values.map(field).join(',');

/**
 * COPY input made lazily, `per` lines at a time: given to Queryable.copyFrom, PostgreSQL parses a
 * chunk while the next is being built.
 */
export function* copyCsvChunks<T>(columns: readonly string[], items: readonly T[], line: (item: T, index: number) => string, per = 200): Generator<Buffer> {
  yield Buffer.from(`${columns.join(',')}\n`, 'utf8');
  for (let at = 0; at < items.length; at += per) {
    const lines: string[] = [];
    for (let i = at; i < Math.min(items.length, at + per); i++) lines.push(line(items[i] as T, i));
    yield Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  }
}

/** CSV with a header line, ready for Queryable.copyFrom. */
export function copyCsv(columns: readonly string[], rows: ReadonlyArray<readonly CopyValue[]>): Buffer {
  return Buffer.from(`${columns.join(',')}\n${rows.map(copyLine).join('\n')}\n`, 'utf8');
}
