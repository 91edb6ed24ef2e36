import path from 'node:path';
import { z } from 'zod';
import { restoreBackup } from '../../server/backup/restore';
import { defineCommand, say } from '../command';

export const restoreInput = z.strictObject({
  file: z.string().min(1).refine(path.isAbsolute, { message: 'must be an absolute path', params: { zh: '须为绝对路径' } }),
});

export default defineCommand({
  id: 'restore',
  words: ['restore'],
  summary: say('从备份文件恢复到空的数据目录或数据库', 'Restore a backup into an empty data folder or database'),
  description: say(
    '先校验每个部分的 SHA-256 和迁移版本；目标须为空；服务运行时不可执行。内嵌数据库与 PostgreSQL 的备份可互相恢复。',
    'Checks every part\'s SHA-256 and the migrations first; the target must be empty; never while the server runs. Backups of the embedded database and of PostgreSQL restore into each other.',
  ),
  examples: ['XINZHI_DATA_DIR=/srv/xinzhi-new xinzhi restore /var/backups/xinzhi-2026-03-01.tar.gz', 'DATABASE_URL=postgres://xinzhi@db/xinzhi XINZHI_SECRET=… xinzhi restore backup.tar.gz'],
  args: [{ name: 'file', key: 'file', path: true, help: say('备份文件路径', 'path of the backup file') }],
  schema: restoreInput,
  remote: false,
  prepare: false,
  async run(ctx, input, io) {
    const r = await restoreBackup(ctx, io.actor, input.file, { onProgress: io.progress });
    return {
      message: [
        say(`恢复完成：${r.file}（备份于 ${r.backupCreatedAt}）`, `Restored ${r.file} (backed up at ${r.backupCreatedAt})`),
        `${r.tables} tables, ${r.rows} rows, ${r.files} files; ${r.auditChainOk ? `audit chain verified (${r.auditEntries} entries)` : 'audit chain NOT intact (see warning)'}${r.secretRestored ? '; data folder secret restored' : ''}`,
        ...r.warnings.map((w) => `warning: ${w}`),
      ].join('\n'),
      data: r,
    };
  },
});
