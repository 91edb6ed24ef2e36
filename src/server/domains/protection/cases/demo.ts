import { addDays } from '../../../../shared/insight/fees';
import { formatApplicationNumber } from '../../../../shared/validators';
import { todayInChina } from '../../../../shared/registry/normalise';
import type { Actor } from '../../../actor';
import { ManualClock } from '../../../clock';
import type { AppContext } from '../../../context';
import type { z } from 'zod';
import * as schema from './schema';
import * as service from './service';

/**
 * Demo shared cases: the court's civil and criminal IP cases, the procuratorate's record of one of
 * them (the same case seen twice), and the county and city offices' administrative cases, two of
 * them transferred to the police (one answered with a receipt). Parties are invented (演示).
 */
type Recorder = 'court' | 'procuratorate' | 'police' | 'gushi' | 'city';

interface DemoCase {
  by: Recorder;
  daysAgo: number;
  /** Days from filing to closing, for closed cases. */
  closedAfter?: number;
  body: Omit<z.input<typeof schema.caseBody>, 'filedOn'> & { caseNo: string };
}

const DEMO_CASES: DemoCase[] = [
  {
    by: 'court',
    daysAgo: 150,
    body: {
      caseNo: '（2026）豫15知民初45号',
      rightType: 'trademark',
      procedure: 'civil',
      cause: '侵害商标权纠纷',
      parties: [
        { role: 'plaintiff', kind: 'org', name: '信阳浉河云雾茶业有限公司' },
        { role: 'defendant', kind: 'org', name: '光山县某茶叶经营部（演示）' },
      ],
      rights: [],
      areaCode: '411522',
      stage: 'judged',
      result: '判决被告立即停止销售侵犯原告注册商标专用权的茶叶，赔偿经济损失及合理开支共计 8 万元。（演示数据）',
      amount: 80000,
    },
  },
  {
    by: 'court',
    daysAgo: 64,
    body: {
      caseNo: '（2026）豫15知民初52号',
      rightType: 'patent',
      procedure: 'civil',
      cause: '侵害实用新型专利权纠纷',
      parties: [
        { role: 'plaintiff', kind: 'org', name: '河南上天梯珍珠岩新材料有限公司' },
        { role: 'defendant', kind: 'org', name: '潢川县某保温建材有限公司（演示）' },
      ],
      rights: [],
      areaCode: '411526',
      stage: 'trial',
    },
  },
  {
    by: 'court',
    daysAgo: 210,
    body: {
      caseNo: '（2026）豫15刑初19号',
      rightType: 'trademark',
      procedure: 'criminal',
      cause: '假冒注册商标罪',
      parties: [{ role: 'suspect', kind: 'person', name: '刘德明' }],
      rights: [],
      areaCode: '411525',
      stage: 'judged',
      result: '以假冒注册商标罪判处被告人有期徒刑一年六个月，并处罚金人民币 10 万元。（演示数据）',
      amount: 100000,
    },
  },
  {
    by: 'procuratorate',
    daysAgo: 205,
    body: {
      caseNo: '(2026)豫15刑初19号',
      unit: '信阳市人民检察院第四检察部',
      rightType: 'trademark',
      procedure: 'criminal',
      cause: '假冒注册商标罪',
      parties: [{ role: 'suspect', kind: 'person', name: '刘德明' }],
      rights: [],
      areaCode: '411525',
      stage: 'trial',
      result: '已提起公诉，出庭支持公诉。（演示数据）',
    },
  },
  {
    by: 'gushi',
    daysAgo: 47,
    closedAfter: 12,
    body: {
      caseNo: '固市监处罚〔2026〕41号',
      rightType: 'gi',
      procedure: 'administrative',
      cause: '擅自使用地理标志专用标志',
      parties: [{ role: 'party', kind: 'org', name: '固始县某茶叶批发部（演示）' }],
      rights: [],
      areaCode: '411525',
      stage: 'closed',
      result: '没收侵权茶叶 312 千克，并处罚款。（演示数据）',
      amount: 86000,
    },
  },
  {
    by: 'gushi',
    daysAgo: 40,
    body: {
      caseNo: '固市监立〔2026〕57号',
      rightType: 'trademark',
      procedure: 'administrative',
      cause: '销售侵犯注册商标专用权的商品',
      parties: [{ role: 'party', kind: 'person', name: '周国庆' }],
      rights: [],
      areaCode: '411525',
      stage: 'investigating',
      result: '现场查扣假冒“羚锐”商标膏药 2,400 盒，货值约 9.6 万元。（演示数据）',
      amount: 96000,
    },
  },
  {
    by: 'police',
    daysAgo: 33,
    body: {
      caseNo: '信公（食药环）立字〔2026〕23号',
      unit: '信阳市公安局食品药品环境犯罪侦查支队',
      rightType: 'trademark',
      procedure: 'criminal',
      cause: '销售假冒注册商标的商品罪',
      parties: [{ role: 'suspect', kind: 'person', name: '周国庆' }],
      rights: [],
      areaCode: '411525',
      stage: 'investigating',
    },
  },
  {
    by: 'city',
    daysAgo: 6,
    body: {
      caseNo: '信市监立〔2026〕12号',
      rightType: 'patent',
      procedure: 'administrative',
      cause: '假冒专利',
      parties: [{ role: 'party', kind: 'org', name: '信阳市某电器销售有限公司（演示）' }],
      rights: [],
      areaCode: '411503',
      stage: 'investigating',
      result: '产品标注已失效专利号进行销售，涉案产品 1,800 台，涉嫌构成假冒专利罪。（演示数据）',
      amount: 540000,
    },
  },
];

