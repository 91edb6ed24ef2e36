import { todayInChina, yearInChina } from '../../../../shared/registry/normalise';
import type { Actor } from '../../../actor';
import { ManualClock } from '../../../clock';
import type { AppContext } from '../../../context';
import type { RubricBody } from './schema';
import * as assessment from './service';

/**
 * The demo's assessment: last year's rubric, scored and published, and this year's copied from it
 * and computed, so that the year-on-year columns show. Last year the protection work was scored by
 * hand; this year its platform figures and the plan's completion rate feed the scores. The weights
 * and hand scores are invented (the national tables are not public).
 */
const COMMON: RubricBody['indicators'] = [
  { kind: 'score', dimension: '知识产权创造', name: '高价值发明专利拥有量', points: 10, source: 'metric', metric: 'high_value_inventions', rule: 'rank', evidence: '数据中心统计' },
  { kind: 'score', dimension: '知识产权创造', name: '有效商标注册量', points: 10, source: 'metric', metric: 'valid_trademarks', rule: 'rank', evidence: '数据中心统计' },
];
const TAIL: RubricBody['indicators'] = [
  { kind: 'score', dimension: '工作创新与宣传', name: '工作创新与宣传培训', points: 20, source: 'manual', rule: 'manual', evidence: '特色做法材料、宣传报道、培训签到表' },
  { kind: 'bonus', dimension: '加分项', name: '获国家、省级知识产权试点示范或表彰', points: 5, source: 'manual', rule: 'manual', evidence: '批复文件' },
  { kind: 'deduction', dimension: '扣分项', name: '重点任务推进迟缓或报送材料不及时', points: 5, source: 'manual', rule: 'manual', evidence: '督办通报' },
];
const LAST_YEAR: RubricBody['indicators'] = [
  ...COMMON,
  { kind: 'score', dimension: '知识产权保护', name: '维权保护工作成效', points: 20, source: 'manual', rule: 'manual', evidence: '维权援助、调解、执法公示工作台账' },
  { kind: 'score', dimension: '重点工作落实', name: '重点工作任务落实情况', points: 40, source: 'manual', rule: 'manual', evidence: '年度工作总结、任务台账' },
  ...TAIL,
];
const THIS_YEAR: RubricBody['indicators'] = [
  ...COMMON,
  { kind: 'score', dimension: '知识产权保护', name: '办结维权援助与调解案件数', points: 6, source: 'metric', metric: 'mediation_closed', rule: 'ratio', target: 2, evidence: '调解案件办结记录' },
  { kind: 'score', dimension: '知识产权保护', name: '办结侵权假冒举报线索数', points: 4, source: 'metric', metric: 'reports_concluded', rule: 'ratio', target: 1, evidence: '举报线索办结记录' },
  {
    kind: 'score',
    dimension: '知识产权保护',
    name: '行政执法决定按时公示率',
    points: 4,
    source: 'metric',
    metric: 'disclosures_on_time_rate',
    rule: 'thresholds',
    bands: [
      { bound: 95, points: 4 },
      { bound: 80, points: 3 },
      { bound: 60, points: 2 },
    ],
    evidence: '执法决定公示记录',
  },
  { kind: 'score', dimension: '知识产权保护', name: '保护重点关注名录企业数', points: 6, source: 'metric', metric: 'keylist_members', rule: 'ratio', target: 2, evidence: '名录在册企业' },
  { kind: 'score', dimension: '重点工作落实', name: '工作方案任务完成率', points: 20, source: 'plan', rule: 'ratio', target: 100, evidence: '工作方案任务台账' },
  { kind: 'score', dimension: '重点工作落实', name: '重点工作任务落实情况', points: 20, source: 'manual', rule: 'manual', evidence: '年度工作总结、任务台账' },
  ...TAIL,
];

/** Hand scores of last year per area: 重点工作任务落实 (of 40, less 15; 维权保护 follows it) and 工作创新与宣传 (of 20, less 6). */
const HAND: Record<string, [number, number, string]> = {
  '411502': [23, 13, '茶产业知识产权服务工作站建成运行'],
  '411503': [22, 12, '园区企业知识产权托管覆盖面扩大'],
  '411521': [19, 10, '完成年度任务，特色不够突出'],
  '411522': [20, 11, '开展知识产权进乡村宣讲'],
  '411523': [18, 9, '红色旅游商品商标培育有进展'],
  '411524': [21, 11, '商城黑猪地理标志保护有序推进'],
  '411525': [24, 14, '固始鸡、固始萝卜等地理标志运用成效明显'],
  '411526': [21, 12, '食品产业专利导航启动'],
  '411527': [17, 9, '部分任务滞后，经督办后完成'],
  '411528': [19, 10, '粮食加工企业贯标辅导'],
  shangtianti: [22, 13, '非金属矿产业专利导航成果转化'],
  yangshan: [18, 9, '新区企业知识产权摸底完成'],
  gaoxin: [22, 12, '高新技术企业高价值专利培育'],
  nanwanhu: [16, 8, '景区商标保护宣传'],
  jigongshan: [17, 9, '景区品牌保护与维权宣传'],
};

