import { filterToken } from '../../../../shared/search/tokenize';
import { areaByCode } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { invalid, notFound, ruleViolated } from '../../../errors';
import { appendAudit } from '../../identity/audit/service';
import * as sql from './queries';
import type { HolderQuery, HolderView } from './schema';

function view(h: sql.HolderListRow): HolderView {
  return {
    id: h.id,
    name: h.name,
    kind: h.kind,
    uscc: h.uscc,
    address: h.address,
    areaCode: h.area_code,
    areaName: h.area_code ? (areaByCode(h.area_code)?.name ?? null) : null,
    areaSource: h.area_source,
    patents: h.patents,
    trademarks: h.trademarks,
    giUses: h.gi_uses,
    isDemo: h.is_demo,
  };
}

export async function listHolders(ctx: AppContext, query: HolderQuery) {
  const { rows, total } = await sql.listHolders(
    ctx.db,
    { q: query.q ?? null, county: query.county ?? null, kind: query.kind ?? null, unresolved: query.unresolved === undefined ? null : query.unresolved === 'true' },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map(view), total, page: query.page, pageSize: query.pageSize };
}

export async function getHolder(ctx: AppContext, id: number) {
  const h = await sql.findHolder(ctx.db, id);
  if (!h) throw notFound({ zh: '权利人不存在', en: 'Holder not found' });
  const [byYear, byType, byStatus] = await Promise.all([sql.holderYears(ctx.db, id), sql.holderTypes(ctx.db, id), sql.holderStatuses(ctx.db, id)]);
  return { ...view(h), byYear, byType, byStatus };
}

/**
 * An officer places a holder the import could not (remembered: later imports keep it), and its
 * rights follow. A county desk may place unresolved holders into its own area only.
 */
export async function assignArea(ctx: AppContext, actor: Actor, id: number, areaCode: string) {
  if (!areaByCode(areaCode) || areaCode === '411500') throw invalid({ zh: `请选择一个县区或园区（${areaCode} 不是）`, en: `Choose a county, district or zone (${areaCode} is not one)` }, [{ field: 'areaCode' }]);
  const scope = scopeFilter(actor);
  return ctx.db.tx(async (tx) => {
    const before = await sql.findHolder(tx, id);
    if (!before) throw notFound({ zh: '权利人不存在', en: 'Holder not found' });
    if (scope) {
      if (!scope.includes(areaCode)) throw ruleViolated({ zh: '只能归入本辖区', en: 'You can place holders in your own area only' });
      if (before.area_source !== 'unresolved' && !(before.area_code && scope.includes(before.area_code))) {
        throw ruleViolated({ zh: '该权利人已归属其他地区，请联系市局调整', en: 'This holder belongs to another area; ask the city office' });
      }
    }
    await sql.setArea(tx, id, areaCode);
    const prefix = filterToken('county', '');
    const moved = await sql.reassignRights(tx, id, prefix, 'none');
    const after = await sql.findHolder(tx, id);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'holder.assign_area',
      targetType: 'holder',
      targetId: String(id),
      before: view(before),
      after: after ? view(after) : undefined,
      details: { from: before.area_code, to: areaCode, rightsMoved: moved },
    });
    return { holder: after ? view(after) : view(before), moved };
  });
}
