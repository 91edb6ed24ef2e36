import { todayInChina } from '../../../shared/registry/normalise';
import { queryTokens } from '../../../shared/search/tokenize';
import type { AppContext } from '../../context';
import { scanAlerts } from './watch/service';

/**
 * Demo pledges and awards (so that every high-value criterion occurs), watch lists for the demo
 * officers and the enterprise, and a first alert scan so that inboxes are not empty. Picks are
 * made by id arithmetic: the same seed gives the same register, hence the same picks.
 */
export async function seedInsightDemo(ctx: AppContext): Promise<{ pledges: number; awards: number; watches: number; alerts: number }> {
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
  return { pledges: pledges.length, awards: awards.length, watches: watches.length, alerts: scan.total };
}
