import { CITY_CODE, parseUscc, resolveRegionFromUsccRegionCode } from '../../../../shared/validators';
import { scopeFilter, type Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { conflict, invalid, notFound } from '../../../errors';
import { appendAudit, changedFields } from '../audit/service';
import * as sql from './queries';
import type { OrgCreate, OrgListQuery, OrgUpdate, OrgView } from './schema';

function toView(r: sql.OrgRow): OrgView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as OrgView['kind'],
    areaCode: r.area_code,
    areaName: r.area_name,
    uscc: r.uscc,
    address: r.address,
    phone: r.phone,
    isDemo: r.is_demo,
    disabled: r.disabled_at !== null,
    userCount: r.user_count,
    activeTokenCount: r.active_token_count,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listOrgs(ctx: AppContext, actor: Actor, query: OrgListQuery) {
  const { rows, total } = await sql.listOrgs(
    ctx.db,
    { q: query.q ?? null, kind: query.kind ?? null, area: query.area ?? null, status: query.status ?? null, scope: scopeFilter(actor) },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}

/** An organisation the actor may see; others are reported as missing so that ids do not leak. */
export async function getOrg(ctx: AppContext, actor: Actor, id: string, q: Queryable = ctx.db): Promise<OrgView> {
  const row = await sql.findOrg(q, id, scopeFilter(actor));
  if (!row) throw notFound({ zh: '机构不存在或不在您的管辖范围内', en: 'Organisation not found' });
  return toView(row);
}

/** An organisation by its exact name (names are unique), within the actor's scope. */
export async function findOrgByName(ctx: AppContext, actor: Actor, name: string): Promise<OrgView> {
  const id = await sql.idByName(ctx.db, name.trim());
  if (!id) throw notFound({ zh: `没有名为「${name}」的机构`, en: `No organisation named "${name}"` });
  return getOrg(ctx, actor, id);
}

function normaliseUscc(input: string | null | undefined): { uscc: string | null; region: string | null } {
  if (input === undefined || input === null || input.trim() === '') return { uscc: null, region: null };
  const parsed = parseUscc(input);
  if (!parsed.ok) throw invalid({ zh: `统一社会信用代码有误：${parsed.message.zh}`, en: `Unified social credit code: ${parsed.message.en}` }, [{ field: 'uscc', message: parsed.message }]);
  return { uscc: parsed.canonical, region: resolveRegionFromUsccRegionCode(parsed.regionCode)?.code ?? null };
}

async function checkArea(q: Queryable, code: string): Promise<void> {
  if (!(await sql.areaExists(q, code))) throw invalid({ zh: `未知的地区代码：${code}`, en: `Unknown area code: ${code}` }, [{ field: 'areaCode' }]);
}

export async function createOrg(ctx: AppContext, actor: Actor, input: OrgCreate, opts: { id?: string; isDemo?: boolean } = {}): Promise<OrgView> {
  const { uscc, region } = normaliseUscc(input.uscc);
  const areaCode = input.areaCode ?? region ?? (input.kind === 'city_office' || input.kind === 'partner' ? CITY_CODE : null);
  if (!areaCode) throw invalid({ zh: '请选择所属地区', en: 'Choose the area the organisation belongs to' }, [{ field: 'areaCode' }]);
  return ctx.db.tx(async (tx) => {
    await checkArea(tx, areaCode);
    if (await sql.orgNameTaken(tx, input.name, null)) throw conflict({ zh: `机构名称已存在：${input.name}`, en: `An organisation named ${input.name} exists` });
    if (uscc && (await sql.usccTaken(tx, uscc, null))) throw conflict({ zh: '该统一社会信用代码已被其他机构使用', en: 'Another organisation has this credit code' });
    const id = await sql.insertOrg(tx, {
      ...(opts.id ? { id: opts.id } : {}),
      name: input.name,
      kind: input.kind,
      areaCode,
      uscc,
      address: input.address || null,
      phone: input.phone || null,
      isDemo: opts.isDemo ?? false,
      at: ctx.clock.now(),
    });
    const view = await getOrg(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'org.create', targetType: 'organisation', targetId: id, after: view, details: { kind: input.kind, area: areaCode } });
    return view;
  });
}

export async function updateOrg(ctx: AppContext, actor: Actor, id: string, patch: OrgUpdate): Promise<OrgView> {
  return ctx.db.tx(async (tx) => {
    const before = await getOrg(ctx, actor, id, tx);
    const { uscc } = patch.uscc === undefined ? { uscc: before.uscc } : normaliseUscc(patch.uscc);
    const next = {
      name: patch.name ?? before.name,
      areaCode: patch.areaCode ?? before.areaCode,
      uscc,
      address: patch.address === undefined ? before.address : patch.address || null,
      phone: patch.phone === undefined ? before.phone : patch.phone || null,
    };
    await checkArea(tx, next.areaCode);
    if (await sql.orgNameTaken(tx, next.name, id)) throw conflict({ zh: `机构名称已存在：${next.name}`, en: `An organisation named ${next.name} exists` });
    if (next.uscc && (await sql.usccTaken(tx, next.uscc, id))) throw conflict({ zh: '该统一社会信用代码已被其他机构使用', en: 'Another organisation has this credit code' });
    await sql.updateOrg(tx, id, { ...next, at: ctx.clock.now() });
    const after = await getOrg(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: 'org.update', targetType: 'organisation', targetId: id, before, after, details: { changed: changedFields(before, after) } });
    return after;
  });
}

/** A disabled organisation's accounts cannot sign in and its API tokens stop working. */
export async function setOrgDisabled(ctx: AppContext, actor: Actor, id: string, disabled: boolean): Promise<OrgView> {
  return ctx.db.tx(async (tx) => {
    const before = await getOrg(ctx, actor, id, tx);
    if (before.disabled === disabled) return before;
    const now = ctx.clock.now();
    await sql.setOrgDisabled(tx, id, disabled ? now : null, now);
    const after = await getOrg(ctx, actor, id, tx);
    await appendAudit(tx, ctx.clock, { actor, action: disabled ? 'org.disable' : 'org.enable', targetType: 'organisation', targetId: id, before, after });
    return after;
  });
}
