import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { exportBundle } from '../../server/domains/protection/credit/service';
import { AppError } from '../../server/errors';
import { defineCommand, say } from '../command';

const absolute = z.string().min(1).refine(path.isAbsolute, { message: 'must be an absolute path', params: { zh: '须为绝对路径' } });

export const creditExportInput = z.strictObject({
  out: absolute,
  since: z.string().regex(/^\d{1,15}$/, '游标是整数（上一次导出的 manifest.cursor.to） / a cursor is a whole number (manifest.cursor.to of the last bundle)').optional(),
});

/** `xinzhi credit export`: the signed bundle for the public credit platform, written as files into a folder. */
export default defineCommand({
  id: 'credit-export',
  words: ['credit', 'export'],
  summary: say('导出知识产权信用记录（签名文件包，报送市公共信用信息平台）', 'Export IP credit records as a signed bundle for the public credit platform'),
  description: say(
    '写出 records.json、records.csv、manifest.json（各文件大小和 SHA-256）、manifest.sig（HMAC-SHA256）和 manifest.ed25519.sig（Ed25519）。给出 --since 时只含该游标之后有变化的记录。格式见 docs/credit-export.md。',
    'Writes records.json, records.csv, manifest.json (each file’s size and SHA-256), manifest.sig (HMAC-SHA256) and manifest.ed25519.sig (Ed25519). With --since, only records changed after that cursor. Format: docs/credit-export.md.',
  ),
  examples: ['xinzhi credit export --out /srv/exchange/credit-2026-11', 'xinzhi credit export --out ./next --since 42'],
  options: [
    { flags: '--out <dir>', key: 'out', path: true, help: say('写入的文件夹（不存在则创建；已有同名文件时拒绝）', 'folder to write into (created if missing; refused if it already holds bundle files)') },
    { flags: '--since <cursor>', key: 'since', help: say('上一次导出的 manifest.cursor.to', 'manifest.cursor.to of the last bundle') },
  ],
  schema: creditExportInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const bundle = await exportBundle(ctx, io.actor, input.since);
    await mkdir(input.out, { recursive: true });
    for (const f of bundle.files) {
      try {
        await writeFile(path.join(input.out, f.name), f.data, { flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new AppError('conflict', { zh: `${path.join(input.out, f.name)} 已存在，请换一个空文件夹`, en: `${path.join(input.out, f.name)} already exists; use an empty folder` });
        }
        throw err;
      }
      io.progress(`credit export: ${f.name} ${f.data.length} bytes`);
    }
    const m = bundle.manifest;
    return {
      message: say(
        `已导出 ${m.recordCount} 条信用记录到 ${input.out}（游标 ${m.cursor.from} → ${m.cursor.to}；下次用 --since ${m.cursor.to}）`,
        `Exported ${m.recordCount} credit records to ${input.out} (cursor ${m.cursor.from} → ${m.cursor.to}; next time --since ${m.cursor.to})`,
      ),
      data: { out: input.out, manifest: m },
    };
  },
});
