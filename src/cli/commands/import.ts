import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fieldLabel } from '../../shared/registry/fields';
import type { ImportKind } from '../../shared/registry/types';
import type { AppContext } from '../../server/context';
import { ruleViolated } from '../../server/errors';
import { JOB_HANDLERS } from '../../server/jobs/handlers';
import { JobRunner } from '../../server/jobs/runner';
import type { JobView } from '../../server/jobs/schema';
import { toJobView } from '../../server/jobs/view';
import { csvLine } from '../../server/domains/registry/export/sheet';
import { analyseUpload, rejectionsOf, startImport } from '../../server/domains/registry/import/service';
import { defineCommand, say, type CommandIo, type CommandResult } from '../command';
import { jobProgressLine } from '../remote';

const absolute = z.string().min(1).refine(path.isAbsolute, { message: 'must be an absolute path', params: { zh: '须为绝对路径' } });

export const importInput = z.strictObject({
  file: absolute,
  profile: z.string().trim().min(1).max(60).optional(),
  saveProfile: z.string().trim().min(1).max(60).optional(),
});

const KIND_WORDS: Record<ImportKind, { word: string; zh: string; en: string }> = {
  patents: { word: 'patents', zh: '专利', en: 'patents' },
  trademarks: { word: 'trademarks', zh: '商标', en: 'trademarks' },
  gis: { word: 'gis', zh: '地理标志', en: 'geographical indications' },
  gi_users: { word: 'gi-users', zh: '地理标志专用标志使用人', en: 'authorised users of GI marks' },
};

/** The end of an import in a few lines: counts, and where the error report is. */
export function summarise(job: JobView, errorsFile: string | null): CommandResult {
  const r = (job.result ?? {}) as Record<string, number>;
  if (job.status !== 'succeeded') {
    const e = job.errors as { message?: string } | null;
    throw ruleViolated(
      { zh: `导入任务 ${job.id} ${job.status === 'interrupted' ? '已中断，可用 xinzhi import resume 继续' : '失败'}：${e?.message ?? ''}`, en: `Import job ${job.id} ${job.status}: ${e?.message ?? ''}` },
      { jobId: job.id },
    );
  }
  const lines = [
    say(`导入完成（任务 ${job.id}）`, `Import finished (job ${job.id})`),
    `rows ${r.rows ?? 0}: inserted ${r.inserted ?? 0}, updated ${r.updated ?? 0}, unchanged ${r.unchanged ?? 0}, rejected ${r.rejected ?? 0}`,
  ];
  if (errorsFile) lines.push(say(`被拒绝行的原因见 ${errorsFile}`, `Reasons for rejected rows: ${errorsFile}`));
  return { message: lines.join('\n'), data: { jobId: job.id, status: job.status, ...r, errorsFile } };
}

/** Runs a queued import in this process, printing progress; writes the error report beside the file. */
export async function runHere(ctx: AppContext, jobId: string, io: CommandIo, sourceFile: string | null): Promise<CommandResult> {
  const runner = new JobRunner(ctx, JOB_HANDLERS, (job, done, total, phase) =>
    io.progress(jobProgressLine({ kind: job.kind, status: 'running', phase, progress: { done, total } })),
  );
  await runner.recover();
  const job = toJobView(await runner.runJob(jobId));
  let errorsFile: string | null = null;
  const rejected = await rejectionsOf(ctx, jobId, 100_000);
  if (rejected.length > 0 && sourceFile) {
    errorsFile = `${sourceFile}.errors.csv`;
    const kind = (job.params as { kind?: ImportKind }).kind ?? 'patents';
    const csv = [csvLine(['行号', '列', '值', '原因']), ...rejected.map((x) => csvLine([x.row_no, fieldLabel(kind, x.field), x.value, x.reason_zh]))];
    await writeFile(errorsFile, `\ufeff${csv.join('\r\n')}\r\n`);
  }
  return summarise(job, errorsFile);
}

function importCommand(kind: ImportKind) {
  const k = KIND_WORDS[kind];
  return defineCommand({
    id: `import-${k.word}`,
    words: ['import', k.word],
    summary: say(`导入${k.zh}数据（CSV、XLSX 或 JSON）`, `Import ${k.en} (CSV, XLSX or JSON)`),
    description: say(
      '按表头自动识别各列（或使用已保存的映射方案），逐行校验；通过的行写入登记簿，被拒绝的行及原因写入 <文件>.errors.csv。重复导入同一文件不会产生变化。',
      'Columns are recognised by their headers (or by a saved mapping profile) and every row is validated; valid rows enter the register, refused rows and their reasons go to <file>.errors.csv. Importing the same file again changes nothing.',
    ),
    examples: [`xinzhi import ${k.word} /data/xinyang-${k.word}-2026.xlsx`, `xinzhi import ${k.word} export.csv --profile incoPat`],
    args: [{ name: 'file', key: 'file', path: true, help: say('要导入的文件', 'file to import') }],
    options: [
      { flags: '--profile <name>', key: 'profile', help: say('使用已保存的列映射方案', 'use a saved column mapping') },
      { flags: '--save-profile <name>', key: 'saveProfile', help: say('把识别出的列映射保存为方案', 'save the recognised mapping as a profile') },
    ],
    schema: importInput,
    remote: true,
    prepare: true,
    async run(ctx, input, io) {
      const analysis = await analyseUpload(ctx, io.actor, { kind, fileName: path.basename(input.file), source: createReadStream(input.file), profile: input.profile });
      if (analysis.missingRequired.length > 0) {
        const mapped = analysis.columns.map((c) => `  ${c.header} → ${c.field ?? '(ignored)'}`).join('\n');
        throw ruleViolated(
          { zh: `缺少必填字段：${analysis.missingRequired.join('、')}。识别结果：\n${mapped}`, en: `Required fields not found: ${analysis.missingRequired.join(', ')}. Columns:\n${mapped}` },
          { missing: analysis.missingRequired },
        );
      }
      io.progress(say(`识别为 ${analysis.format}${analysis.encoding ? `（${analysis.encoding}）` : ''}，表头在第 ${analysis.headerRowNo} 行`, `Read as ${analysis.format}${analysis.encoding ? ` (${analysis.encoding})` : ''}, header on row ${analysis.headerRowNo}`));
      const job = await startImport(ctx, io.actor, { uploadKey: analysis.uploadKey, mapping: analysis.columns.map((c) => c.field), ...(input.saveProfile ? { saveProfileAs: input.saveProfile } : {}) });
      if (io.where === 'server') return { message: say(`已排队：任务 ${job.id}`, `Queued: job ${job.id}`), data: { jobId: job.id } };
      return runHere(ctx, job.id, io, input.file);
    },
    followJob: (job) => summarise(job, null),
  });
}

export const importPatents = importCommand('patents');
export const importTrademarks = importCommand('trademarks');
export const importGis = importCommand('gis');
export const importGiUsers = importCommand('gi_users');
