import type { Worksheet } from 'exceljs';
import { loadExcelJS } from '../../../heavy-libraries';
import type { AssessmentInputs, AssessmentResult, Grade } from '../../../../shared/workplan/assessment';
import { areaByCode } from '../../../../shared/validators';
import { safeCell, type SheetCell } from '../../registry/export/sheet';

const GRADE_ZH: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
const STATUS_ZH: Record<string, string> = { draft: '草稿', computed: '已计算（未审核）', reviewed: '已审核（未公布）', published: '已公布' };
const RULE_ZH: Record<string, string> = { ratio: '按目标比例', thresholds: '分档计分', rank: '按排名', manual: '人工评分' };
const SOURCE_ZH: Record<string, string> = { metric: '平台指标', plan: '工作方案完成率', survey: '满意度指数', evaluation: '保护水平指数', manual: '人工录入' };
const KIND_ZH: Record<string, string> = { score: '评分指标', bonus: '加分项', deduction: '扣分项' };

const row = (sheet: Worksheet, cells: SheetCell[]) => sheet.addRow(cells.map(safeCell));

/**
 * 考核评分表: sheet 1 has one row per area (indicator points, total, grade, rank) under a title row
 * with the year and status; sheet 2 the inputs and rules behind every figure, and the inputs' SHA-256.
 */
export async function assessmentWorkbook(o: {
  year: number;
  title: string;
  status: string;
  published: boolean;
  sha256: string;
  computedAt: string;
  inputs: AssessmentInputs;
  result: AssessmentResult;
  /** Whether the reader may see an area's indicator points and inputs (else its total only). */
  detail: (code: string) => boolean;
}): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  const inds = [...o.inputs.indicators].sort((a, b) => a.seq - b.seq);
  const sheet = book.addWorksheet('考核评分表');
  const status = STATUS_ZH[o.status] ?? o.status;
  row(sheet, [`${o.title}（${o.year} 年度）考核评分表　状态：${status}${o.published ? '' : '（非公布结果）'}`]);
  sheet.mergeCells(1, 1, 1, inds.length + 6);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const head = row(sheet, ['排名', '县区', ...inds.map((i) => `${i.kind === 'score' ? '' : KIND_ZH[i.kind]}${i.name}（${i.points} 分）`), '基础得分', '加分', '扣分', '总分', '等次']);
  head.font = { bold: true };
  const sorted = [...o.result.areas].sort((a, b) => a.rank - b.rank);
  for (const a of sorted) {
    const pts = new Map<number, number>([...a.indicators.map((i) => [i.id, i.points] as const), ...a.adjustments.map((x) => [x.id, x.kind === 'deduction' ? -x.points : x.points] as const)]);
    const open = o.detail(a.code);
    row(sheet, [a.rank || null, areaByCode(a.code)?.name ?? a.code, ...inds.map((i) => (open ? (pts.get(i.id) ?? 0) : null)), open ? a.base : null, open ? a.bonus : null, open ? a.deduction : null, a.total, GRADE_ZH[a.grade]]);
  }
  row(sheet, []);
  row(sheet, [`计算时间 ${o.computedAt}；输入数据 SHA-256：${o.sha256}`]);
  sheet.getColumn(2).width = 22;

  const inputs = book.addWorksheet('输入数据与规则');
  row(inputs, ['县区', '序号', '一级指标', '指标', '类型', '分值', '数据来源', '计分规则', '实际值', '目标值', '得分', '计分说明', '数据出处']).font = { bold: true };
  for (const a of o.result.areas.filter((x) => o.detail(x.code))) {
    const name = areaByCode(a.code)?.name ?? a.code;
    for (const ind of inds) {
      const s = a.indicators.find((x) => x.id === ind.id);
      const adj = a.adjustments.find((x) => x.id === ind.id);
      const v = o.inputs.values[String(ind.id)]?.[a.code];
      const entries = o.inputs.entries[String(ind.id)]?.[a.code] ?? [];
      const drill = v?.drill ? `${v.drill.path}?${new URLSearchParams(v.drill.query).toString()}` : entries.map((e) => `${e.points} 分：${e.reason}`).join('；');
      row(inputs, [
        name,
        ind.seq,
        ind.dimension,
        ind.name,
        KIND_ZH[ind.kind],
        ind.points,
        ind.metric ? `${SOURCE_ZH[ind.source]}：${ind.metric}` : SOURCE_ZH[ind.source],
        RULE_ZH[ind.rule],
        s?.value ?? null,
        s?.target ?? null,
        s?.points ?? (adj ? (adj.kind === 'deduction' ? -adj.points : adj.points) : 0),
        s?.note.zh ?? (adj?.capped ? `超过上限，按 ${ind.points} 分计` : ''),
        drill,
      ]);
    }
  }
  inputs.getColumn(4).width = 28;
  inputs.getColumn(12).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}
