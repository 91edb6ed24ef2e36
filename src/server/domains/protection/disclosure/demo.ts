import { Readable } from 'node:stream';
import { addDays } from '../../../../shared/insight/fees';
import type { DecisionKind } from '../../../../shared/protection/disclosure';
import { todayInChina } from '../../../../shared/registry/normalise';
import { computeIdCheck, computeUsccCheck } from '../../../../shared/validators';
import type { Actor } from '../../../actor';
import { ManualClock } from '../../../clock';
import type { AppContext } from '../../../context';
import { PNG_PIXEL } from '../evidence/sample';
import type { CreateBody } from './schema';
import * as service from './service';

/** A small well-formed PDF, standing in for a signed legal-review form. */
const REVIEW_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

// Synthetic identifiers with valid check characters; no real person or firm has them on purpose.
const uscc = (first17: string) => first17 + computeUsccCheck(first17);
const idNo = (first17: string) => first17 + computeIdCheck(first17);

type Party = CreateBody['party'];

interface DemoDecision {
  by: string;
  decisionNo: string;
  /** Link to the demo infringement report that found this decision. */
  fromReport?: boolean;
  daysAgo: number;
  kinds: DecisionKind[];
  party: Party;
  facts: string;
  provisions: string;
  basis: string;
  penalty: string;
  fineAmount?: number;
  confiscatedAmount?: number;
  authority: string;
  areaCode: string;
  /** Days after the decision each step is taken; a step left out is not taken. */
  reviewed?: { reviewer: string; unit: string; opinion: string };
  publishedAfter?: number;
  withdrawn?: { after: number; reason: string };
  photos?: number;
}

const TEA_BASIS = '《中华人民共和国商标法》第六十条第二款';

