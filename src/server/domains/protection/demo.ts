import { Readable } from 'node:stream';
import { addDays } from '../../../shared/insight/fees';
import type { RightKind } from '../../../shared/protection/reports';
import { todayInChina } from '../../../shared/registry/normalise';
import type { Actor } from '../../actor';
import { ManualClock } from '../../clock';
import type { AppContext } from '../../context';
import { PNG_PIXEL } from './evidence/sample';
import * as keylist from './keylist/service';
import * as reports from './reports/service';
import * as sql from './reports/queries';

/**
 * Demo infringement reports across the counties, in every state of their handling (all synthetic:
 * names, phones and firms are made up). Each step is taken on its own day, as officers would.
 */
interface DemoReport {
  daysAgo: number;
  rightKind: RightKind;
  rightRef?: string;
  subject: string;
  infringer?: string;
  address: string;
  lng?: number;
  lat?: number;
  description: string;
  reporter?: { name: string; phone: string };
  photo?: boolean;
  /** Steps after receipt: [days after receipt, step]. */
  steps: Array<[number, Step]>;
}

type Step =
  | { do: 'accept'; by: string; areaCode?: string }
  | { do: 'reject'; by: string; reason: string }
  | { do: 'investigate'; by: string }
  | { do: 'conclude'; by: string; violation: boolean; caseValue?: number; decisionNo?: string; conclusion: string }
  | { do: 'propose'; by: string; level: number }
  | { do: 'approve'; by: string }
  | { do: 'claim' }
  | { do: 'pay'; by: string; paidRef: string };

