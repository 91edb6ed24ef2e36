import { z } from 'zod';
import { seedDemo } from '../../server/demo/seed';
import { ruleViolated } from '../../server/errors';
import { defineCommand, say } from '../command';

export const seedDemoInput = z.strictObject({ seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional() });

export default defineCommand({
  id: 'seed-demo',
  words: ['seed', 'demo'],
  summary: say('生成演示数据（仅限没有账号的空平台）', 'Generate demo data (only into a platform without accounts)'),
  description: say('同一种子生成相同的数据；默认种子取 XINZHI_DEMO_SEED（2022）。', 'The same seed gives the same data; the default seed is XINZHI_DEMO_SEED (2022).'),
  examples: ['xinzhi seed demo', 'xinzhi seed demo --seed 7'],
  options: [{ flags: '--seed <n>', key: 'seed', help: say('随机种子', 'random seed') }],
  schema: seedDemoInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const report = await seedDemo(ctx, input.seed ?? ctx.config.demoSeed, (step) => io.progress(`seed demo: ${step}…`));
    // Asking twice is fine; asking on a platform with real accounts is refused.
    if (report.skipped === 'has_accounts') {
      throw ruleViolated({ zh: '平台已有账号，演示数据只能写入空平台', en: 'The platform already has accounts; demo data goes only into an empty one' });
    }
    const counts = Object.entries(report.counts).map(([k, v]) => `${k} ${v}`).join(', ');
    return { message: counts ? `${report.message}\n${counts}` : report.message, data: report };
  },
});
