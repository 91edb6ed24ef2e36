import path from 'node:path';
import { z } from 'zod';
import { createBackup } from '../../server/backup/backup';
import { defineCommand, say } from '../command';

export const backupInput = z.strictObject({
  file: z.string().min(1).refine(path.isAbsolute, { message: 'must be an absolute path', params: { zh: '须为绝对路径' } }),
  force: z.boolean().optional(),
});

export default defineCommand({
  id: 'backup',
  words: ['backup'],
  summary: say('备份全部数据和文件到一个 .tar.gz 文件', 'Back up every table and stored file into one .tar.gz file'),
  description: say(
    '备份文件含密码散列、个人信息，内嵌数据库未设 XINZHI_SECRET 时还含数据目录的 secret：须与数据目录同等保管。服务运行时由服务代为执行。',
    'The file holds password hashes, personal data and, for an embedded database without XINZHI_SECRET, the data folder\'s secret: keep it as safe as the data folder. While the server runs, the server writes it.',
  ),
  examples: ['xinzhi backup /var/backups/xinzhi-$(date +%F).tar.gz', 'xinzhi backup nightly.tar.gz --force'],
  args: [{ name: 'file', key: 'file', path: true, help: say('备份文件路径', 'path of the backup file') }],
  options: [{ flags: '--force', key: 'force', help: say('覆盖已有文件', 'overwrite an existing file') }],
  schema: backupInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const r = await createBackup(ctx, io.actor, input.file, { force: input.force ?? false, onProgress: io.progress });
    return {
      message: [
        say(`备份完成：${r.file}`, `Backup written: ${r.file}`),
        `${r.tables} tables, ${r.rows} rows, ${r.files} files, ${r.bytes} bytes, SHA-256 ${r.sha256}`,
        ...(r.secretIncluded ? [say('含数据目录的 secret（解密双因素密钥），请妥善保管', 'Includes the data folder\'s secret (decrypts two-factor seeds): store it safely')] : []),
      ].join('\n'),
      data: r,
    };
  },
});
