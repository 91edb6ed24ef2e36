import { loadConfig, type Config } from '../../src/server/config';
import { buildContext, prepareDatabase } from '../../src/server/bootstrap';
import type { Db } from '../../src/server/db/db';
import { seedDemo } from '../../src/server/demo/seed';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

/** Configuration for tests: generous rate limits unless a test asks otherwise. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ XINZHI_SECRET: TEST_SECRET, XINZHI_LOGIN_RATE_LIMIT: '10000', XINZHI_PUBLIC_RATE_LIMIT: '10000', XINZHI_CHALLENGE_BITS: '8', XINZHI_DATA_DIR: '/nonexistent-test-dir', XINZHI_DEMO_PATENTS: '800', XINZHI_DEMO_TRADEMARKS: '300', ...env });
}

export type TemplateKind = 'empty' | 'demo';

/** Brings a new database to a template state: migrated with reference data, and demo data for 'demo'. */
export async function fillTemplate(db: Db, kind: TemplateKind): Promise<void> {
  const config = testConfig();
  await prepareDatabase(db, { ...config, demo: false }, { seed: false, secret: TEST_SECRET });
  if (kind === 'demo') {
    const ctx = buildContext(config, db, { demo: true, secret: TEST_SECRET });
    await seedDemo(ctx, config.demoSeed);
  }
}
