import { todayInChina } from '../../../shared/registry/normalise';
import { queryTokens } from '../../../shared/search/tokenize';
import type { AppContext } from '../../context';
import { insertLandscape, insertRun } from './landscape/queries';
import { definitionOf, executeRun } from './landscape/service';
import { scanAlerts } from './watch/service';

/** The navigation projects the city would start with: its three signature industries. */
const DEMO_LANDSCAPES = [
  {
    name: '信阳毛尖茶加工专利导航',
    kind: 'industry',
    description: '信阳毛尖从鲜叶到成品的加工技术：杀青、揉捻、做形、烘干与茶饮品。（演示项目）',
    ipc: ['A23F 3/00', 'A23N 12/08'],
    keywords: ['毛尖', '信阳毛尖'],
  },
  {
    name: '上天梯非金属矿产业专利导航',
    kind: 'regional',
    description: '上天梯非金属矿管理区珍珠岩、膨润土、沸石的开采、加工与新材料应用。（演示项目）',
    ipc: ['C04B 14/00', 'C04B 20/00', 'C01B 33/40', 'C01B 39/02'],
    keywords: ['珍珠岩', '膨润土', '沸石'],
  },
  {
    name: '羚锐透皮贴剂企业专利导航',
    kind: 'enterprise',
    description: '经皮给药贴剂、巴布膏剂与中药贴膏的技术布局与竞争态势。（演示项目）',
    ipc: ['A61K 9/70'],
    keywords: ['贴剂', '膏药', '巴布'],
  },
] as const;

/** Creates the demo projects and runs each once on the demo register. */
async function seedLandscapes(ctx: AppContext, yearTo: number): Promise<number> {
  for (const l of DEMO_LANDSCAPES) {
    const d = definitionOf({ ipc: [...l.ipc], keywords: [...l.keywords], combine: 'any', yearFrom: 2005, yearTo });
    const id = await insertLandscape(ctx.db, { name: l.name, kind: l.kind, description: l.description, ...d }, null, true);
    await executeRun(ctx, await insertRun(ctx.db, id, d, null, ctx.clock.now()), async () => {});
  }
  return DEMO_LANDSCAPES.length;
}

/**
 * Demo pledges and awards (so that every high-value criterion occurs), watch lists for the demo
 * officers and the enterprise, and a first alert scan so that inboxes are not empty. Picks are
 * made by id arithmetic: the same seed gives the same register, hence the same picks.
 */
export async function seedInsightDemo(ctx: AppContext): Promise<{ pledges: number; awards: number; watches: number; alerts: number; landscapes: number }> {
  const today = todayInChina(ctx.clock.now().getTime());
  const pledges = await ctx.db.query(
    `INSERT INTO patent_pledges (patent_id, pledgor, pledgee, amount_yuan, registered_on, notice_no, status, is_demo)
     SELECT p.id, p.applicants[1], (ARRAY['中国银行信阳分行', '信阳农商银行', '中原银行信阳分行', '邮储银行信阳市分行'])[1 + p.id % 4],
            (2 + (p.id * 7) % 29) * 1000000, least(p.grant_date + 200 + (p.id % 700)::int, $1::date - 30), 'ZL' || p.id, 'effective', true
       FROM patents p WHERE p.status = 'valid' AND p.type = 'invention' AND p.id % 37 = 0
     RETURNING id`,
    [today],
  );
  const awards = await ctx.db.query(
    `INSERT INTO patent_awards (patent_id, award, award_year, is_demo)
     SELECT p.id, CASE WHEN p.id % 5 = 0 THEN 'silver' ELSE 'excellence' END, least(extract(year FROM p.grant_date)::int + 3, extract(year FROM $1::date)::int - 1), true
       FROM patents p WHERE p.status = 'valid' AND p.type = 'invention' AND p.id % 211 = 0
     RETURNING id`,
    [today],
  );
  // Each demo officer and the enterprise follow the busiest firm of their area; the city also an IPC area and words.
  const watches = await ctx.db.query(
    `WITH top AS (
       SELECT DISTINCT ON (h.area_code) h.area_code, h.id, h.name FROM holder_totals t JOIN holders h ON h.id = t.holder_id
        WHERE h.kind = 'org' AND h.area_code IS NOT NULL ORDER BY h.area_code, t.n DESC, h.id)
     INSERT INTO watches (user_id, kind, value, label, query)
     SELECT u.id, 'holder', top.id::text, top.name, NULL FROM users u JOIN top ON top.area_code = CASE u.username WHEN 'lingrui' THEN '411523' WHEN 'city' THEN '411502' ELSE u.area_scope END
      WHERE u.username IN ('city', 'gushi', 'shangtianti', 'lingrui')
     UNION ALL SELECT u.id, 'ipc', 'C04B 14', 'IPC C04B 14', NULL FROM users u WHERE u.username = 'city'
     UNION ALL SELECT u.id, 'keyword', '毛尖', '关键词：毛尖', $1 FROM users u WHERE u.username = 'city'
     ON CONFLICT DO NOTHING RETURNING id`,
    [queryTokens('毛尖').tsquery],
  );
  const scan = await scanAlerts(ctx, null);
  const landscapes = await seedLandscapes(ctx, Number(today.slice(0, 4)));
  return { pledges: pledges.length, awards: awards.length, watches: watches.length, alerts: scan.total, landscapes };
}
