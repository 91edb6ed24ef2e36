import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../src/server/db/db';
import { openEmbedded } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { withDatabase } from './global-setup';
import type { TemplateKind } from './templates';

/**
 * A fresh database for one test file, cloned from a template: embedded by default, PostgreSQL when
 * TEST_DATABASE_URL is set. close() also drops the PostgreSQL copy.
 */
export async function createTestDb(kind: TemplateKind = 'demo'): Promise<Db> {
  const templates = inject('templates');
  const url = inject('databaseUrl');
  if (!url) {
    const data = await readFile(templates[kind]);
    return openEmbedded({ loadDataDir: new Blob([new Uint8Array(data)]) });
  }
  const name = `xz_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${templates[kind]}`);
  const db = await openPostgres(withDatabase(url, name), { max: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** An empty database, never migrated (for migration and restore tests). */
export async function createBlankDb(): Promise<Db> {
  const url = inject('databaseUrl');
  if (!url) return openEmbedded();
  const name = `xz_b_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const db = await openPostgres(withDatabase(url, name), { max: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export const usingPostgres = () => inject('databaseUrl') !== null;
