import { Readable } from 'node:stream';
import { addDays } from '../../../../shared/insight/fees';
import type { RightKind } from '../../../../shared/protection/reports';
import { todayInChina } from '../../../../shared/registry/normalise';
import type { Actor } from '../../../actor';
import { ManualClock } from '../../../clock';
import type { AppContext } from '../../../context';
import * as directory from './bodies/service';
import type * as schema from './schema';
import * as service from './service';

/**
 * Demo directory and cases of 维权援助与调解. 信阳仲裁委员会 is a real body (no contact details are
 * given for it); the other bodies, every mediator, party, phone and case are invented and marked so.
 */
const BODIES: Array<{ key: string; body: Parameters<typeof directory.createBody>[2]; synthetic: boolean; mediators: Parameters<typeof directory.createMediator>[3][] }> = [
  {
    key: 'city',
    synthetic: true,
    body: {
      name: '信阳市知识产权纠纷人民调解委员会',
      kind: 'mediation',
      areaCode: '411500',
      address: '河南省信阳市羊山新区新七大道（演示地址）',
      phone: '0376-0000001',
      scope: '专利、商标、著作权、地理标志等知识产权纠纷的人民调解；承接人民法院委派、委托的诉前调解。（演示数据）',
      active: true,
    },
    mediators: [
      { name: '陈立群', title: '专职调解员、专利代理师', specialities: ['patent', 'trade_secret'], phone: '13903760101', active: true },
      { name: '刘晓燕', title: '兼职调解员、律师', specialities: ['trademark', 'copyright'], phone: '13903760102', active: true },
      { name: '王建设', title: '特邀调解员（退休法官）', specialities: ['patent', 'trademark', 'gi'], phone: '13903760103', active: true },
    ],
  },
  {
    key: 'gushi',
    synthetic: true,
    body: {
      name: '固始县知识产权纠纷人民调解委员会',
      kind: 'mediation',
      areaCode: '411525',
      address: '河南省信阳市固始县城关镇（演示地址）',
      phone: '0376-0000002',
      scope: '固始县辖区内商标、地理标志（固始鸡、固始萝卜等）纠纷调解。（演示数据）',
      active: true,
    },
    mediators: [{ name: '周伟', title: '人民调解员', specialities: ['trademark', 'gi'], phone: '13903760104', active: true }],
  },
  {
    key: 'tea',
    synthetic: true,
    body: {
      name: '浉河区茶产业知识产权纠纷调解工作室',
      kind: 'mediation',
      areaCode: '411502',
      address: '河南省信阳市浉河区（演示地址）',
      phone: '0376-0000003',
      scope: '信阳毛尖等茶产业商标、地理标志纠纷的行业调解。（演示数据）',
      active: true,
    },
    mediators: [{ name: '黄明远', title: '行业协会调解员', specialities: ['gi', 'trademark'], phone: '13903760105', active: true }],
  },
  {
    key: 'arbitration',
    synthetic: false,
    body: { name: '信阳仲裁委员会', kind: 'arbitration', areaCode: '411500', address: undefined, scope: '合同纠纷和其他财产权益纠纷的仲裁，含知识产权许可、转让合同纠纷。', active: true },
    mediators: [{ name: '赵仲恒', title: '仲裁员（演示）', specialities: ['patent', 'trademark'], active: true }],
  },
  {
    key: 'notary',
    synthetic: true,
    body: { name: '信阳市公证处', kind: 'notary', areaCode: '411500', address: '河南省信阳市（演示地址）', scope: '知识产权证据保全公证、调解协议公证。（演示数据）', active: true },
    mediators: [{ name: '孙雅琴', title: '公证员', specialities: ['other'], active: true }],
  },
];

