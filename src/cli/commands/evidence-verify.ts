import { z } from 'zod';
import { verifyEvidence } from '../../server/domains/protection/evidence/service';
import { AppError } from '../../server/errors';
import { defineCommand, say } from '../command';

export const evidenceVerifyInput = z.strictObject({});

export default defineCommand({
  id: 'evidence-verify',
  words: ['evidence', 'verify'],
  summary: say('校验全部存证链和附件（发现篡改、删除、文件变动）', 'Verify every evidence chain and attached file (finds edited or removed entries and changed files)'),
  description: say(
    '逐条重算每个案件存证链的哈希和链接，并重新计算每个附件的 SHA-256。全部完好时退出码为 0；否则列出问题，退出码为 1。',
    'Recomputes the hash and link of every entry of every case’s chain and the SHA-256 of every attached file. Exit code 0 when all is intact; otherwise lists the problems and exits 1.',
  ),
  examples: ['xinzhi evidence verify', 'xinzhi evidence verify --json'],
  schema: evidenceVerifyInput,
  remote: true,
  prepare: true,
  async run(ctx, _input, io) {
    const report = await verifyEvidence(ctx, (done, total, what) => io.progress(`evidence verify: ${done}/${total} ${what}…`));
    if (!report.ok) {
      const first = report.problems[0];
      throw new AppError(
        'rule',
        { zh: `存证校验失败：${report.problems.length} 处问题，第一处：${first?.message ?? ''}`, en: `Evidence verification failed: ${report.problems.length} problem(s); first: ${first?.message ?? ''}` },
        report,
      );
    }
    return {
      message: say(`存证完好：${report.chains} 条存证链、${report.entries} 条记录、${report.files} 个附件`, `Evidence intact: ${report.chains} chains, ${report.entries} entries, ${report.files} files`),
      data: report,
    };
  },
});
