import { describe, expect, it } from 'vitest';
import { createBlankDb, usingPostgres } from '../../../test/support/db';
import { assertDurable } from '../bootstrap';
import { loadMigrations, migrate, MigrationError } from './migrate';

describe('migrations', () => {
  it('apply in order once, then refuse an edited file', async () => {
    const db = await createBlankDb();
    try {
      const all = await loadMigrations();
      expect(all[0]?.name).toBe('0001_identity.sql');
      const first = await migrate(db, all);
      expect(first.applied).toEqual(all.map((m) => m.name));
      expect((await migrate(db, all)).applied).toEqual([]);
      const edited = all.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- sneaky`, checksum: 'f'.repeat(64) } : m));
      await expect(migrate(db, edited)).rejects.toThrow(MigrationError);
      await expect(migrate(db, edited)).rejects.toThrow(/0001_identity\.sql was changed after it was applied/);
      await expect(migrate(db, all.slice(0, 0))).rejects.toThrow(/newer version/);
    } finally {
      await db.close();
    }
  });

  it('roll back a failing migration completely', async () => {
    const db = await createBlankDb();
    try {
      const all = await loadMigrations();
      const broken = [...all, { version: 9999, name: '9999_broken.sql', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();', checksum: 'x' }];
      await expect(migrate(db, broken)).rejects.toThrow();
      const tables = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      expect(tables).toHaveLength(0);
      const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
      expect(versions.map((v) => v.version)).not.toContain(9999);
    } finally {
      await db.close();
    }
  });

  it.runIf(usingPostgres())('production refuses a PostgreSQL server running with fsync off', async () => {
    const db = await createBlankDb();
    try {
      const [row] = await db.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'fsync'");
      if (row?.setting === 'off') await expect(assertDurable(db)).rejects.toThrow(/fsync/);
      else await expect(assertDurable(db)).resolves.toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
