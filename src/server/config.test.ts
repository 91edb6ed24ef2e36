import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('defaults to the embedded database on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('embedded');
    expect(c.dataDir).toMatch(/\.xinzhi$/);
    expect(c.demo).toBeUndefined();
  });

  it('names the variable of every bad value', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(attempt({ PORT: 'eighty' })).toMatch(/PORT="eighty"/);
    expect(attempt({ DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL/);
    expect(attempt({ DATABASE_URL: 'postgres://u@h/db' })).toMatch(/XINZHI_SECRET/);
    expect(attempt({ XINZHI_SECRET: 'short' })).toMatch(/XINZHI_SECRET/);
    expect(attempt({ XINZHI_FILES: 's3://bucket/x' })).toMatch(/XINZHI_FILES/);
    expect(attempt({ XINZHI_DEMO: 'maybe' })).toMatch(/XINZHI_DEMO/);
    expect(attempt({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL/);
  });

  it('turns PostgreSQL on with DATABASE_URL and a secret', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@localhost:5432/xinzhi', XINZHI_SECRET: 'x'.repeat(40), XINZHI_DEMO: '1' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@localhost:5432/xinzhi' });
    expect(c.demo).toBe(true);
  });
});
