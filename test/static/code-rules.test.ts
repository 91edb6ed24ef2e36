import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const serverFiles = files(path.join(root, 'src/server'));
const rel = (p: string) => path.relative(root, p);

describe('code rules', () => {
  // SECURITY.md IN-2: values reach SQL only as parameters. Interpolation is allowed for constant
  // fragments (UPPER_CASE names) and identifiers checked by assertIdentifier.
  it('builds no SQL from run-time values', () => {
    const offenders: string[] = [];
    const sqlTemplate = /`[^`]*\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|COPY)\b[^`]*`/g;
    for (const file of serverFiles) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(sqlTemplate)) {
        for (const expr of m[0].matchAll(/\$\{([^}]+)\}/g)) {
          const e = (expr[1] ?? '').trim();
          const constant = /^[A-Z][A-Z0-9_]*$/.test(e);
          const checked = e.includes('assertIdentifier') || (e === 'selectSql' && /db\/(pglite|postgres)\.ts$/.test(file));
          if (!constant && !checked) offenders.push(`${rel(file)}: \${${e}}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  // SECURITY.md AU-3: the audit log is retained; nothing in the code deletes from it.
  it('never deletes or prunes audit rows', () => {
    const offenders = serverFiles.filter((f) => /(DELETE FROM|TRUNCATE)\s+audit_log/i.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  // EXAMPLES.md habit 6: one config module reads the environment.
  it('reads process.env only in config.ts', () => {
    const offenders = serverFiles.filter((f) => !f.endsWith('config.ts') && /process\.env\b/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps every migration a numbered .sql file', () => {
    const names = readdirSync(path.join(root, 'db/migrations'));
    for (const n of names) expect(n).toMatch(/^\d{4}_[a-z0-9_]+\.sql$/);
  });

  // A job's progress names its phase; the page shows it in words, never as a code.
  it('gives every job phase the server reports a label in the interface', () => {
    const phases = new Set<string>();
    for (const file of serverFiles) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.progress\([^;]*?,\s*'([a-z_.]+)'\)/g)) phases.add(m[1] ?? '');
      for (const m of text.matchAll(/oneStepDailyJob\([^;]*?\['([a-z_.]+)', '([a-z_.]+)'\]/g)) phases.add(m[1] ?? '').add(m[2] ?? '');
    }
    expect(phases.size).toBeGreaterThan(0);
    const labels = readFileSync(path.join(root, 'src/web/i18n/zh.ts'), 'utf8');
    expect([...phases].filter((p) => !labels.includes(`'jobPhase.${p}':`))).toEqual([]);
  });
});