const DEMO_DECISIONS: DemoDecision[] = [
  {
    by: 'gushi',
    decisionNo: '固市监处罚〔2026〕41号',
    fromReport: true,
    daysAgo: 47,
    kinds: ['order_stop', 'fine', 'confiscate_gains', 'confiscate_goods'],
    party: { kind: 'natural_person', name: '刘建军', idNumber: idNo('41152519800315001'), phone: '13903760021', address: '河南省信阳市固始县城关镇蓼城大道168号院3号楼2单元501室' },
    facts:
      '经查，当事人刘建军（身份证号码411525198003150011，联系电话13903760021）自2026年7月起在固始县史河湾茶叶市场经营茶叶批发，将外省购进的散装绿茶分装后使用印有“信阳毛尖”地理标志专用标志的包装销售，当事人不在“信阳毛尖”地理标志专用标志核准使用企业名单内。现场查获侵权茶叶312千克，违法经营额86000元，违法所得26000元。当事人家住河南省信阳市固始县城关镇蓼城大道168号院3号楼2单元501室。（演示数据）',
    provisions: '《中华人民共和国商标法》第五十七条第（一）项、第十六条',
    basis: TEA_BASIS,
    penalty: '1. 责令立即停止侵权行为；2. 没收侵权茶叶312千克；3. 没收违法所得26000元；4. 罚款60000元。',
    fineAmount: 60000,
    confiscatedAmount: 26000,
    authority: '固始县市场监督管理局',
    areaCode: '411525',
    reviewed: { reviewer: '黄志远', unit: '固始县市场监督管理局法制股', opinion: '事实清楚，证据确凿，适用法律正确，程序合法，处罚适当，同意作出处罚决定。' },
    publishedAfter: 2,
    photos: 2,
  },
  {
    by: 'gushi',
    decisionNo: '固市监处罚〔2026〕17号',
    fromReport: true,
    daysAgo: 40,
    kinds: ['order_stop', 'fine', 'confiscate_gains'],
    party: { kind: 'organisation', name: '固始县茗香电子商务有限公司（演示）', uscc: uscc('91411525MA9GK3L2P'), address: '河南省信阳市固始县秀水街道电商产业园2号楼' },
    facts: '当事人在其开设的网店中以“信阳毛尖核心产区”名义销售外地茶叶礼盒，包装使用“信阳毛尖”地理标志专用标志，违法经营额152000元，违法所得52000元。（演示数据）',
    provisions: '《中华人民共和国商标法》第五十七条第（一）项',
    basis: TEA_BASIS,
    penalty: '1. 责令立即停止侵权行为；2. 没收违法所得52000元；3. 罚款100000元。',
    fineAmount: 100000,
    confiscatedAmount: 52000,
    authority: '固始县市场监督管理局',
    areaCode: '411525',
    reviewed: { reviewer: '黄志远', unit: '固始县市场监督管理局法制股', opinion: '同意。' },
    publishedAfter: 3,
    photos: 1,
  },
  {
    by: 'city',
    decisionNo: '浉市监处罚〔2026〕12号',
    daysAgo: 30,
    kinds: ['warning', 'order_stop'],
    party: { kind: 'organisation', name: '信阳市浉河区春茗茶行（演示）', uscc: uscc('92411502MA9HX7R4Q'), address: '河南省信阳市浉河区茶城路茶叶市场8号' },
    facts: '当事人销售的绿茶包装使用与“信阳毛尖”相近的“信阳毛峰尖”字样，容易导致混淆。当事人系初次违法，危害后果轻微，并已及时改正。经营者：陈丽华。（演示数据）',
    provisions: '《中华人民共和国商标法》第五十七条第（二）项',
    basis: '《中华人民共和国行政处罚法》第三十二条第（一）项、《中华人民共和国商标法》第六十条第二款',
    penalty: '1. 警告；2. 责令立即停止侵权行为。',
    authority: '信阳市浉河区市场监督管理局',
    areaCode: '411502',
    reviewed: { reviewer: '孟晓东', unit: '信阳市浉河区市场监督管理局法制股', opinion: '从轻处罚理由充分，同意。' },
    publishedAfter: 4,
  },
  {
    by: 'gushi',
    decisionNo: '固市监处罚〔2026〕33号',
    daysAgo: 60,
    kinds: ['fine'],
    party: { kind: 'organisation', name: '固始县丰源禽业有限公司（演示）', uscc: uscc('91411525MA9FT2W6N'), address: '河南省信阳市固始县番城街道工业大道18号' },
    facts: '当事人在其生产的冻鸡产品包装上使用“固始鸡”字样，经营额32000元。（演示数据）',
    provisions: '《中华人民共和国商标法》第五十七条第（一）项',
    basis: '《中华人民共和国商标法》第六十条第二款',
    penalty: '罚款30000元。',
    fineAmount: 30000,
    authority: '固始县市场监督管理局',
    areaCode: '411525',
    reviewed: { reviewer: '黄志远', unit: '固始县市场监督管理局法制股', opinion: '同意。' },
    publishedAfter: 5,
    withdrawn: { after: 35, reason: '当事人申请行政复议，信阳市市场监督管理局复议决定撤销原处罚决定，责令重新调查处理。（演示数据）' },
  },
  {
    by: 'city',
    decisionNo: '信市监处罚〔2026〕9号',
    daysAgo: 8,
    kinds: ['order_stop', 'confiscate_goods', 'fine'],
    party: { kind: 'organisation', name: '信阳市恒印包装制品有限公司（演示）', uscc: uscc('91411500MA9JQ5D8K'), address: '河南省信阳市羊山新区工业园区新二十四大道' },
    facts: '当事人未经许可印制带有“信阳毛尖”地理标志专用标志的茶叶包装盒，现场查获成品包装盒4600个。（演示数据）',
    provisions: '《中华人民共和国商标法》第五十七条第（四）项',
    basis: '《中华人民共和国商标法》第六十条第二款',
    penalty: '1. 责令立即停止侵权行为；2. 没收侵权包装盒4600个及印版；3. 罚款45000元。',
    fineAmount: 45000,
    authority: '信阳市市场监督管理局',
    areaCode: '411500',
    reviewed: { reviewer: '杜晓光', unit: '信阳市市场监督管理局法规科', opinion: '事实清楚，证据充分，同意。' },
    photos: 1,
  },
  {
    by: 'gushi',
    decisionNo: '固市监处罚〔2026〕58号',
    daysAgo: 15,
    kinds: ['order_stop', 'fine', 'confiscate_goods'],
    party: { kind: 'natural_person', name: '王德明', idNumber: idNo('41152519750608002'), phone: '13903760022', address: '河南省信阳市固始县陈淋子镇王楼村3组' },
    facts: '当事人王德明在固始县陈淋子镇集市将普通肉鸡以“正宗固始鸡”名义销售，并使用印有“固始鸡”地理标志字样的包装袋，现场查获包装袋1200个。（演示数据）',
    provisions: '《中华人民共和国商标法》第五十七条第（一）项',
    basis: '《中华人民共和国商标法》第六十条第二款',
    penalty: '1. 责令立即停止侵权行为；2. 没收侵权包装袋1200个；3. 罚款8000元。',
    fineAmount: 8000,
    authority: '固始县市场监督管理局',
    areaCode: '411525',
  },
];

