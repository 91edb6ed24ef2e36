import { z } from 'zod';
import {
  ASSESSMENT_STATUSES,
  COMMENDATION_KINDS,
  GRADES,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  SCORING_RULES,
} from '../../../../shared/workplan/assessment';
import { CITY_CODE, isAreaCode } from '../../../../shared/validators';
import { METRICS } from '../../../../shared/workplan/metrics';
import { areaCode, isoDate, optionalText, text } from '../../protection/fields';

const year = z.coerce.number().int().min(2000).max(2100);
export const yearParams = z.strictObject({ year });
export const areaParams = z.strictObject({ year, code: areaCode });
export const entryParams = z.strictObject({ year, id: z.coerce.number().int().positive() });
export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });

const points = z.number().positive().max(100);
const band = z.strictObject({ bound: z.number().min(0).max(1e9), points: z.number().min(0).max(100) });

export const indicatorBody = z
  .strictObject({
    id: z.number().int().positive().optional().describe('An existing indicator of this rubric (keeps its entered scores)'),
    kind: z.enum(INDICATOR_KINDS).describe('score: a weighted indicator; bonus/deduction: 加分/扣分 item capped at its points'),
    dimension: text(50).describe('First level of the indicator tree (一级指标)'),
    name: text(100),
    points: points.describe('Weight (full points); for a bonus/deduction item its cap per area'),
    source: z.enum(INDICATOR_SOURCES),
    metric: z.enum(METRICS).optional().describe('Source metric: a platform figure from the workplan metrics'),
    rule: z.enum(SCORING_RULES),
    target: z.number().min(0).max(1e9).optional().describe('Ratio rule: the default target per area'),
    targets: z.record(z.string(), z.number().min(0).max(1e9)).optional().describe('Ratio rule: targets per area that differ from the default'),
    bands: z.array(band).max(10).optional().describe('Thresholds rule: value ≥ bound (≤ when lower is better) → points'),
    evidence: optionalText(500).describe('Evidence the area is expected to show'),
  })
  .superRefine((b, c) => {
    const issue = (path: string, zh: string, en: string) => c.addIssue({ code: 'custom', path: [path], message: `${zh} / ${en}` });
    if (b.kind !== 'score' && (b.source !== 'manual' || b.rule !== 'manual')) issue('source', '加分/扣分项须人工录入', 'Bonus and deduction items are entered by hand');
    if ((b.source === 'metric') !== (b.metric !== undefined)) issue('metric', '数据来源为平台指标时须选择指标（其他来源不选）', 'Choose a metric exactly when the source is a platform metric');
    if ((b.source === 'manual') !== (b.rule === 'manual')) issue('rule', '人工评分须用人工规则，其他来源不能用人工规则', 'Manual scoring goes with the manual source only');
    if (b.rule === 'ratio' && b.target === undefined) issue('target', '按目标比例计分须填写目标值', 'The ratio rule needs a target');
    if (b.rule === 'thresholds' && !b.bands?.length) issue('bands', '分档计分须至少设一个档次', 'The thresholds rule needs at least one band');
    for (const k of Object.keys(b.targets ?? {})) if (!isAreaCode(k) || k === CITY_CODE) issue('targets', `没有这个县区：${k}`, `No such county or zone: ${k}`);
    if (b.bands?.some((x) => x.points > b.points)) issue('bands', '档次分值不能超过指标分值', 'A band cannot give more than the indicator’s points');
  });

export const rubricBody = z
  .strictObject({
    title: text(200),
    grades: z
      .strictObject({ excellent: z.number().min(0).max(200), good: z.number().min(0).max(200), pass: z.number().min(0).max(200) })
      .describe('Lowest total of 优秀, 良好, 合格; below 合格 is 不合格'),
    indicators: z.array(indicatorBody).min(1).max(80),
  })
  .superRefine((b, c) => {
    if (!(b.grades.excellent > b.grades.good && b.grades.good > b.grades.pass)) {
      c.addIssue({ code: 'custom', path: ['grades'], message: '等次分数线须依次降低（优秀 > 良好 > 合格） / Grade thresholds must fall: excellent > good > pass' });
    }
  });
export type RubricBody = z.infer<typeof rubricBody>;

export const copyBody = z.strictObject({ fromYear: year });
export const noteBody = z.strictObject({ note: optionalText(500) });

export const entryBody = z.strictObject({
  indicatorId: z.number().int().positive(),
  areaCode,
  points: z.number().min(0).max(100),
  reason: text(500).describe('Justification (评分依据 / 加减分事由): required'),
});

const drill = z.object({ path: z.string(), query: z.record(z.string(), z.string()) });
const text2 = z.object({ zh: z.string(), en: z.string() });
const runRef = z.object({ id: z.number().int(), sha256: z.string(), computedAt: z.string(), computedBy: z.string().nullable() });
const change = z.object({ indicatorId: z.number().int().nullable(), indicator: z.string(), area: z.string(), areaName: z.string(), before: z.number().nullable(), after: z.number().nullable() });
const flag = z.object({ runId: z.number().int(), sha256: z.string(), checkedAt: z.string(), changes: z.array(change) }).nullable();

