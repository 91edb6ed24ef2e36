import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CREDIT_EXPORT_FILES } from '../../shared/protection/credit';
import { exportKeys, verifyBundle } from '../../server/domains/protection/credit/export';
import { AppError } from '../../server/errors';
import { defineCommand, say } from '../command';

const absolute = z.string().min(1).refine(path.isAbsolute, { message: 'must be an absolute path', params: { zh: '须为绝对路径' } });

export const creditVerifyInput = z.strictObject({ dir: absolute });

/** `xinzhi credit verify`: checks a bundle's file hashes and both signatures with this platform's keys. */
export default defineCommand({
  id: 'credit-verify',
  words: ['credit', 'verify'],
  summary: say('校验信用记录导出文件包（文件哈希、HMAC 和 Ed25519 签名）', 'Verify a credit export bundle (file hashes, HMAC and Ed25519 signatures)'),
  description: say('全部相符时退出码为 0；否则列出问题，退出码为 1。', 'Exit code 0 when everything matches; otherwise lists the problems and exits 1.'),
  examples: ['xinzhi credit verify /srv/exchange/credit-2026-11'],
  args: [{ name: 'dir', key: 'dir', path: true, help: say('文件包所在文件夹', 'folder holding the bundle') }],
  schema: creditVerifyInput,
  remote: true,
  prepare: true,
  async run(ctx, input) {
    const files = new Map<string, Buffer>();
    const names = new Set<string>(Object.values(CREDIT_EXPORT_FILES));
    for (const name of names) {
      try {
        files.set(name, await readFile(path.join(input.dir, name)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    const keys = exportKeys(ctx);
    const report = verifyBundle((name) => files.get(name) ?? null, { hmacKey: keys.hmacKey, publicKey: keys.publicKey });
    if (!report.ok) {
      throw new AppError('rule', { zh: `文件包校验失败：${report.problems.join('；')}`, en: `The bundle does not verify: ${report.problems.join('; ')}` }, report);
    }
    return {
      message: say(
        `文件包完好：${report.recordCount} 条记录，${report.files} 个文件哈希相符，HMAC 与 Ed25519 签名有效（游标 ${report.cursor?.from} → ${report.cursor?.to}）`,
        `Bundle intact: ${report.recordCount} records, ${report.files} file hashes match, HMAC and Ed25519 signatures valid (cursor ${report.cursor?.from} → ${report.cursor?.to})`,
      ),
      data: report,
    };
  },
});
