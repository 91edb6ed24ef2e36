import type { Readable } from 'node:stream';
import { loadExcelJS } from '../../../heavy-libraries';
import { CASE_LABELS, ORG_NAME, PARTY_ROLE_WORDS, caseKey } from '../../../../shared/protection/cases';
import { cellText, isoDateUtc } from '../../../../shared/registry/cell';
import { parseDate } from '../../../../shared/registry/dates';
import { AREAS, computeUsccCheck, toHalfWidth } from '../../../../shared/validators';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { AppError, invalid } from '../../../errors';
import { FileTooLarge } from '../../../files/store';
import { readRows, sniff } from '../../registry/import/read';
import { limitsOf } from '../../registry/import/service';
import * as sql from './queries';
import * as schema from './schema';
import { sourceOf, storeCase } from './service';

/**
 * Importing cases from a spreadsheet (CSV or XLSX) in the template's layout. Every row is checked
 * first; one bad row stores nothing, and the answer names each bad row and field.
 */
export const IMPORT_MAX_ROWS = 5000;

interface Column {
  field: keyof schema.CaseBody;
  header: string;
  aliases: string[];
  required: boolean;
  note: string;
}

const labelsOf = (m: Record<string, { zh: string }>) => Object.values(m).map((l) => l.zh).join('、');

export const COLUMNS: readonly Column[] = [
  { field: 'caseNo', header: '案号', aliases: ['立案编号', '文书号', 'case_no'], required: true, note: '如（2026）豫15民初123号、信公（经）立字〔2026〕12号' },
  { field: 'unit', header: '承办单位', aliases: ['承办法院', '办案单位', 'unit'], required: false, note: '空则为本单位' },
  { field: 'rightType', header: '权利类型', aliases: ['right_type'], required: true, note: labelsOf(CASE_LABELS.rightType) },
  { field: 'procedure', header: '案件类型', aliases: ['procedure'], required: true, note: labelsOf(CASE_LABELS.procedure) },
  { field: 'cause', header: '案由', aliases: ['罪名', 'cause'], required: true, note: '如 侵害商标权纠纷、假冒注册商标罪' },
  { field: 'parties', header: '当事人', aliases: ['parties'], required: true, note: '角色:名称(统一社会信用代码)，多个以分号分隔，如 原告:信阳某茶业有限公司;被告:张三' },
  { field: 'rights', header: '涉及权利', aliases: ['rights'], required: false, note: '专利申请号或商标注册号，多个以分号分隔，如 CN202310123456.7;第12345678号' },
  { field: 'areaCode', header: '管辖县区', aliases: ['县区', 'area'], required: true, note: '县区名称，如 固始县；全市性案件填 信阳市' },
  { field: 'filedOn', header: '立案日期', aliases: ['filed_on'], required: true, note: 'YYYY-MM-DD' },
  { field: 'closedOn', header: '结案日期', aliases: ['closed_on'], required: false, note: 'YYYY-MM-DD；阶段为结案时必填' },
  { field: 'stage', header: '阶段', aliases: ['stage'], required: true, note: labelsOf(CASE_LABELS.stage) },
  { field: 'result', header: '结果', aliases: ['裁判结果', 'result'], required: false, note: '判决、裁定或处理结果摘要' },
  { field: 'amount', header: '金额（元）', aliases: ['金额', '金额(元)', 'amount'], required: false, note: '判赔、罚没或涉案金额' },
];

const norm = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();

function byLabel<T extends string>(labels: Record<T, { zh: string; en: string }>, text: string): T | string {
  const t = norm(text);
  for (const [value, l] of Object.entries(labels) as Array<[T, { zh: string; en: string }]>) {
    if (norm(l.zh) === t || norm(l.en) === t || value === t || l.zh.split('/').some((w) => norm(w) === t)) return value;
  }
  return text;
}