export const indicatorView = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  kind: z.enum(INDICATOR_KINDS),
  dimension: z.string(),
  name: z.string(),
  points: z.number(),
  source: z.enum(INDICATOR_SOURCES),
  metric: z.string().nullable(),
  metricName: text2.nullable(),
  rule: z.enum(SCORING_RULES),
  better: z.enum(['higher', 'lower']),
  target: z.number().nullable(),
  targets: z.record(z.string(), z.number()),
  bands: z.array(z.object({ bound: z.number(), points: z.number() })),
  evidence: z.string(),
});

export const entryView = z.object({
  id: z.number().int(),
  indicatorId: z.number().int(),
  areaCode: z.string(),
  areaName: z.string(),
  points: z.number(),
  reason: z.string(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
});

export const rubricView = z.object({
  year: z.number().int(),
  title: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  grades: z.array(z.object({ grade: z.enum(GRADES), min: z.number() })),
  indicators: z.array(indicatorView),
  weightsSum: z.number(),
  copiedFrom: z.number().int().nullable(),
  currentRun: runRef.nullable(),
  publishedRun: runRef.nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  inputsChanged: flag,
  entries: z.array(entryView).describe('Manual scores and bonus/deduction entries the caller may see'),
  isDemo: z.boolean(),
  actions: z.array(z.string()).describe("What the caller may do now: 'edit', 'compute', 'review', 'return', 'publish', 'check', 'entries'"),
});

export const yearList = z.object({
  items: z.array(z.object({ year: z.number().int(), title: z.string(), status: z.enum(ASSESSMENT_STATUSES), weightsSum: z.number(), flagged: z.boolean() })),
});

const prev = z.object({ total: z.number(), grade: z.enum(GRADES), rank: z.number().int() }).nullable();

export const resultsView = z.object({
  year: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  published: z.boolean().describe('True when the areas are the published result; false for the working result (city office only)'),
  run: runRef.nullable(),
  previousYear: z.number().int().nullable().describe('The previous year with a published result, for year-on-year columns'),
  indicators: z.array(z.object({ id: z.number().int(), kind: z.enum(INDICATOR_KINDS), dimension: z.string(), name: z.string(), points: z.number() })),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      base: z.number(),
      bonus: z.number(),
      deduction: z.number(),
      total: z.number(),
      grade: z.enum(GRADES),
      rank: z.number().int().nullable(),
      /** indicator id → points; empty for areas whose detail the caller may not see */
      points: z.record(z.string(), z.number()),
      missing: z.array(z.number().int()).describe('Indicators scored 0 for want of data'),
      detail: z.boolean().describe('Whether the caller may open this area’s score card'),
      previous: prev,
    }),
  ),
  inputsChanged: flag,
});

export const areaCardView = z.object({
  year: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  published: z.boolean(),
  run: runRef,
  area: z.object({ code: z.string(), name: z.string() }),
  base: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  total: z.number(),
  grade: z.enum(GRADES),
  rank: z.number().int().nullable(),
  of: z.number().int(),
  previous: prev,
  indicators: z.array(
    indicatorView.extend({
      value: z.number().nullable(),
      count: z.number().nullable(),
      detail: z.record(z.string(), z.number().nullable()).nullable(),
      appliedTarget: z.number().nullable(),
      score: z.number(),
      capped: z.boolean(),
      missing: z.boolean(),
      note: text2,
      drill: drill.nullable(),
      entries: z.array(z.object({ points: z.number(), reason: z.string() })),
      previous: z.object({ value: z.number().nullable(), score: z.number() }).nullable(),
    }),
  ),
  changed: z.array(change).describe('Inputs of this area that differ from the published ones (after a check)'),
});

export const commendationBody = z
  .strictObject({
    year,
    kind: z.enum(COMMENDATION_KINDS),
    areaCode: areaCode.optional().describe('The commended area (or the individual’s area)'),
    orgId: z.string().uuid().optional(),
    unitName: text(200).describe('The commended unit, or the individual’s unit'),
    personName: optionalText(50).describe('Individuals only: the official’s name as printed in the commendation'),
    honour: text(200).describe('Title of honour (荣誉称号)'),
    docNo: text(100).describe('Document reference (表彰文件文号)'),
    awardedOn: isoDate,
    note: optionalText(1000),
  })
  .superRefine((b, c) => {
    if (b.kind === 'individual' && !b.personName) c.addIssue({ code: 'custom', path: ['personName'], message: '表彰个人须填写姓名 / An individual commendation needs the name' });
    if (b.kind === 'unit' && b.personName) c.addIssue({ code: 'custom', path: ['personName'], message: '表彰单位不填个人姓名 / A unit commendation has no personal name' });
  });

export const commendationView = z.object({
  id: z.number().int(),
  year: z.number().int(),
  kind: z.enum(COMMENDATION_KINDS),
  areaCode: z.string().nullable(),
  areaName: z.string().nullable(),
  orgId: z.string().nullable(),
  unitName: z.string(),
  personName: z.string().nullable(),
  honour: z.string(),
  docNo: z.string(),
  awardedOn: z.string(),
  note: z.string(),
  isDemo: z.boolean(),
});
export const commendationQuery = z.strictObject({ year: year.optional(), kind: z.enum(COMMENDATION_KINDS).optional(), area: areaCode.optional() });
export const commendationList = z.object({ items: z.array(commendationView) });