export async function seedAssessmentDemo(ctx: AppContext): Promise<{ assessmentYears: number; commendations: number }> {
  const [u] = await ctx.db.query<{ id: string; org_id: string; roles: string[]; area_scope: string }>("SELECT id, org_id, roles, area_scope FROM users WHERE username = 'city'");
  if (!u) return { assessmentYears: 0, commendations: 0 };
  const city: Actor = { kind: 'user', id: u.id, name: 'city', orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null };
  const year = yearInChina(ctx.clock.now().getTime());
  const last = year - 1;
  const at = (day: string) => ({ ...ctx, clock: new ManualClock(`${day}T10:00:00+08:00`) });

  const early = at(`${last}-03-10`);
  await assessment.saveRubric(early, city, last, { title: `${last}年度县区知识产权工作考核（演示）`, grades: { excellent: 90, good: 80, pass: 60 }, indicators: LAST_YEAR }, true);
  const ids = Object.fromEntries((await assessment.getRubric(early, city, last)).indicators.map((i) => [i.name, i.id]));
  const scoring = at(`${year}-01-12`);
  for (const [area, [work, innovation, note]] of Object.entries(HAND)) {
    await assessment.addEntry(scoring, city, last, { indicatorId: ids['重点工作任务落实情况'] as number, areaCode: area, points: work + 15, reason: `对照任务台账逐项核查：${note}（演示）` }, true);
    await assessment.addEntry(scoring, city, last, { indicatorId: ids['维权保护工作成效'] as number, areaCode: area, points: work - 4, reason: `维权援助、调解与执法公示按期完成（演示）` }, true);
    await assessment.addEntry(scoring, city, last, { indicatorId: ids['工作创新与宣传培训'] as number, areaCode: area, points: innovation + 6, reason: `${note}（演示）` }, true);
  }
  const bonus = ids['获国家、省级知识产权试点示范或表彰'] as number;
  const deduction = ids['重点任务推进迟缓或报送材料不及时'] as number;
  await assessment.addEntry(scoring, city, last, { indicatorId: bonus, areaCode: '411502', points: 3, reason: '信阳毛尖地理标志产品保护示范区建设通过验收（演示）' }, true);
  await assessment.addEntry(scoring, city, last, { indicatorId: bonus, areaCode: '411525', points: 2, reason: '获批省级知识产权强县建设试点（演示）' }, true);
  await assessment.addEntry(scoring, city, last, { indicatorId: deduction, areaCode: '411527', points: 2, reason: '两项重点任务季度进展逾期报送，经督办后完成（演示）' }, true);
  await assessment.compute(at(`${year}-01-15`), city, last);
  await assessment.review(at(`${year}-01-18`), city, last, '已对照数据中心与任务台账复核（演示）');
  await assessment.publish(at(`${year}-01-20`), city, last);

  // This year: last year's rubric copied, then the protection work and the plan scored from the platform.
  const now = at(todayInChina(ctx.clock.now().getTime()));
  await assessment.copyRubric(now, city, year, last, true);
  const keep = new Map((await assessment.getRubric(now, city, year)).indicators.map((i) => [i.name, i.id]));
  await assessment.saveRubric(now, city, year, {
    title: `${year}年度县区知识产权工作考核（演示）`,
    grades: { excellent: 90, good: 80, pass: 60 },
    indicators: THIS_YEAR.map((i) => ({ ...i, ...(keep.has(i.name) ? { id: keep.get(i.name) } : {}) })),
  });
  const ids2 = Object.fromEntries((await assessment.getRubric(now, city, year)).indicators.map((i) => [i.name, i.id]));
  for (const [area, [work, innovation, note]] of Object.entries(HAND)) {
    await assessment.addEntry(now, city, year, { indicatorId: ids2['重点工作任务落实情况'] as number, areaCode: area, points: work - 4, reason: `上半年任务台账核查（演示）` }, true);
    await assessment.addEntry(now, city, year, { indicatorId: ids2['工作创新与宣传培训'] as number, areaCode: area, points: Math.min(20, innovation + 7), reason: `${note}，持续推进（演示）` }, true);
  }
  await assessment.compute(now, city, year);

  const commendations = [
    { kind: 'unit' as const, areaCode: '411525', unitName: '固始县市场监督管理局', honour: `${last}年度知识产权工作先进单位`, docNo: `信知战联办〔${year}〕2号（演示）` },
    { kind: 'unit' as const, areaCode: '411502', unitName: '浉河区市场监督管理局', honour: `${last}年度知识产权工作先进单位`, docNo: `信知战联办〔${year}〕2号（演示）` },
    { kind: 'individual' as const, areaCode: 'shangtianti', unitName: '上天梯非金属矿管理区管委会', personName: '演示人员甲', honour: `${last}年度知识产权工作先进个人`, docNo: `信知战联办〔${year}〕2号（演示）` },
  ];
  for (const c of commendations) {
    await assessment.createCommendation(at(`${year}-02-10`), city, { year: last, awardedOn: `${year}-02-10`, note: '演示数据', personName: undefined, ...c }, true);
  }
  return { assessmentYears: 2, commendations: commendations.length };
}
