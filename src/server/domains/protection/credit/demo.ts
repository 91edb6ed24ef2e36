import { Readable } from 'node:stream';
import { addDays, addYears } from '../../../../shared/insight/fees';
import { todayInChina } from '../../../../shared/registry/normalise';
import { computeUsccCheck } from '../../../../shared/validators';
import type { Actor } from '../../../actor';
import { ManualClock } from '../../../clock';
import type { AppContext } from '../../../context';
import type { RecordBody } from './schema';
import * as credit from './service';

/** A one-page PDF that says what it is: the demo's stand-in for a decision document. */
function demoPdf(title: string): Buffer {
  const text = `(${title.replace(/[()\\]/g, '')}) Tj`;
  const stream = `BT /F1 14 Tf 72 760 Td ${text} 0 -24 Td (Synthetic demo decision document - not a real decision) Tj ET`;
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

/** An invented but well-formed credit code registered in the area (the demo's firms are invented too). */
const syntheticUscc = (region: string, serial: string) => {
  const body = `91${region}MA${serial}`;
  return body + computeUsccCheck(body);
};

interface DemoRecord {
  by: 'city' | 'gushi' | 'shangtianti';
  daysAgo: number;
  body: Omit<RecordBody, 'decidedOn' | 'startsOn' | 'endsOn'> & { years?: number };
  /** The subject is a demo organisation: its credit code comes from the organisations table. */
  org?: string;
  file?: string;
  steps: Array<'publish' | 'repair' | 'expire'>;
}

/**
 * A handful of 守信 and 失信 records across the counties, every one marked synthetic: invented firms
 * (名称带“演示”) or the demo's own invented firms. Some published, one awaiting repair review, one
 * ended when its period ran out, one still a draft. The key-list demo adds its 守信 record itself.
 */
export async function seedCreditDemo(ctx: AppContext): Promise<{ creditRecords: number }> {
  const today = todayInChina(ctx.clock.now().getTime());
  const year = today.slice(0, 4);
  const users = await ctx.db.query<{ id: string; username: string; org_id: string; roles: string[]; area_scope: string }>(
    "SELECT id, username, org_id, roles, area_scope FROM users WHERE username IN ('city', 'gushi', 'shangtianti', 'agency')",
  );
  const actorOf = (username: string): Actor => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo account ${username} missing`);
    return { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null };
  };
  const orgs = await ctx.db.query<{ name: string; uscc: string | null }>("SELECT name, uscc FROM organisations WHERE is_demo AND kind IN ('enterprise', 'agency')");
  const at = (day: string, hour: number) => ({ ...ctx, clock: new ManualClock(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`) });

  const RECORDS: DemoRecord[] = [
    {
      by: 'city',
      daysAgo: 820,
      body: {
        kind: 'distrust',
        category: 'bad_faith_trademark',
        severity: 'general',
        subjectName: '平桥区某商贸有限公司（演示）',
        subjectUscc: syntheticUscc('411503', '0XY0031'),
        subjectKind: 'enterprise',
        areaCode: '411503',
        legalBasis: '《中华人民共和国商标法》第四条、第六十八条；《规范商标申请注册行为若干规定》',
        decisionNo: '信市监商处〔2024〕3号',
        decisionOrg: '信阳市市场监督管理局',
        facts: '该公司不以使用为目的，大量申请注册与他人知名商标相同或近似的商标，扰乱商标注册秩序。（演示数据）',
        years: 1,
      },
      file: 'Demo decision XY-bad-faith-trademark',
      steps: ['publish', 'expire'],
    },
    {
      by: 'city',
      daysAgo: 200,
      org: '信阳浉河云雾茶业有限公司',
      body: {
        kind: 'trust',
        category: 'model_firm',
        subjectName: '信阳浉河云雾茶业有限公司',
        subjectUscc: '',
        subjectKind: 'enterprise',
        areaCode: '411502',
        legalBasis: '市级知识产权示范企业认定（演示数据）',
        decisionNo: `信知〔${year}〕12号`,
        decisionOrg: '信阳市知识产权局',
        facts: '经企业申报、县区推荐、专家评审和公示，认定为信阳市知识产权示范企业，有效期三年。（演示数据）',
        years: 3,
      },
      steps: ['publish'],
    },
    {
      by: 'city',
      daysAgo: 130,
      org: '信阳申城专利代理事务所（普通合伙）',
      body: {
        kind: 'distrust',
        category: 'agency_violation',
        severity: 'general',
        subjectName: '信阳申城专利代理事务所（普通合伙）',
        subjectUscc: '',
        subjectKind: 'agency',
        areaCode: '411502',
        legalBasis: '《专利代理条例》第二十五条；《专利代理管理办法》',
        decisionNo: `信市监知罚〔${year}〕7号`,
        decisionOrg: '信阳市市场监督管理局',
        facts: '该机构代理非正常专利申请并在申请文件中提交虚假材料，被责令改正并给予警告。（演示数据）',
        years: 1,
      },
      file: 'Demo decision XY-agency-violation',
      steps: ['publish', 'repair'],
    },
    {
      by: 'city',
      daysAgo: 100,
      body: {
        kind: 'distrust',
        category: 'abnormal_filing',
        severity: 'general',
        subjectName: '浉河区某科技咨询有限公司（演示）',
        subjectUscc: syntheticUscc('411502', '0XY0052'),
        subjectKind: 'enterprise',
        areaCode: '411502',
        legalBasis: '《规范申请专利行为的规定》（国家知识产权局令第七十七号）',
        decisionNo: `信知非正〔${year}〕3号`,
        decisionOrg: '信阳市知识产权局',
        facts: '经国家知识产权局通报，该公司提交的 36 件专利申请属于非正常专利申请，且未按期撤回。（演示数据）',
        years: 1,
      },
      file: 'Demo decision XY-abnormal-filing',
      steps: ['publish'],
    },
    {
      by: 'gushi',
      daysAgo: 45,
      body: {
        kind: 'distrust',
        category: 'repeated_infringement',
        severity: 'serious',
        subjectName: '固始县某茶叶批发部（演示）',
        subjectUscc: syntheticUscc('411525', '0XY0077'),
        subjectKind: 'enterprise',
        areaCode: '411525',
        legalBasis: '《中华人民共和国商标法》第五十七条、第六十条；《知识产权信用管理规定》',
        decisionNo: '固市监处罚〔2026〕41号',
        decisionOrg: '固始县市场监督管理局',
        facts: '两年内第二次因销售冒用“信阳毛尖”地理标志专用标志的茶叶受到行政处罚，属于重复侵权。（演示数据）',
        years: 3,
      },
      file: 'Demo decision XY-repeated-infringement',
      steps: ['publish'],
    },
    {
      by: 'shangtianti',
      daysAgo: 3,
      body: {
        kind: 'distrust',
        category: 'repeated_infringement',
        severity: 'general',
        subjectName: '上天梯某建材厂（演示）',
        subjectUscc: syntheticUscc('411500', '0XY0090'),
        subjectKind: 'enterprise',
        areaCode: 'shangtianti',
        legalBasis: '《中华人民共和国专利法》第六十五条、第六十八条',
        decisionNo: `上管市监处〔${year}〕2号`,
        decisionOrg: '上天梯非金属矿管理区管委会',
        facts: '再次仿制他人膨胀珍珠岩保温板发明专利产品并销售，经调解后仍未停止。（演示数据，草稿待核）',
        years: 1,
      },
      steps: [],
    },
  ];

  let n = 0;
  for (const d of RECORDS) {
    const decided = addDays(today, -d.daysAgo);
    const uscc = d.org ? orgs.find((o) => o.name === d.org)?.uscc : d.body.subjectUscc;
    if (!uscc) continue;
    const { years, ...rest } = d.body;
    const body: RecordBody = { ...rest, subjectUscc: uscc, decidedOn: decided, startsOn: decided, endsOn: addYears(decided, years ?? 1) };
    const c0 = at(decided, 10);
    const created = await credit.create(c0, actorOf(d.by), body, { isDemo: true });
    if (d.file) await credit.attachDecision(c0, actorOf(d.by), created.id, { source: Readable.from([demoPdf(d.file)]), fileName: `${d.body.decisionNo}（演示）.pdf` });
    for (const s of d.steps) {
      if (s === 'publish') await credit.publish(at(addDays(decided, 1), 9), actorOf(d.by), created.id);
      else if (s === 'repair') {
        await credit.applyRepair(at(addDays(today, -5), 15), actorOf('agency'), created.id, {
          reasons: '已按决定改正：撤回全部涉事申请，完成全员执业培训并建立申请前审查制度；附整改报告。（演示数据）',
          commitment: true,
          files: [],
        });
      } else if (s === 'expire') await credit.endExpired(at(addDays(body.endsOn ?? today, 1), 1));
    }
    n++;
  }
  return { creditRecords: n };
}