const DEMO_REPORTS: DemoReport[] = [
  {
    daysAgo: 75,
    rightKind: 'gi',
    rightRef: '信阳毛尖',
    subject: '冒用“信阳毛尖”地理标志专用标志的外地绿茶',
    infringer: '固始县某茶叶批发部（演示）',
    address: '河南省信阳市固始县史河湾茶叶市场A区12号',
    lng: 115.6543,
    lat: 32.1687,
    description: '该批发部销售的散装绿茶包装印有地理标志专用标志，商家自称茶叶产自外省，不在核准使用企业名单内。附现场照片。',
    reporter: { name: '陈建华', phone: '13903760001' },
    photo: true,
    steps: [
      [1, { do: 'accept', by: 'gushi' }],
      [2, { do: 'investigate', by: 'gushi' }],
      [28, { do: 'conclude', by: 'gushi', violation: true, caseValue: 86000, decisionNo: '固市监处罚〔2026〕41号', conclusion: '经查属实，没收侵权茶叶 312 千克，并处罚款。' }],
      [30, { do: 'propose', by: 'gushi', level: 2 }],
      [33, { do: 'approve', by: 'city' }],
      [40, { do: 'claim' }],
      [45, { do: 'pay', by: 'gushi', paidRef: '固财支〔2026〕0917' }],
    ],
  },
  {
    daysAgo: 40,
    rightKind: 'trademark',
    rightRef: '第1234567号 羚锐',
    subject: '假冒“羚锐”注册商标的通络祛痛膏',
    infringer: '固始县某大药房（演示）',
    address: '河南省信阳市固始县蓼城大道168号',
    description: '药房柜台销售的膏药外包装与正品相似但批号格式不同、价格明显偏低，疑为假冒注册商标商品。',
    steps: [
      [3, { do: 'accept', by: 'gushi' }],
      [5, { do: 'investigate', by: 'gushi' }],
    ],
  },
  {
    daysAgo: 26,
    rightKind: 'gi',
    rightRef: '固始鸡',
    subject: '普通肉鸡冒充“固始鸡”地理标志产品销售',
    infringer: '固始县某禽业经营部（演示）',
    address: '河南省信阳市固始县番城街道农贸市场',
    description: '经营部将外购白羽肉鸡以“正宗固始鸡”名义销售，并使用固始鸡地理标志字样。',
    reporter: { name: '刘芳', phone: '13903760002' },
    steps: [],
  },
  {
    daysAgo: 9,
    rightKind: 'patent',
    rightRef: 'ZL 2019 1 0000000.0',
    subject: '仿制膨胀珍珠岩保温板生产工艺',
    infringer: '上天梯某建材厂（演示）',
    address: '河南省信阳市上天梯非金属矿管理区工业园',
    description: '该厂生产的保温板与本公司专利产品结构、配比一致，疑似实施了本公司发明专利。',
    reporter: { name: '王强', phone: '13903760003' },
    steps: [],
  },
  {
    daysAgo: 60,
    rightKind: 'copyright',
    subject: '盗版教辅图书',
    infringer: '罗山县某书店（演示）',
    address: '河南省信阳市罗山县城关镇宝城路',
    description: '书店销售的教辅图书纸张粗糙、印刷模糊，疑为盗版。',
    steps: [[2, { do: 'reject', by: 'city', reason: '著作权侵权由版权行政管理部门处理，已告知举报人向市版权局反映。' }]],
  },
  {
    daysAgo: 50,
    rightKind: 'trademark',
    rightRef: '光山羽绒',
    subject: '使用“光山羽绒”集体商标的羽绒服',
    infringer: '光山县某服装加工厂（演示）',
    address: '河南省信阳市光山县弦山街道羽绒工业园',
    description: '加工厂生产的羽绒服吊牌使用“光山羽绒”字样，怀疑未经许可使用集体商标。',
    reporter: { name: '赵敏', phone: '13903760004' },
    steps: [
      [2, { do: 'accept', by: 'city' }],
      [4, { do: 'investigate', by: 'city' }],
      [35, { do: 'conclude', by: 'city', violation: false, conclusion: '经核查，该厂为光山羽绒集体商标成员单位，使用行为合法，不构成侵权。' }],
    ],
  },
  {
    daysAgo: 100,
    rightKind: 'gi',
    rightRef: '信阳毛尖',
    subject: '网店销售“信阳毛尖”礼盒，实为外地茶叶',
    infringer: '某网店（演示）',
    address: '河南省信阳市固始县秀水街道（网店登记地址）',
    description: '网店宣传“信阳毛尖核心产区”，收货后发现茶叶外形、香气与信阳毛尖差异明显，包装无生产许可信息。',
    reporter: { name: '孙丽', phone: '13903760005' },
    steps: [
      [2, { do: 'accept', by: 'gushi' }],
      [3, { do: 'investigate', by: 'gushi' }],
      [60, { do: 'conclude', by: 'gushi', violation: true, caseValue: 152000, decisionNo: '固市监处罚〔2026〕17号', conclusion: '经查属实，责令停止销售，没收违法所得并处罚款。' }],
      [62, { do: 'propose', by: 'gushi', level: 1 }],
      [64, { do: 'approve', by: 'city' }],
    ],
  },
  {
    daysAgo: 4,
    rightKind: 'trademark',
    subject: '网络直播间销售的“信阳红”红茶疑为假冒',
    address: '信阳市（直播间，地址不详）',
    description: '某直播间以极低价格销售“信阳红”红茶，包装与正品不同。附直播截图。',
    photo: true,
    steps: [],
  },
  {
    daysAgo: 120,
    rightKind: 'trademark',
    rightRef: '新县山茶油',
    subject: '掺混其他植物油冒充“新县山茶油”',
    infringer: '新县某粮油店（演示）',
    address: '河南省信阳市新县新集镇将军路',
    description: '店内散装“新县山茶油”价格仅为市场价三成，疑掺混其他食用油。',
    steps: [
      [3, { do: 'accept', by: 'city' }],
      [5, { do: 'investigate', by: 'city' }],
    ],
  },
];

