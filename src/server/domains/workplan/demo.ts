import { Readable } from 'node:stream';
import { addDays } from '../../../shared/insight/fees';
import { todayInChina } from '../../../shared/registry/normalise';
import type { MetricCode } from '../../../shared/workplan/metrics';
import type { Actor } from '../../actor';
import { ManualClock } from '../../clock';
import type { AppContext } from '../../context';
import { PNG_PIXEL } from '../protection/evidence/sample';
import * as plans from './plans/service';
import * as progress from './progress/service';

/**
 * Demo breakdown of the 2022 plan (the plan itself is the real document) and a current-year plan
 * copied from it. Every assignment, figure, report and photo here is invented and flagged is_demo.
 */
type Step =
  | { report: number; final?: boolean; figures?: number[]; text: string; photo?: boolean; milestones?: number[] }
  | { accept: true; comment?: string }
  | { return: string };

interface DemoAssignment {
  task: number;
  unit: string;
  title: string;
  requirements: string;
  /** Days from the plan year's 1 January (due) and from the start of the story (steps). */
  due: string;
  indicators: Array<{ name: string; unit: string; target: number; metric?: MetricCode }>;
  milestones?: Array<{ title: string; due: string }>;
  steps: Array<[string, Step]>;
}

/** Units by key: the demo accounts' organisations, or any county desk by its area code. */
const Y22: DemoAssignment[] = [
  {
    task: 4,
    unit: 'gushi',
    title: '建立县级知识产权纠纷人民调解组织，做好诉调对接和维权援助',
    requirements: '年内成立县知识产权纠纷人民调解委员会，配备专兼职调解员，承接法院委派调解；全年办结调解案件不少于 10 件。',
    due: '2022-12-20',
    indicators: [
      { name: '办结调解案件', unit: '件', target: 10, metric: 'mediation_closed' },
      { name: '调解员培训', unit: '次', target: 2 },
    ],
    milestones: [
      { title: '印发调解委员会组建方案', due: '2022-10-31' },
      { title: '调解委员会挂牌运行', due: '2022-11-30' },
    ],
    steps: [
      ['2022-10-28', { report: 30, text: '已起草《固始县知识产权纠纷人民调解委员会组建方案》，报县政府审定；与县法院对接诉调对接流程。', figures: [0], milestones: [1] }],
      ['2022-10-31', { accept: true }],
      ['2022-12-15', { report: 100, final: true, text: '调解委员会于 11 月 25 日挂牌，配备专职调解员 1 名、兼职 4 名；12 月 8 日组织第二次调解员培训。附挂牌现场照片。', figures: [2], photo: true, milestones: [2] }],
      ['2022-12-19', { accept: true, comment: '按期完成，材料齐全。' }],
    ],
  },
  {
    task: 8,
    unit: 'gushi',
    title: '推动企业贯标，开展中小企业知识产权保护培训',
    requirements: '推动不少于 5 家企业按 GB/T 29490 贯标；举办中小企业知识产权保护培训不少于 2 场。',
    due: '2022-12-31',
    indicators: [
      { name: '新增贯标企业', unit: '家', target: 5 },
      { name: '举办培训', unit: '场', target: 2 },
    ],
    steps: [
      ['2022-11-10', { report: 40, text: '已走访重点企业 12 家，确定 4 家贯标意向企业；举办培训 1 场，参训 86 人。', figures: [0, 1] }],
      ['2022-11-14', { return: '贯标意向企业请列明名单及辅导机构；培训请附签到表。' }],
      ['2022-11-20', { report: 40, text: '补充：贯标意向企业名单及辅导机构见附件；培训签到表已附。', figures: [0, 1], photo: true }],
      ['2022-11-23', { accept: true }],
    ],
  },
  {
    task: 7,
    unit: 'shangtianti',
    title: '推进“全省第三批专利导航实验区”建设',
    requirements: '围绕珍珠岩、膨润土等非金属矿新材料产业开展专利导航，形成导航报告并向企业推送。',
    due: '2022-12-31',
    indicators: [
      { name: '完成产业专利导航报告', unit: '份', target: 1 },
      { name: '向企业推送导航成果', unit: '家', target: 10 },
    ],
    milestones: [
      { title: '确定导航服务机构', due: '2022-10-15' },
      { title: '导航报告通过评审', due: '2022-12-20' },
    ],
    steps: [
      ['2022-10-12', { report: 20, text: '已通过比选确定导航服务机构，完成需求分析。', figures: [0, 0], milestones: [1] }],
      ['2022-10-14', { accept: true }],
      ['2022-12-28', { report: 100, final: true, text: '《上天梯非金属矿新材料产业专利导航报告》已通过专家评审，已向 12 家企业推送。', figures: [1, 12], milestones: [2], photo: true }],
    ],
  },
  {
    task: 4,
    unit: 'court',
    title: '知识产权案件信息共享与诉调对接',
    requirements: '按月向市知识产权局共享知识产权民事、刑事、行政案件信息；委派调解案件按期反馈。',
    due: '2022-12-31',
    indicators: [{ name: '共享知识产权案件', unit: '件', target: 30, metric: 'cases_recorded' }],
    steps: [
      ['2022-11-30', { report: 70, text: '已按月共享案件信息，建立委派调解台账。' }],
      ['2022-12-02', { accept: true }],
      ['2022-12-30', { report: 100, final: true, text: '全年按月共享案件信息，委派调解案件均已反馈。' }],
      ['2023-01-05', { accept: true }],
    ],
  },
  {
    task: 4,
    unit: 'police',
    title: '开展打击侵犯知识产权违法犯罪专项行动',
    requirements: '会同市场监管部门开展专项行动，重点打击假冒“信阳毛尖”等地理标志和注册商标犯罪。',
    due: '2022-11-30',
    indicators: [{ name: '立案侦办侵权假冒案件', unit: '件', target: 15 }],
    steps: [
      ['2022-10-20', { report: 50, text: '专项行动已部署，立案 8 件。', figures: [8] }],
      ['2022-10-24', { accept: true }],
      ['2022-12-05', { report: 90, text: '立案 14 件，抓获犯罪嫌疑人 21 名，其中 1 件尚在侦办。', figures: [14] }],
    ],
  },
  {
    task: 3,
    unit: 'court',
    title: '完善知识产权“三合一”审判机制',
    requirements: '完善与“三合一”审判相适应的案件管辖和协调机制，出台技术事实查明工作规定。',
    due: '2022-12-31',
    indicators: [{ name: '出台工作规定', unit: '项', target: 1 }],
    steps: [['2022-12-20', { report: 80, text: '技术事实查明工作规定（征求意见稿）已印发征求意见。', figures: [0] }]],
  },
  {
    task: 5,
    unit: '411502',
    title: '落实行政执法信息公开，按时公示行政处罚决定',
    requirements: '知识产权行政处罚决定在法定期限内公示，公示率 100%。',
    due: '2022-12-31',
    indicators: [{ name: '执法决定按时公示率', unit: '%', target: 100, metric: 'disclosures_on_time_rate' }],
    steps: [
      ['2022-12-26', { report: 100, final: true, text: '全年处罚决定均已在信用信息平台公示。' }],
      ['2022-12-28', { accept: true }],
    ],
  },
  {
    task: 9,
    unit: '411526',
    title: '落实侵权假冒举报奖励，按期办结举报线索',
    requirements: '举报线索受理后按期办结，符合条件的举报人按规定给予奖励。',
    due: '2022-12-31',
    indicators: [{ name: '办结举报线索', unit: '件', target: 5, metric: 'reports_concluded' }],
    steps: [],
  },
  {
    task: 11,
    unit: 'justice',
    title: '推行公职律师、公司律师、法律顾问制度',
    requirements: '在有关管理部门和企事业单位全面推行公职律师、公司律师和法律顾问制度。',
    due: '2022-12-31',
    indicators: [{ name: '新增公职律师', unit: '名', target: 10 }],
    steps: [
      ['2022-12-22', { report: 100, final: true, text: '新增公职律师 12 名、公司律师 5 名。', figures: [12] }],
      ['2022-12-23', { return: '请附司法局备案文件。' }],
      ['2022-12-27', { report: 100, final: true, text: '新增公职律师 12 名、公司律师 5 名，备案文件已附。', figures: [12], photo: true }],
      ['2022-12-29', { accept: true }],
    ],
  },
  {
    task: 12,
    unit: 'culture',
    title: '开展知识产权宣传周和“六进”活动',
    requirements: '围绕世界知识产权日、中国品牌日、中国专利周开展宣传，组织知识产权进企业、进社区、进学校等活动。',
    due: '2022-12-31',
    indicators: [{ name: '开展宣传活动', unit: '场', target: 6 }],
    steps: [
      ['2022-11-15', { report: 60, text: '中国专利周期间组织进校园、进社区活动 4 场。附活动照片。', figures: [4], photo: true }],
      ['2022-11-18', { accept: true }],
      ['2022-12-30', { report: 100, final: true, text: '全年开展宣传活动 7 场。', figures: [7] }],
    ],
  },
];

