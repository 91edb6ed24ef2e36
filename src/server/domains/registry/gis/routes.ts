import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { filterToken } from '../../../../shared/search/tokenize';
import { areaByCode } from '../../../../shared/validators';
import type { AppContext } from '../../../context';
import { notFound } from '../../../errors';
import { errors, typed } from '../../../http/route-kit';
import { buildTsQuery } from '../search/query';
import * as sql from './queries';
import * as schema from './schema';

const areaName = (code: string | null) => (code ? (areaByCode(code)?.name ?? null) : null);

function view(g: sql.GiRow) {
  return {
    id: g.id,
    name: g.name,
    kind: g.kind as z.infer<typeof schema.giView>['kind'],
    regNo: g.reg_no,
    niceClass: g.nice_class,
    holderId: g.holder_id,
    holderName: g.holder_name,
    areaCode: g.area_code,
    areaName: areaName(g.area_code),
    areaText: g.area_text,
    approvedOn: g.approved_on,
    authority: g.authority,
    standard: g.standard,
    productCategory: g.product_category,
    activeUsers: g.users,
    isDemo: g.is_demo,
  };
}

export default function giRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  const tags = ['data centre: geographical indications'];
  r.get(
    '/api/gis',
    { schema: { tags, summary: 'Geographical indications: GI products and GI certification / collective marks', querystring: schema.giQuery, response: { 200: z.array(schema.giView), ...errors(400, 401, 403) } }, config: { access: 'registry.read' } },
    async (req) => {
      const text = buildTsQuery(req.query.q, {}, { ...req.actor, scope: '411500' });
      const kind = req.query.kind ? filterToken('gikind', req.query.kind) : null;
      const tsquery = [text, kind].filter(Boolean).join(' & ') || null;
      return (await sql.listGis(ctx.db, tsquery, req.query.county ?? null, req.query.approvedBy ?? null)).map(view);
    },
  );
  r.get(
    '/api/gis/:id',
    { schema: { tags, summary: 'One GI with its authorised users', params: schema.giParams, querystring: schema.giUsersQuery, response: { 200: schema.giDetail, ...errors(401, 403, 404) } }, config: { access: 'registry.read' } },
    async (req) => {
      const g = await sql.findGi(ctx.db, req.params.id);
      if (!g) throw notFound({ zh: '地理标志不存在', en: 'GI not found' });
      const { page, pageSize } = req.query;
      const [users, total] = await Promise.all([sql.usersOf(ctx.db, g.id, pageSize, (page - 1) * pageSize), sql.countUsers(ctx.db, g.id)]);
      return {
        ...view(g),
        users: {
          items: users.map((u) => ({
            id: u.id,
            holderId: u.holder_id,
            name: u.name,
            uscc: u.uscc,
            address: u.address,
            areaCode: u.area_code,
            areaName: areaName(u.area_code),
            announcementNo: u.announcement_no,
            announcedOn: u.announced_on,
            status: u.status as 'active' | 'revoked' | 'unknown',
            isDemo: u.is_demo,
          })),
          total,
          page,
          pageSize,
        },
      };
    },
  );
}
