import { z } from 'zod';
import { seedDemo } from '../../server/demo/seed';
import { ruleViolated } from '../../server/errors';
import { defineCommand, say } from '../command';

const size = z.coerce.number().int().min(0).max(5_000_000).optional();
export const seedDemoInput = z.strictObject({ seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).optional(), patents: size, trademarks: size });

export default defineCommand({
  id: 'seed-demo',
  words: ['seed', 'demo'],
  summary: say('生成演示数据（仅限没有账号的空平台）', 'Generate demo data (only into a platform without accounts)'),
  description: say('同一种子生成相同的数据；默认种子取 XINZHI_DEMO_SEED（2022）。', 'The same seed gives the same data; the default seed is XINZHI_DEMO_SEED (2022).'),
  examples: ['xinzhi seed demo', 'xinzhi seed demo --seed 7', 'xinzhi seed demo --patents 1000000 --trademarks 200000 --seed 7'],
  options: [
    { flags: '--seed <n>', key: 'seed', help: say('随机种子', 'random seed') },
    { flags: '--patents <n>', key: 'patents', help: say('合成专利条数（默认 XINZHI_DEMO_PATENTS，20000）', 'synthetic patents (default XINZHI_DEMO_PATENTS, 20000)') },
    { flags: '--trademarks <n>', key: 'trademarks', help: say('合成商标条数（默认 XINZHI_DEMO_TRADEMARKS，10000）', 'synthetic trademarks (default XINZHI_DEMO_TRADEMARKS, 10000)') },
  ],
  schema: seedDemoInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const size = { patents: input.patents ?? ctx.config.demoPatents, trademarks: input.trademarks ?? ctx.config.demoTrademarks };
    const report = await seedDemo(ctx, input.seed ?? ctx.config.demoSeed, (step) => io.progress(`seed demo: ${step}`), size);
    // Asking twice is fine; asking on a platform with real accounts is refused.
    if (report.skipped === 'has_accounts') {
      throw ruleViolated({ zh: '平台已有账号，演示数据只能写入空平台', en: 'The platform already has accounts; demo data goes only into an empty one' });
    }
    const counts = Object.entries(report.counts).map(([k, v]) => `${k} ${v}`).join(', ');
    return { message: counts ? `${report.message}\n${counts}` : report.message, data: report };
  },
});