/** The current year's demo plan: the same tasks, assignments due around today so the board has every colour. */
const NOW: Array<{ task: number; unit: string; title: string; dueIn: number; startAgo: number; percent?: number; done?: boolean; metric?: MetricCode; target: number; unitName: string; name: string }> = [
  { task: 4, unit: 'gushi', title: '县级知识产权纠纷调解与维权援助', dueIn: 45, startAgo: 300, percent: 70, metric: 'mediation_closed', name: '办结调解案件', unitName: '件', target: 8 },
  { task: 8, unit: 'gushi', title: '企业贯标与中小企业培训', dueIn: 5, startAgo: 300, percent: 40, name: '新增贯标企业', unitName: '家', target: 5 },
  { task: 4, unit: 'gushi', title: '建立并更新保护重点关注名录', dueIn: -12, startAgo: 200, percent: 30, metric: 'keylist_members', name: '名录企业', unitName: '家', target: 5 },
  { task: 7, unit: 'shangtianti', title: '专利导航成果推广应用', dueIn: 20, startAgo: 300, percent: 30, name: '推送导航成果', unitName: '家', target: 15 },
  { task: 4, unit: 'court', title: '案件信息共享与诉调对接', dueIn: 35, startAgo: 300, percent: 80, metric: 'cases_recorded', name: '共享案件', unitName: '件', target: 30 },
  { task: 4, unit: 'police', title: '打击侵权假冒专项行动', dueIn: -20, startAgo: 250, percent: 60, name: '立案侦办案件', unitName: '件', target: 15 },
  { task: 5, unit: '411502', title: '行政处罚决定按时公示', dueIn: 40, startAgo: 300, done: true, metric: 'disclosures_on_time_rate', name: '按时公示率', unitName: '%', target: 100 },
  { task: 9, unit: '411526', title: '举报线索按期办结', dueIn: 3, startAgo: 300, percent: 50, metric: 'reports_concluded', name: '办结举报线索', unitName: '件', target: 5 },
  { task: 12, unit: 'culture', title: '4·26 知识产权宣传周活动', dueIn: -200, startAgo: 260, done: true, name: '宣传活动', unitName: '场', target: 4 },
  { task: 11, unit: 'justice', title: '知识产权保护人才培训', dueIn: 60, startAgo: 300, percent: 50, name: '培训人次', unitName: '人次', target: 200 },
];

