import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { FIELDS, fieldLabel, findHeaderRow, matchHeaders, missingRequired } from '../../../../shared/registry/fields';
import { cellText, todayInChina } from '../../../../shared/registry/normalise';
import type { ImportKind } from '../../../../shared/registry/types';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { AppError, invalid, notFound, ruleViolated } from '../../../errors';
import { FileTooLarge } from '../../../files/store';
import { appendAudit, recordAudit } from '../../identity/audit/service';
import { enqueueJob, type JobHandler } from '../../../jobs/runner';
import type { JobRow } from '../../../jobs/queries';
import { KIND_SPECS } from './kinds';
import { runImport, type ImportParams } from './pipeline';
import { mapRow } from './rows';
import * as sql from './queries';
import { firstRows, sniff, type FileInfo, type ImportLimits } from './read';
import type { Analysis, StartBody } from './schema';

const PREVIEW_ROWS = 5;

export function limitsOf(ctx: AppContext): ImportLimits {
  return { maxBytes: ctx.config.importMaxBytes, maxUnpackedBytes: Math.max(ctx.config.importMaxBytes * 8, 512 * 1024 * 1024), maxEntries: 10_000 };
}


interface Located {
  info: FileInfo;
  headerRowNo: number;
  headers: string[];
}

/** Finds the header line (a title row may sit above it) and reads the column names. */
async function locateHeader(
  kind: ImportKind,
  path: string,
  info: FileInfo,
  profileHeaders?: readonly string[],
): Promise<Located & { rows: Awaited<ReturnType<typeof firstRows>> }> {
  const rows = await firstRows(path, info, 10 + PREVIEW_ROWS + 1);
  if (rows.length === 0) throw invalid({ zh: '文件中没有数据', en: 'The file holds no data' }, [{ field: 'file' }]);
  const top = rows.slice(0, 10).map((r) => r.cells.map(cellText));
  // A saved mapping names its own headings, which need not be known ones.
  const byProfile = profileHeaders ? top.findIndex((cells) => cells.filter((c) => profileHeaders.includes(c)).length >= Math.min(2, profileHeaders.length)) : -1;
  const index = info.format === 'json' || info.format === 'jsonl' ? 0 : byProfile >= 0 ? byProfile : findHeaderRow(kind, top);
  const header = rows[index];
  if (index < 0 || !header) {
    throw invalid(
      { zh: '前 10 行中找不到可识别的表头（如「申请号」「发明名称」「申请人」），请检查文件或所选的数据类型', en: 'No recognisable header (such as 申请号, 发明名称, 申请人) in the first 10 rows; check the file and the chosen kind of data' },
      [{ field: 'file' }],
    );
  }
  return { info, headerRowNo: header.rowNo, headers: header.cells.map(cellText), rows: rows.slice(index + 1) };
}

/** The fields a file of this kind can fill, for the mapping screen. */
export function fieldsOf(kind: ImportKind) {
  return FIELDS[kind].map((f) => ({ key: f.key, zh: f.zh, en: f.en, required: f.required }));
}

/**
 * Stores an uploaded file and works out how its columns map to the register's fields, with a
 * preview of the first rows as they would be imported. Nothing enters the register yet.
 */
