import { z } from 'zod';
import { verifyChain } from '../../server/domains/identity/audit/service';
import { AppError } from '../../server/errors';
import { defineCommand, say } from '../command';

export const auditVerifyInput = z.strictObject({});

export default defineCommand({
  id: 'audit-verify',
  words: ['audit', 'verify'],
  summary: say('校验审计日志的哈希链（发现篡改、删除）', 'Verify the audit log\'s hash chain (finds edited or removed entries)'),
  description: say('链完整时退出码为 0；否则打印第一条损坏记录的编号和原因，退出码为 1。', 'Exit code 0 when intact; otherwise prints the first broken entry\'s id and reason and exits 1.'),
  examples: ['xinzhi audit verify', 'xinzhi audit verify --json'],
  schema: auditVerifyInput,
  remote: true,
  prepare: true,
  async run(ctx, _input, io) {
    const report = await verifyChain(ctx.db, (checked, total) => io.progress(`audit verify: ${checked}/${total} entries…`));
    if (!report.ok && report.firstBroken) {
      const b = report.firstBroken;
      throw new AppError('rule', { zh: `审计链校验失败：第一条损坏的记录是第 ${b.id} 条（${b.reason}）`, en: `The audit chain is broken; first broken entry: ${b.id} (${b.reason}): ${b.message}` }, report);
    }
    return { message: say(`审计链完整：已校验 ${report.checked} 条记录`, `Audit chain intact: ${report.checked} entries checked`), data: report };
  },
});