/** Seeds the demo reports and key-list applications; returns how many of each. */
export async function seedProtectionDemo(ctx: AppContext): Promise<{ infringementReports: number; keyListEntries: number }> {
  const today = todayInChina(ctx.clock.now().getTime());
  const users = await ctx.db.query<{ id: string; username: string; org_id: string; roles: string[]; area_scope: string }>(
    "SELECT id, username, org_id, roles, area_scope FROM users WHERE username IN ('city', 'gushi')",
  );
  const actorOf = (username: string): Actor => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo account ${username} missing`);
    return { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null };
  };
  const visitor: Actor = { kind: 'anonymous', id: null, name: null, orgId: null, roles: [], scope: '411500', ip: null };
  const at = (day: string, hour: number) => ({ ...ctx, clock: new ManualClock(`${day}T${String(hour).padStart(2, '0')}:30:00+08:00`) });

  // In the order they came in, so that reference numbers follow the dates.
  const inOrder = [...DEMO_REPORTS].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const [i, d] of inOrder.entries()) {
    const received = addDays(today, -d.daysAgo);
    const c0 = at(received, 9 + (i % 8));
    const created = await c0.db.tx((tx) =>
      reports.createReport(
        c0,
        tx,
        visitor,
        {
          rightKind: d.rightKind,
          rightRef: d.rightRef,
          subject: d.subject,
          infringer: d.infringer,
          address: d.address,
          lng: d.lng,
          lat: d.lat,
          description: `${d.description}（演示数据）`,
          anonymous: !d.reporter,
          reporter: d.reporter,
          files: [],
        },
        { isDemo: true },
      ),
    );
    const id = created.id;
    if (d.photo) await reports.attachFile(c0, actorOf('city'), id, { source: Readable.from([PNG_PIXEL]), fileName: '现场照片（演示）.png' });
    for (const [after, s] of d.steps) {
      const c = at(addDays(received, after), 10);
      if (s.do === 'accept') await reports.accept(c, actorOf(s.by), id, { areaCode: s.areaCode, note: undefined });
      else if (s.do === 'reject') await reports.reject(c, actorOf(s.by), id, { reason: s.reason });
      else if (s.do === 'investigate') await reports.investigate(c, actorOf(s.by), id, { note: undefined });
      else if (s.do === 'conclude') await reports.conclude(c, actorOf(s.by), id, { violation: s.violation, caseValue: s.caseValue, decisionNo: s.decisionNo, conclusion: s.conclusion });
      else if (s.do === 'propose') await reports.proposeReward(c, actorOf(s.by), id, { level: s.level, note: undefined });
      else if (s.do === 'approve') await reports.approveReward(c, actorOf(s.by), id);
      else if (s.do === 'pay') await reports.payReward(c, actorOf(s.by), id, { paidRef: s.paidRef });
      else if (s.do === 'claim') {
        await c.db.tx(async (tx) => {
          const row = await sql.reportById(tx, null, id, true);
          if (!row) throw new Error('demo report vanished');
          await reports.recordClaim(c, tx, visitor, row, { name: d.reporter?.name ?? '演示领奖人', idNumber: '11010519491231002X', phone: d.reporter?.phone ?? '13903760009', bank: '中国银行信阳分行', account: '6216610200000000001' });
        });
      }
    }
  }
  return { infringementReports: DEMO_REPORTS.length, keyListEntries: await seedKeyList(ctx, actorOf) };
}

/**
 * Key-list applications of the demo firms that have rights in the register: one listed, one with
 * its county desk, one with the city office. 羚锐 is left to apply itself.
 */
async function seedKeyList(ctx: AppContext, officer: (username: string) => Actor): Promise<number> {
  const firms = await ctx.db.query<{ id: string; name: string }>(
    `SELECT o.id, o.name FROM organisations o WHERE o.kind = 'enterprise' AND o.is_demo AND o.name <> '河南羚锐制药股份有限公司'
        AND EXISTS (SELECT 1 FROM holders h WHERE h.uscc = o.uscc) ORDER BY o.name`,
  );
  const plans: Record<string, { industry: string; reasons: string; steps: Array<'county' | 'approve'> }> = {
    固始县皇姑山食品有限公司: { industry: '食品加工', reasons: '“皇姑山”商标产品在外地市场多次出现仿冒，申请列入重点关注名录。（演示数据）', steps: ['county', 'approve'] },
    河南上天梯珍珠岩新材料有限公司: { industry: '新材料（非金属矿）', reasons: '膨胀珍珠岩保温材料核心专利被同行仿制，申请重点保护。（演示数据）', steps: [] },
    信阳浉河云雾茶业有限公司: { industry: '茶叶（信阳毛尖）', reasons: '茶叶加工专利与商标遭网店冒用，申请重点保护。（演示数据）', steps: ['county'] },
  };
  let n = 0;
  for (const f of firms) {
    const plan = plans[f.name];
    if (!plan) continue;
    const firm: Actor = { kind: 'user', id: null, name: `${f.name}（演示）`, orgId: f.id, roles: ['enterprise'], scope: '411500', ip: null };
    const candidates = (await keylist.mine(ctx, firm)).candidates;
    const chosen = [...candidates].sort((a, b) => Number(b.status === 'valid' || b.status === 'registered') - Number(a.status === 'valid' || a.status === 'registered')).slice(0, 3);
    if (chosen.length === 0) continue;
    const entry = await keylist.apply(ctx, firm, { industry: plan.industry, reasons: plan.reasons, contactName: '张经理', contactPhone: '13903760010', rights: chosen.map((r) => ({ type: r.type, id: r.id })) }, { isDemo: true });
    for (const s of plan.steps) {
      if (s === 'county') await keylist.countyPass(ctx, entry.areaCode === '411525' ? officer('gushi') : officer('city'), entry.id, '企业情况属实（演示）');
      else await keylist.approve(ctx, officer('city'), entry.id, '列入重点关注名录（演示）');
    }
    n++;
  }
  return n;
}