export async function analyseUpload(
  ctx: AppContext,
  actor: Actor,
  input: { kind: ImportKind; fileName: string; source: Readable; profile?: string | undefined },
): Promise<Analysis> {
  const stored = await ctx.files.putStream(input.source, ctx.config.importMaxBytes).catch((err: unknown) => {
    if (err instanceof FileTooLarge) {
      throw new AppError('too_large', { zh: `文件超过 ${Math.round(err.maxBytes / 1048576)} MB 上限`, en: `The file is larger than ${Math.round(err.maxBytes / 1048576)} MB` });
    }
    throw err;
  });
  const path = ctx.files.pathOf(stored.key);
  try {
    const info = await sniff(path, limitsOf(ctx));
    const profile = input.profile ? await sql.findProfile(ctx.db, input.kind, input.profile) : undefined;
    if (input.profile && !profile) throw notFound({ zh: `没有名为「${input.profile}」的映射方案`, en: `No mapping profile named "${input.profile}"` });
    const { headerRowNo, headers, rows } = await locateHeader(input.kind, path, info, profile ? Object.keys(profile.mapping) : undefined);
    const matched = matchHeaders(input.kind, headers);
    const columns = headers.map((header, index) => {
      const fromProfile = profile?.mapping[header];
      if (profile) return { index, header, field: fromProfile ?? null, confidence: fromProfile ? ('profile' as const) : ('none' as const) };
      const m = matched[index];
      return { index, header, field: m?.field ?? null, confidence: m?.confidence ?? ('none' as const) };
    });
    const mapping = columns.map((c) => c.field);
    const spec = KIND_SPECS[input.kind];
    const today = todayInChina(ctx.clock.now().getTime());
    const preview = rows.slice(0, PREVIEW_ROWS).map((r) => {
      const raw = mapRow(r.cells, mapping);
      const v = spec.validate(raw, { today });
      return {
        rowNo: r.rowNo,
        values: Object.fromEntries(Object.entries(raw).map(([k, val]) => [k, cellText(val).slice(0, 200)])),
        problems: v.ok ? v.warnings : v.problems,
      };
    });
    await sql.saveUpload(ctx.db, { key: stored.key, kind: input.kind, fileName: input.fileName, bytes: stored.size, sha256: stored.sha256, headerRowNo, by: actor.kind === 'user' ? actor.id : null });
    return {
      uploadKey: stored.key,
      kind: input.kind,
      fileName: input.fileName,
      format: info.format,
      encoding: info.encoding,
      bytes: stored.size,
      headerRowNo,
      columns,
      fields: fieldsOf(input.kind),
      missingRequired: missingRequired(input.kind, mapping),
      preview,
      profile: profile?.name ?? null,
    };
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
}

/** Starts the import of an analysed upload with the mapping the officer confirmed. */
export async function startImport(ctx: AppContext, actor: Actor, body: StartBody): Promise<JobRow> {
  const upload = await sql.findUpload(ctx.db, body.uploadKey);
  const own = upload && (actor.kind === 'operator' || upload.uploaded_by === actor.id);
  if (!upload || !own) throw notFound({ zh: '上传的文件不存在或已过期，请重新上传', en: 'The uploaded file is gone; upload it again' });
  const kind = upload.kind as ImportKind;
  const keys = new Set(FIELDS[kind].map((f) => f.key));
  const used = body.mapping.filter((f): f is string => f !== null);
  const unknown = used.filter((f) => !keys.has(f));
  if (unknown.length) throw invalid({ zh: `未知的字段：${unknown.join('、')}`, en: `Unknown fields: ${unknown.join(', ')}` }, [{ field: 'mapping' }]);
  const twice = used.filter((f, i) => used.indexOf(f) !== i);
  if (twice.length) throw invalid({ zh: `同一字段对应了多列：${[...new Set(twice)].join('、')}`, en: `A field is mapped from several columns: ${[...new Set(twice)].join(', ')}` }, [{ field: 'mapping' }]);
  const missing = missingRequired(kind, body.mapping);
  if (missing.length) {
    const labels = missing.map((k) => fieldLabel(kind, k));
    throw ruleViolated({ zh: `缺少必填字段：${labels.join('、')}`, en: `Required fields are not mapped: ${missing.join(', ')}` }, { missing });
  }
  const path = ctx.files.pathOf(upload.file_key);
  const info = await sniff(path, limitsOf(ctx));
  const headerRowNo = upload.header_row_no;
  const headerRow = (await firstRows(path, info, 11)).find((r) => r.rowNo === headerRowNo);
  const headers = headerRow?.cells.map(cellText) ?? [];
  if (body.mapping.length > headers.length) throw invalid({ zh: '映射的列数多于文件的列数', en: 'The mapping has more columns than the file' }, [{ field: 'mapping' }]);
  const mapping = headers.map((_, i) => body.mapping[i] ?? null);
  if (body.saveProfileAs) {
    const named = Object.fromEntries(headers.flatMap((h, i) => (mapping[i] ? [[h, mapping[i] as string]] : [])));
    await sql.saveProfile(ctx.db, { kind, name: body.saveProfileAs, mapping: named, by: actor.kind === 'user' ? actor.id : null });
  }
  const params: ImportParams = { kind, fileKey: upload.file_key, fileName: upload.file_name, info, headerRowNo, mapping, columnCount: headers.length, profile: body.saveProfileAs ?? null };
  const job = await enqueueJob(ctx, actor, IMPORT_JOB, params as unknown as Record<string, unknown>);
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'registry.import_start', targetType: 'job', targetId: job.id, details: { kind, file: upload.file_name, bytes: upload.bytes, sha256: upload.sha256 } });
  return job;
}

export const IMPORT_JOB = 'registry.import';

export const importJobHandler: JobHandler = {
  kind: IMPORT_JOB,
  permission: 'registry.import',
  async run(ctx, jc) {
    const params = jc.job.params as unknown as ImportParams;
    const result = await runImport(ctx, jc, params);
    await ctx.db.tx((tx) =>
      appendAudit(tx, ctx.clock, {
        actor: { kind: jc.job.created_by ? 'user' : 'operator', id: jc.job.created_by ?? 'cli', name: jc.job.created_by_name, orgId: null, roles: [], scope: jc.job.area_scope, ip: null },
        action: 'registry.import',
        targetType: 'job',
        targetId: jc.job.id,
        details: { kind: params.kind, file: params.fileName, ...result },
      }),
    );
    return result;
  },
};

export const listProfiles = (ctx: AppContext, kind: ImportKind) => sql.listProfiles(ctx.db, kind);
export const rejectionsOf = (ctx: AppContext, jobId: string, limit: number) => sql.rejections(ctx.db, jobId, limit);