/** A small, well-formed one-page PDF saying what it is: the demo's signed agreement. */
function demoAgreementPdf(ref: string): Buffer {
  const text = `Mediation agreement ${ref} (synthetic demo document)`;
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

type Party = schema.PartyBody;
const org = (name: string, address?: string): Party => ({ kind: 'org', name, uscc: undefined, contact: undefined, phone: undefined, idNumber: undefined, address });
const person = (name: string, phone: string, address?: string, idNumber?: string): Party => ({ kind: 'person', name, uscc: undefined, contact: undefined, phone, idNumber, address });

type Step =
  | { do: 'assign'; by: string; body?: string; mediator?: string }
  | { do: 'session'; by: string; inDays: number; place: string; online?: boolean }
  | { do: 'record'; by: string; minutes: string }
  | { do: 'close'; by: string; outcome: 'settled' | 'not_settled' | 'litigation'; note: string; settledAmount?: number }
  | { do: 'withdraw'; by: string; reason: string }
  | { do: 'confirm-request'; by: string }
  | { do: 'confirm-result'; by: string; rulingSeq: number };

interface DemoCase {
  daysAgo: number;
  by: string;
  source: 'court' | 'officer' | 'online' | 'firm';
  courtSeq?: number;
  kind: 'assistance' | 'mediation';
  rightKind: RightKind;
  rightRef?: string;
  claims: string;
  facts: string;
  amount?: number;
  applicants: Party[];
  respondents: Party[];
  steps: Array<[number, Step]>;
}

const CASES: DemoCase[] = [
  {
    daysAgo: 42,
    by: 'court',
    source: 'court',
    courtSeq: 318,
    kind: 'mediation',
    rightKind: 'trademark',
    rightRef: '“浉河云雾”注册商标',
    claims: '1. 被申请人停止在网店销售使用“浉河云雾”字样的茶叶；2. 赔偿经济损失及合理开支 50,000 元。',
    facts: '申请人系“浉河云雾”注册商标权利人。被申请人在电商平台开设店铺，销售包装标有“浉河云雾”字样的绿茶，与申请人商标构成近似，易使消费者混淆。经法院释明，双方同意诉前调解。（演示数据）',
    amount: 50000,
    applicants: [org('信阳浉河云雾茶业有限公司', '河南省信阳市浉河区董家河镇')],
    respondents: [person('李明辉', '13903760201', '河南省信阳市浉河区五星街道（演示）')],
    steps: [
      [1, { do: 'assign', by: 'city', body: 'city', mediator: '刘晓燕' }],
      [4, { do: 'session', by: 'city', inDays: 3, place: '市知识产权纠纷人民调解委员会第一调解室' }],
      [7, { do: 'record', by: 'city', minutes: '双方到场。被申请人承认所售茶叶包装使用了“浉河云雾”字样，同意下架并赔偿。经调解员释法说理，双方就赔偿数额达成一致。（演示数据）' }],
      [8, { do: 'close', by: 'city', outcome: 'settled', note: '被申请人即日起下架涉案商品，并于 15 日内一次性赔偿申请人 30,000 元；双方不再就此事另行主张。（演示数据）', settledAmount: 30000 }],
      [9, { do: 'confirm-request', by: 'city' }],
      [15, { do: 'confirm-result', by: 'court', rulingSeq: 41 }],
    ],
  },
  {
    daysAgo: 27,
    by: 'court',
    source: 'court',
    courtSeq: 402,
    kind: 'mediation',
    rightKind: 'gi',
    rightRef: '固始鸡',
    claims: '被申请人停止以“固始鸡”名义销售非地理标志产品，赔偿损失 20,000 元。',
    facts: '申请人为“固始鸡”地理标志证明商标注册人。被申请人在农贸市场以“正宗固始鸡”名义销售外购肉鸡。法院立案前委派调解。（演示数据）',
    amount: 20000,
    applicants: [org('固始县固始鸡产业协会（演示）', '河南省信阳市固始县城关镇')],
    respondents: [person('张国庆', '13903760202', '河南省信阳市固始县番城街道（演示）')],
    steps: [
      [2, { do: 'assign', by: 'gushi', body: 'gushi', mediator: '周伟' }],
      [6, { do: 'session', by: 'gushi', inDays: 2, place: '固始县知识产权纠纷人民调解委员会调解室' }],
      [8, { do: 'record', by: 'gushi', minutes: '首次调解，双方对赔偿数额分歧较大，约定下次调解前由被申请人提供进货凭证。（演示数据）' }],
      [20, { do: 'session', by: 'gushi', inDays: 9, place: '固始县知识产权纠纷人民调解委员会调解室' }],
    ],
  },
  {
    daysAgo: 65,
    by: 'city',
    source: 'officer',
    kind: 'mediation',
    rightKind: 'patent',
    rightRef: '膨胀珍珠岩保温板制备方法',
    claims: '被申请人停止实施涉案专利，赔偿损失 300,000 元。',
    facts: '申请人通过 12330 热线求助，称上天梯某建材厂仿制其专利产品。经调解，被申请人否认侵权，双方未能达成协议，申请人拟向法院起诉。（演示数据）',
    amount: 300000,
    applicants: [org('河南上天梯珍珠岩新材料有限公司', '河南省信阳市上天梯非金属矿管理区')],
    respondents: [org('上天梯某建材厂（演示）', '河南省信阳市上天梯非金属矿管理区工业园')],
    steps: [
      [2, { do: 'assign', by: 'city', body: 'city', mediator: '陈立群' }],
      [5, { do: 'session', by: 'city', inDays: 4, place: '线上调解（腾讯会议，演示）', online: true }],
      [9, { do: 'record', by: 'city', minutes: '被申请人认为其工艺与涉案专利不同，不同意赔偿。调解员建议双方委托技术鉴定，被申请人拒绝。（演示数据）' }],
      [20, { do: 'close', by: 'city', outcome: 'litigation', note: '调解不成，申请人向信阳市中级人民法院起诉，已告知诉讼途径并移交调解材料。（演示数据）' }],
    ],
  },
  {
    daysAgo: 12,
    by: 'lingrui',
    source: 'firm',
    kind: 'assistance',
    rightKind: 'trademark',
    rightRef: '“羚锐”注册商标',
    claims: '请求协助调查外地网店销售假冒“羚锐”膏药的线索，并指导企业维权取证。',
    facts: '公司发现多家网店以明显低于市场的价格销售标有“羚锐”商标的通络祛痛膏，疑为假冒。请求维权援助中心提供维权指导。（演示数据）',
    applicants: [],
    respondents: [org('某网店经营者（演示，身份待查）')],
    steps: [
      [1, { do: 'assign', by: 'city' }],
      [3, { do: 'session', by: 'city', inDays: 16, place: '市知识产权局维权援助中心（当面指导，演示）' }],
    ],
  },
  {
    daysAgo: 2,
    by: 'visitor',
    source: 'online',
    kind: 'mediation',
    rightKind: 'copyright',
    rightRef: '摄影作品《南湾湖晨雾》',
    claims: '请求调解：被申请人在其茶叶包装上使用申请人的摄影作品，要求署名并支付使用费。',
    facts: '申请人为摄影爱好者，其作品发表于个人公众号。近日发现固始县某茶叶店茶叶礼盒印有该作品，未经许可亦未署名。（演示数据）',
    amount: 8000,
    applicants: [person('王思远', '13903760203', '河南省信阳市固始县秀水街道（演示）', '11010519491231002X')],
    respondents: [org('固始县某茶叶店（演示）', '河南省信阳市固始县蓼城大道')],
    steps: [],
  },
  {
    daysAgo: 9,
    by: 'visitor',
    source: 'online',
    kind: 'assistance',
    rightKind: 'gi',
    rightRef: '信阳毛尖',
    claims: '请求维权援助：本人销售的信阳毛尖被他人仿冒包装，如何取证和维权？',
    facts: '本人在浉河区经营茶叶店，发现周边店铺使用与本店相同的包装设计销售外地茶叶。（演示数据）',
    applicants: [person('刘春梅', '13903760204', '河南省信阳市浉河区湖东街道（演示）')],
    respondents: [org('浉河区某茶行（演示）', '河南省信阳市浉河区')],
    steps: [],
  },
  {
    daysAgo: 33,
    by: 'city',
    source: 'officer',
    kind: 'mediation',
    rightKind: 'trademark',
    rightRef: '“皇姑山”注册商标',
    claims: '被申请人停止使用近似商标。',
    facts: '申请人来电称被申请人使用近似商标。受理后申请人表示双方已自行和解，申请撤回。（演示数据）',
    applicants: [org('固始县皇姑山食品有限公司', '河南省信阳市固始县城关镇')],
    respondents: [org('某食品商行（演示）', '河南省信阳市固始县')],
    steps: [
      [2, { do: 'assign', by: 'gushi', body: 'gushi', mediator: '周伟' }],
      [6, { do: 'withdraw', by: 'gushi', reason: '双方已自行和解，申请人书面申请撤回。（演示数据）' }],
    ],
  },
];

/** Seeds the demo directory and cases; returns how many of each. */
export async function seedMediationDemo(ctx: AppContext): Promise<{ mediationBodies: number; mediationCases: number }> {
  const today = todayInChina(ctx.clock.now().getTime());
  const users = await ctx.db.query<{ id: string; username: string; org_id: string; roles: string[]; area_scope: string }>(
    "SELECT id, username, org_id, roles, area_scope FROM users WHERE username IN ('city', 'gushi', 'court', 'lingrui')",
  );
  const actorOf = (username: string): Actor => {
    if (username === 'visitor') return { kind: 'anonymous', id: null, name: null, orgId: null, roles: [], scope: '411500', ip: null };
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo account ${username} missing`);
    return { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null };
  };
  const at = (day: string, hour: number): AppContext => ({ ...ctx, clock: new ManualClock(`${day}T${String(hour).padStart(2, '0')}:30:00+08:00`) });

  const bodyIds = new Map<string, number>();
  const mediatorIds = new Map<string, number>();
  const start = at(addDays(today, -90), 9);
  for (const b of BODIES) {
    let view = await directory.createBody(start, actorOf('city'), b.body, { synthetic: b.synthetic, isDemo: true });
    for (const m of b.mediators) view = await directory.createMediator(start, actorOf('city'), view.id, m, { synthetic: true, isDemo: true });
    bodyIds.set(b.key, view.id);
    for (const m of view.mediators) mediatorIds.set(m.name, m.id);
  }

  // In the order they came in, so that reference numbers follow the dates.
  for (const [i, d] of [...CASES].sort((a, b) => b.daysAgo - a.daysAgo).entries()) {
    const received = addDays(today, -d.daysAgo);
    const c0 = at(received, 9 + (i % 7));
    const actor = actorOf(d.by);
    const core = { kind: d.kind, rightKind: d.rightKind, rightRef: d.rightRef, claims: d.claims, facts: d.facts, amount: d.amount, areaCode: undefined, respondents: d.respondents };
    let id: number;
    if (d.source === 'court') {
      id = (await service.refer(c0, actor, { ...core, kind: 'mediation', applicants: d.applicants, courtCaseNo: `（${received.slice(0, 4)}）豫15民诉前调${d.courtSeq ?? 1}号`, judge: '郑法官' })).id;
    } else if (d.source === 'firm') {
      id = (await service.apply(c0, actor, { ...core, contactName: '王晓峰', contactPhone: '13903760210', files: [] })).id;
    } else if (d.source === 'online') {
      id = (await c0.db.tx((tx) => service.createCase(c0, tx, actor, { ...core, applicants: d.applicants, source: 'online', isDemo: true }))).id;
    } else {
      id = (await service.createByOfficer(c0, actor, { ...core, applicants: d.applicants })).id;
    }
    await ctx.db.query('UPDATE mediation_cases SET is_demo = true WHERE id = $1', [id]);
    for (const [after, s] of d.steps) {
      const c = at(addDays(received, after), 10);
      const by = actorOf(s.by);
      if (s.do === 'assign') {
        await service.assign(c, by, id, { bodyId: s.body ? bodyIds.get(s.body) : undefined, mediatorId: s.mediator ? mediatorIds.get(s.mediator) : undefined, note: undefined });
      } else if (s.do === 'session') {
        const when = `${addDays(received, after + s.inDays)}T09:30:00+08:00`;
        await service.schedule(c, by, id, { scheduledAt: when, online: s.online ?? false, place: s.place, attendees: '申请人、被申请人（演示）' });
      } else if (s.do === 'record') {
        const detail = await service.getCase(c, by, id);
        const open = detail.sessions.find((x) => x.status === 'scheduled');
        if (!open) throw new Error('demo session missing');
        await service.recordSession(c, by, id, open.id, { minutes: s.minutes, attendees: undefined, heldAt: undefined });
      } else if (s.do === 'close') {
        let agreementFileId: number | undefined;
        if (s.outcome === 'settled') {
          const ref = (await service.getCase(c, by, id)).ref;
          const withFile = await service.attachFile(c, by, id, { source: Readable.from([demoAgreementPdf(ref)]), fileName: `调解协议书-${ref}（演示）.pdf` }, { purpose: 'agreement' });
          agreementFileId = withFile.files.find((f) => f.purpose === 'agreement')?.id;
        }
        await service.close(c, by, id, { outcome: s.outcome, note: s.note, agreementFileId, settledAmount: s.settledAmount, courtOrgId: s.outcome === 'litigation' ? (await courtId(ctx)) : undefined });
      } else if (s.do === 'withdraw') {
        await service.withdraw(c, by, id, { reason: s.reason });
      } else if (s.do === 'confirm-request') {
        await service.requestConfirmation(c, by, id, { note: '双方共同申请司法确认。（演示数据）' });
      } else if (s.do === 'confirm-result') {
        await service.recordConfirmation(c, by, id, { confirmed: true, rulingNo: `（${received.slice(0, 4)}）豫15民特${s.rulingSeq}号`, decidedOn: addDays(received, after), note: '裁定调解协议有效。（演示数据）' });
      }
    }
  }
  return { mediationBodies: BODIES.length, mediationCases: CASES.length };
}

async function courtId(ctx: AppContext): Promise<string | undefined> {
  const [row] = await ctx.db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE name = '信阳市中级人民法院'");
  return row?.id;
}