export async function seedWorkplanDemo(ctx: AppContext): Promise<{ workplanAssignments: number; workplanReports: number }> {
  const users = await ctx.db.query<{ id: string; username: string; display_name: string; org_id: string; roles: string[]; area_scope: string }>(
    "SELECT id, username, display_name, org_id, roles, area_scope FROM users WHERE username IN ('city', 'gushi', 'shangtianti', 'court', 'police')",
  );
  const orgs = await ctx.db.query<{ id: string; name: string; kind: string; area_code: string }>("SELECT id, name, kind, area_code FROM organisations WHERE kind IN ('area_desk', 'partner')");
  const userActor = (username: string): Actor => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo account ${username} missing`);
    return { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null };
  };
  const PARTNER: Record<string, string> = { justice: '信阳市司法局', culture: '信阳市文化广电和旅游局', procuratorate: '信阳市人民检察院' };
  /** A unit with a demo account acts as that account; other units as an unnamed officer of theirs. */
  const unitActor = (unit: string): Actor => {
    if (users.some((u) => u.username === unit)) return userActor(unit);
    const org = PARTNER[unit] ? orgs.find((o) => o.name === PARTNER[unit]) : orgs.find((o) => o.kind === 'area_desk' && o.area_code === unit);
    if (!org) throw new Error(`demo unit ${unit} missing`);
    return { kind: 'system', id: 'demo', name: `${org.name}（演示）`, orgId: org.id, roles: org.kind === 'partner' ? ['partner'] : ['area_officer'], scope: org.kind === 'partner' ? '411500' : org.area_code, ip: null };
  };
  const city = userActor('city');
  const at = (day: string, hour = 10) => ({ ...ctx, clock: new ManualClock(`${day}T${String(hour).padStart(2, '0')}:20:00+08:00`) });
  let photos = 0;
  const photo = async (c: AppContext, actor: Actor) => {
    photos++;
    const png = Buffer.concat([PNG_PIXEL, Buffer.from(`xinzhi-workplan-demo-${photos}`)]);
    return (await progress.upload(c, actor, { source: Readable.from([png]), fileName: `活动现场照片${photos}（演示）.png` })).uploadToken as string;
  };

  const [plan2022] = await ctx.db.query<{ id: number }>("SELECT id::int AS id FROM workplan_plans WHERE doc_no = '信知战联办〔2022〕17号'");
  if (!plan2022) return { workplanAssignments: 0, workplanReports: 0 };
  const tasks2022 = await ctx.db.query<{ id: number; seq: number }>('SELECT id::int AS id, seq FROM workplan_tasks WHERE plan_id = $1', [plan2022.id]);
  const taskId = (list: typeof tasks2022, seq: number) => (list.find((t) => t.seq === seq) as { id: number }).id;
  let assignments = 0;
  let reports = 0;

  for (const d of Y22) {
    const unit = unitActor(d.unit);
    const created = await progress.createAssignment(
      at('2022-09-28', 9),
      city,
      { taskId: taskId(tasks2022, d.task), orgId: unit.orgId as string, title: d.title, requirements: `${d.requirements}（演示数据）`, startDate: '2022-10-01', dueDate: d.due, indicators: d.indicators, milestones: d.milestones?.map((m) => ({ title: m.title, dueDate: m.due })) ?? [] },
      { isDemo: true },
    );
    assignments++;
    let view = created;
    for (const [day, s] of d.steps) {
      const c = at(day);
      if ('report' in s) {
        const manual = view.indicators.filter((i) => !i.metric);
        const figures = Object.fromEntries((s.figures ?? []).flatMap((v, i) => (manual[i] ? [[String(manual[i].id), v]] : [])));
        const files = s.photo ? [await photo(c, unit)] : [];
        const milestones = (s.milestones ?? []).map((n) => view.milestones[n - 1]?.id).filter((x): x is number => !!x);
        view = await progress.submitProgress(c, unit, view.id, { body: `${s.text}（演示数据）`, percent: s.report, final: s.final ?? false, figures, milestones, files }, { isDemo: true });
        reports++;
      } else {
        const pending = view.reports.find((r) => r.status === 'submitted');
        if (!pending) continue;
        view = 'accept' in s ? await progress.acceptProgress(c, city, view.id, pending.id, s.comment) : await progress.returnProgress(c, city, view.id, pending.id, s.return);
      }
    }
  }

  // 2022 is over: its plan is closed, what was not completed stays on record as such.
  await plans.updatePlan(at('2023-01-31'), city, plan2022.id, { status: 'closed' });

  // This year's plan, started from 2022's and issued, with assignments around today.
  const today = todayInChina(ctx.clock.now().getTime());
  const year = Number(today.slice(0, 4));
  const start = at(addDays(today, -320));
  const copy = await plans.copyPlan(start, city, plan2022.id, { year, title: `信阳市推动知识产权高质量发展${year}年度重点工作方案（演示）`, withAssignments: false }, { isDemo: true });
  await plans.updatePlan(start, city, copy.id, { docNo: `信知战联办〔${year}〕3号（演示）`, issueDate: addDays(today, -310), goals: `${copy.goals}\n\n（演示数据：${year} 年方案由 2022 年方案复制而来，目标与任务沿用原文，仅供演示。）` });
  await plans.updatePlan(start, city, copy.id, { status: 'issued' });
  for (const d of NOW) {
    const unit = unitActor(d.unit);
    const c0 = at(addDays(today, -d.startAgo));
    const a = await progress.createAssignment(
      c0,
      city,
      {
        taskId: copy.taskList.find((t) => t.seq === d.task)?.id as number,
        orgId: unit.orgId as string,
        title: d.title,
        requirements: '（演示数据）',
        startDate: addDays(today, -d.startAgo),
        dueDate: addDays(today, d.dueIn),
        indicators: [{ name: d.name, unit: d.unitName, target: d.target, ...(d.metric ? { metric: d.metric } : {}) }],
        milestones: [],
      },
      { isDemo: true },
    );
    assignments++;
    if (d.percent === undefined && !d.done) continue;
    const reportDay = addDays(today, Math.min(-2, d.dueIn - 10));
    const manual = a.indicators.filter((i) => !i.metric);
    const figures = Object.fromEntries(manual.map((i) => [String(i.id), Math.round((i.target * (d.done ? 100 : (d.percent ?? 0))) / 100)]));
    const v = await progress.submitProgress(at(reportDay), unit, a.id, { body: d.done ? '任务已全部完成。（演示数据）' : `已完成约 ${d.percent}%。（演示数据）`, percent: d.done ? 100 : (d.percent as number), final: !!d.done, figures, milestones: [], files: [] }, { isDemo: true });
    reports++;
    const pid = v.reports[0]?.id as number;
    // One report left waiting for review, so the city's list has something to act on.
    if (d.unit === 'shangtianti') continue;
    await progress.acceptProgress(at(reportDay, 16), city, a.id, pid, undefined);
  }
  return { workplanAssignments: assignments, workplanReports: reports };
}
