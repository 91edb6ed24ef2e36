import { defineConfig } from 'vitest/config';

const reportFile = process.env.XINZHI_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser journeys poll the page; a loaded CI machine draws slowly.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    reporters: reportFile ? ['default', ['json', { outputFile: reportFile }]] : ['default'],
  },
});