export async function seedCasesDemo(ctx: AppContext): Promise<{ sharedCases: number }> {
  const today = todayInChina(ctx.clock.now().getTime());
  const users = await ctx.db.query<{ id: string; username: string; org_id: string; roles: string[]; area_scope: string }>(
    "SELECT id, username, org_id, roles, area_scope FROM users WHERE username IN ('court', 'police', 'gushi', 'city')",
  );
  const [procuratorate] = await ctx.db.query<{ id: string }>("SELECT id FROM organisations WHERE name = '信阳市人民检察院'");
  const actorOf = (who: Recorder): Actor => {
    if (who === 'procuratorate') return { kind: 'user', id: null, name: '信阳市人民检察院', orgId: procuratorate?.id ?? null, roles: ['partner'], scope: '411500', ip: null };
    const u = users.find((x) => x.username === who);
    if (!u) throw new Error(`demo account ${who} missing`);
    return { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null };
  };
  const on = (daysAgo: number) => ({ ...ctx, clock: new ManualClock(`${addDays(today, -daysAgo)}T10:00:00+08:00`) });

  // The patent case names a utility model of the perlite firm, when the register has one for its credit code.
  const [patent] = await ctx.db.query<{ app_no: string }>(
    `SELECT p.app_no FROM organisations o JOIN holders h ON h.uscc = o.uscc JOIN patent_holders ph ON ph.holder_id = h.id JOIN patents p ON p.id = ph.patent_id
      WHERE o.name = '河南上天梯珍珠岩新材料有限公司' AND p.visibility = 'public' ORDER BY p.app_no LIMIT 1`,
  );
  const ids = new Map<string, number>();
  for (const d of [...DEMO_CASES].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const rights = d.body.caseNo === '（2026）豫15知民初52号' && patent ? [{ type: 'patent' as const, number: formatApplicationNumber(patent.app_no) }] : (d.body.rights ?? []);
    const { detail } = await service.recordCase(on(d.daysAgo), actorOf(d.by), schema.caseBody.parse({ ...d.body, rights, filedOn: addDays(today, -d.daysAgo), closedOn: d.closedAfter === undefined ? undefined : addDays(today, d.closedAfter - d.daysAgo) }), 'form', true);
    ids.set(d.body.caseNo, detail.id);
  }

  const [police] = await ctx.db.query<{ id: string }>("SELECT id FROM organisations WHERE name = '信阳市公安局'");
  if (police) {
    const answered = await service.transferCase(on(36), actorOf('gushi'), ids.get('固市监立〔2026〕57号') as number, {
      toOrgId: police.id,
      reason: '涉案货值超过 5 万元，涉嫌销售假冒注册商标的商品罪，依法移送。',
    });
    const transfer = answered.transfers[0];
    if (transfer) {
      await service.answerTransfer(on(33), actorOf('police'), transfer.id, {
        kind: 'received',
        body: { receiptNo: '信公（食药环）受字〔2026〕23号', policeCaseNo: '信公（食药环）立字〔2026〕23号', note: '已立案侦查。' },
      });
    }
    await service.transferCase(on(1), actorOf('city'), ids.get('信市监立〔2026〕12号') as number, {
      toOrgId: police.id,
      reason: '涉案金额 54 万元，涉嫌假冒专利罪，依法移送。',
    });
  }
  return { sharedCases: DEMO_CASES.length };
}