function areaOf(text: string): string {
  const t = norm(text);
  const a = AREAS.find((x) => x.code === t || norm(x.name) === t || norm(x.name).replace(/(县|区|市)$/, '') === t);
  return a?.code ?? text;
}

function partiesOf(text: string) {
  return text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^([^:：]{1,6})[:：](.+)$/.exec(s);
      const role = m ? (PARTY_ROLE_WORDS[m[1]?.trim() ?? ''] ?? m[1]) : 'party';
      let name = (m ? m[2] : s)?.trim() ?? '';
      let uscc: string | undefined;
      const u = /^(.+?)[(（]([0-9A-Za-z]{18})[)）]$/.exec(name);
      if (u) {
        name = u[1]?.trim() ?? name;
        uscc = u[2];
      }
      return { role, kind: uscc || ORG_NAME.test(name) ? 'org' : 'person', name, ...(uscc ? { uscc } : {}) };
    });
}

function rightsOf(text: string) {
  return text
    .split(/[;；,，\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/^(CN|ZL)|\./i.test(s) || s.replace(/\D/g, '').length >= 12 ? { type: 'patent', number: s } : { type: 'trademark', number: s }));
}

function dateOf(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  const d = parseDate(value, { allowFuture: true });
  return d.ok ? d.date : cellText(value);
}

/** A spreadsheet row as the form's body, for the same checks the form gets. */
function bodyOf(cells: Record<string, unknown>): Record<string, unknown> {
  const text = (f: string) => {
    const v = cells[f];
    if (v instanceof Date) return isoDateUtc(v);
    const s = cellText(v).trim();
    return s === '' ? undefined : s;
  };
  const amount = text('amount');
  return {
    caseNo: text('caseNo'),
    unit: text('unit'),
    rightType: byLabel(CASE_LABELS.rightType, text('rightType') ?? ''),
    procedure: byLabel(CASE_LABELS.procedure, text('procedure') ?? ''),
    cause: text('cause'),
    parties: partiesOf(text('parties') ?? ''),
    rights: rightsOf(text('rights') ?? ''),
    areaCode: areaOf(text('areaCode') ?? ''),
    filedOn: dateOf(cells.filedOn),
    closedOn: dateOf(cells.closedOn),
    stage: byLabel(CASE_LABELS.stage, text('stage') ?? ''),
    result: text('result'),
    amount: amount === undefined ? undefined : Number(amount.replace(/[,，元¥￥\s]/g, '')),
  };
}

interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/** Reads, checks and stores a file of cases; nothing is stored unless every row is right. */
export async function importCases(ctx: AppContext, actor: Actor, upload: { source: Readable; fileName: string }): Promise<{ rows: number; created: number; updated: number; sameNumberElsewhere: string[] }> {
  const who = await sourceOf(ctx.db, actor);
  let stored;
  try {
    stored = await ctx.files.putStream(upload.source, ctx.config.importMaxBytes);
  } catch (err) {
    if (err instanceof FileTooLarge) throw new AppError('too_large', { zh: '文件过大', en: 'The file is too large' });
    throw err;
  }
  try {
    const path = ctx.files.pathOf(stored.key);
    const info = await sniff(path, limitsOf(ctx));
    if (info.format !== 'csv' && info.format !== 'xlsx') {
      throw new AppError('unsupported_media', { zh: '请上传 CSV 或 XLSX 文件（可先下载模板）', en: 'Upload a CSV or XLSX file (the template shows the layout)' });
    }
    let mapping: Array<keyof schema.CaseBody | null> | null = null;
    const bodies: Array<{ rowNo: number; body: schema.CaseBody }> = [];
    const problems: RowProblem[] = [];
    const seen = new Map<string, number>();
    let rows = 0;
    for await (const row of readRows(path, info)) {
      if (!mapping) {
        mapping = row.cells.map((c) => {
          const h = norm(cellText(c));
          return COLUMNS.find((col) => norm(col.header) === h || col.aliases.some((a) => norm(a) === h))?.field ?? null;
        });
        const missing = COLUMNS.filter((c) => c.required && !mapping?.includes(c.field)).map((c) => c.header);
        if (missing.length > 0) {
          throw invalid({ zh: `表头缺少必填列：${missing.join('、')}（请使用模板）`, en: `The header lacks required columns: ${missing.join(', ')} (use the template)` }, [{ field: 'file', missing }]);
        }
        continue;
      }
      if (row.cells.every((c) => cellText(c).trim() === '')) continue;
      rows++;
      if (rows > IMPORT_MAX_ROWS) throw invalid({ zh: `一次最多导入 ${IMPORT_MAX_ROWS} 行`, en: `At most ${IMPORT_MAX_ROWS} rows per file` }, [{ field: 'file' }]);
      const cells: Record<string, unknown> = {};
      mapping.forEach((f, i) => {
        if (f) cells[f] = row.cells[i];
      });
      const parsed = schema.caseBody.safeParse(bodyOf(cells));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'row');
          problems.push({ row: row.rowNo, field: COLUMNS.find((c) => c.field === field)?.header ?? field, message: issue.message });
        }
        continue;
      }
      const key = caseKey(parsed.data.caseNo);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ row: row.rowNo, field: '案号', message: `与第 ${first} 行案号重复 / Same case number as row ${first}` });
        continue;
      }
      seen.set(key, row.rowNo);
      bodies.push({ rowNo: row.rowNo, body: parsed.data });
    }
    if (!mapping || rows === 0) throw invalid({ zh: '文件中没有案件行', en: 'The file holds no case rows' }, [{ field: 'file' }]);
    if (problems.length > 0) {
      throw invalid(
        { zh: `${new Set(problems.map((p) => p.row)).size} 行有误，未导入任何案件；请改正后重新上传`, en: `${new Set(problems.map((p) => p.row)).size} rows are wrong; nothing was imported. Correct them and upload again` },
        problems.slice(0, 200),
      );
    }
    let created = 0;
    await ctx.db.tx(async (tx) => {
      for (const { rowNo, body } of bodies) {
        const r = await storeCase(ctx, tx, actor, who, body, { via: 'import', rowNo });
        if (r.inserted) created++;
      }
    });
    const elsewhere = await sql.keysElsewhere(ctx.db, who.orgId, [...seen.keys()]);
    const keys = new Set(elsewhere.map((e) => e.case_key));
    return { rows, created, updated: bodies.length - created, sameNumberElsewhere: bodies.filter((b) => keys.has(caseKey(b.body.caseNo))).map((b) => b.body.caseNo) };
  } finally {
    await ctx.files.remove(stored.key);
  }
}

const EXAMPLE_USCC = `91411502MA44K8G3X${computeUsccCheck('91411502MA44K8G3X')}`;

/** The import template: the header row, one example row, and a sheet explaining each column. */
export async function templateXlsx(): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件');
  ws.addRow(COLUMNS.map((c) => c.header));
  ws.addRow([
    '（2026）豫15民初123号',
    '信阳市中级人民法院',
    '商标',
    '民事',
    '侵害商标权纠纷',
    `原告:信阳某某茶业有限公司(${EXAMPLE_USCC});被告:张某`,
    '第12345678号',
    '浉河区',
    '2026-03-02',
    '',
    '审理',
    '',
    '',
  ]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col) => {
    col.width = 22;
  });
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '必填', '说明']);
  for (const c of COLUMNS) help.addRow([c.header, c.required ? '是' : '否', c.note]);
  help.addRow([]);
  help.addRow(['说明', '', '示例行为虚构数据，导入前请删除。同一单位再次导入同一案号时更新原记录。任一行有误时整份文件不导入。']);
  help.getRow(1).font = { bold: true };
  help.getColumn(1).width = 14;
  help.getColumn(3).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