/**
 * Demo penalty decisions (all synthetic: names, ID numbers, phones and firms are made up) in
 * every state: published from concluded reports, published and later withdrawn, reviewed and
 * waiting, and one draft left past its due date. Each step is taken on its own day.
 */
export async function seedDisclosureDemo(ctx: AppContext): Promise<{ enforcementDecisions: number }> {
  const today = todayInChina(ctx.clock.now().getTime());
  const users = await ctx.db.query<{ id: string; username: string; org_id: string; roles: string[]; area_scope: string }>(
    "SELECT id, username, org_id, roles, area_scope FROM users WHERE username IN ('city', 'gushi')",
  );
  const actorOf = (username: string): Actor => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo account ${username} missing`);
    return { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null };
  };
  const at = (day: string, hour: number): AppContext => ({ ...ctx, clock: new ManualClock(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`) });

  for (const d of [...DEMO_DECISIONS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const actor = actorOf(d.by);
    const decided = addDays(today, -d.daysAgo);
    const c = at(decided, 16);
    const [report] = d.fromReport ? await ctx.db.query<{ id: number }>('SELECT id::int AS id FROM infringement_reports WHERE decision_no = $1 AND is_demo', [d.decisionNo]) : [];
    const created = await service.create(
      c,
      actor,
      {
        decisionNo: d.decisionNo,
        kinds: d.kinds,
        party: d.party,
        facts: d.facts,
        provisions: d.provisions,
        basis: d.basis,
        penalty: d.penalty,
        fineAmount: d.fineAmount,
        confiscatedAmount: d.confiscatedAmount,
        decidedOn: decided,
        authority: d.authority,
        areaCode: d.areaCode,
        reportId: report?.id,
      },
      { isDemo: true },
    );
    const id = created.id;
    for (let i = 0; i < (d.photos ?? 0); i++) {
      await service.attachFile(c, actor, id, 'process', { source: Readable.from([PNG_PIXEL]), fileName: `现场检查照片${i + 1}（演示）.png` });
    }
    if (!d.reviewed) continue;
    const withReview = await service.attachFile(c, actor, id, 'review', { source: Readable.from([REVIEW_PDF]), fileName: '重大执法决定法制审核意见书（演示）.pdf' });
    const fileId = withReview.files.find((f) => f.category === 'review')?.id as number;
    await service.review(c, actor, id, { ...d.reviewed, reviewedOn: decided, fileId });
    if (d.publishedAfter === undefined) continue;
    const p = at(addDays(decided, d.publishedAfter), 10);
    const { digest } = await service.preview(p, actor, id);
    await service.publish(p, actor, id, digest);
    if (d.withdrawn) await service.withdraw(at(addDays(decided, d.withdrawn.after), 11), actor, id, d.withdrawn.reason);
  }
  return { enforcementDecisions: DEMO_DECISIONS.length };
}
