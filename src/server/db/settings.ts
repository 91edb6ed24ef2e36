import type { Queryable } from './db';

/** Small platform-wide settings (security policy, demo state) kept as JSON in one table. */

export async function readSetting<T>(q: Queryable, key: string): Promise<T | undefined> {
  const [row] = await q.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key]);
  return row?.value;
}

export async function writeSetting(q: Queryable, key: string, value: unknown): Promise<void> {
  await q.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}
