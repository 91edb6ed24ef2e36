import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEmbedded } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { fillTemplate, type TemplateKind } from './templates';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded: paths of dumped data folders. PostgreSQL: names of template databases. */
    templates: Record<TemplateKind, string>;
    databaseUrl: string | null;
  }
}

/** Every new database costs a migration (and PGlite an initdb): do it once per run, clone per test file. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? null;
  const kinds: TemplateKind[] = ['empty', 'demo'];
  if (!url) {
    const dir = await mkdtemp(path.join(tmpdir(), 'xinzhi-tpl-'));
    const templates = {} as Record<TemplateKind, string>;
    for (const kind of kinds) {
      const db = await openEmbedded();
      await fillTemplate(db, kind);
      const dump = await db.pglite.dumpDataDir('gzip');
      const file = path.join(dir, `${kind}.tgz`);
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
      templates[kind] = file;
      await db.close();
    }
    project.provide('templates', templates);
    project.provide('databaseUrl', null);
    return async () => rm(dir, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const templates = {} as Record<TemplateKind, string>;
  for (const kind of kinds) {
    const name = `xz_tpl_${kind}_${suffix}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const db = await openPostgres(withDatabase(url, name));
    await fillTemplate(db, kind);
    await db.close();
    templates[kind] = name;
  }
  project.provide('templates', templates);
  project.provide('databaseUrl', url);
  return async () => {
    for (const name of Object.values(templates)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
