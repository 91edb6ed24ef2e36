import type { z } from 'zod';
import { CITY_CODE, areaByCode } from '../../../../../shared/validators';
import type { Actor } from '../../../../actor';
import type { AppContext } from '../../../../context';
import { conflict, notFound } from '../../../../errors';
import { appendAudit, recordAudit } from '../../../identity/audit/service';
import * as sql from '../queries';
import type * as schema from '../schema';

type BodyView = z.infer<typeof schema.bodyView>;

const notFoundBody = () => notFound({ zh: '没有这个调解组织', en: 'No such mediation body' });
const notFoundMediator = () => notFound({ zh: '没有这位调解员', en: 'No such mediator' });

function mediatorView(m: sql.MediatorRow): z.infer<typeof schema.mediatorView> {
  return { id: m.id, bodyId: m.body_id, name: m.name, title: m.title, specialities: m.specialities, phone: m.phone_masked, active: m.active, synthetic: m.synthetic, openCases: m.open_cases };
}

function bodyView(b: sql.BodyRow, mediators: sql.MediatorRow[]): BodyView {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    areaCode: b.area_code,
    areaName: areaByCode(b.area_code)?.name ?? b.area_code,
    address: b.address,
    phone: b.phone,
    scope: b.scope,
    active: b.active,
    synthetic: b.synthetic,
    isDemo: b.is_demo,
    openCases: b.open_cases,
    mediators: mediators.filter((m) => m.body_id === b.id).map(mediatorView),
  };
}

/**
 * The directory of mediation, arbitration and notary bodies with their mediators (phones masked),
 * the courts a case may go to, and the officers who may handle the caller's cases.
 */
export async function directory(ctx: AppContext, actor: Actor): Promise<z.infer<typeof schema.directoryView>> {
  const [bodies, mediators, courts, handlers] = await Promise.all([
    sql.bodies(ctx.db),
    sql.mediators(ctx.db),
    sql.courts(ctx.db),
    sql.handlers(ctx.db, actor.scope === CITY_CODE ? null : actor.scope),
  ]);
  return {
    bodies: bodies.map((b) => bodyView(b, mediators)),
    courts,
    handlers: handlers.map((h) => ({ id: h.id, name: h.name, areaCode: h.area_code })),
  };
}

async function oneBody(ctx: AppContext, id: number): Promise<BodyView> {
  const b = (await sql.bodies(ctx.db)).find((x) => x.id === id);
  if (!b) throw notFoundBody();
  return bodyView(b, await sql.mediators(ctx.db));
}

const fieldsOf = (body: z.infer<typeof schema.bodyBody>): sql.BodyFields => ({
  name: body.name,
  kind: body.kind,
  areaCode: body.areaCode,
  address: body.address ?? null,
  phone: body.phone?.trim() || null,
  scope: body.scope ?? null,
  active: body.active,
});

const nameTaken = (name: string) => conflict({ zh: `名录中已有「${name}」`, en: `The directory already has “${name}”` }, [{ field: 'name' }]);

export async function createBody(ctx: AppContext, actor: Actor, body: z.infer<typeof schema.bodyBody>, opts: { synthetic?: boolean; isDemo?: boolean } = {}): Promise<BodyView> {
  const id = await ctx.db.tx(async (tx) => {
    if (await sql.bodyNameTaken(tx, body.name, null)) throw nameTaken(body.name);
    const fields = fieldsOf(body);
    const bodyId = await sql.insertBody(tx, { ...fields, synthetic: opts.synthetic ?? false, isDemo: opts.isDemo ?? false, at: ctx.clock.now() });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.mediation.body.create', targetType: 'mediation_body', targetId: String(bodyId), after: fields });
    return bodyId;
  });
  return oneBody(ctx, id);
}

export async function updateBody(ctx: AppContext, actor: Actor, id: number, body: z.infer<typeof schema.bodyBody>): Promise<BodyView> {
  await ctx.db.tx(async (tx) => {
    const before = await sql.bodyById(tx, id);
    if (!before) throw notFoundBody();
    if (await sql.bodyNameTaken(tx, body.name, id)) throw nameTaken(body.name);
    const fields = fieldsOf(body);
    await sql.updateBody(tx, id, fields, ctx.clock.now());
    await appendAudit(tx, ctx.clock, {
      actor,
      action: before.active && !fields.active ? 'protection.mediation.body.deactivate' : 'protection.mediation.body.update',
      targetType: 'mediation_body',
      targetId: String(id),
      before,
      after: fields,
    });
  });
  return oneBody(ctx, id);
}

export async function createMediator(ctx: AppContext, actor: Actor, bodyId: number, body: z.infer<typeof schema.mediatorBody>, opts: { synthetic?: boolean; isDemo?: boolean } = {}): Promise<BodyView> {
  await ctx.db.tx(async (tx) => {
    if (!(await sql.bodyById(tx, bodyId))) throw notFoundBody();
    const id = await sql.insertMediator(tx, bodyId, {
      name: body.name,
      title: body.title ?? null,
      specialities: body.specialities,
      phone: body.phone ? ctx.personal.seal('phone', body.phone) : null,
      active: body.active,
      synthetic: opts.synthetic ?? false,
      isDemo: opts.isDemo ?? false,
      at: ctx.clock.now(),
    });
    await appendAudit(tx, ctx.clock, { actor, action: 'protection.mediation.mediator.create', targetType: 'mediator', targetId: String(id), details: { bodyId, specialities: body.specialities } });
  });
  return oneBody(ctx, bodyId);
}

/** Changes a mediator; a phone left out keeps the one on file (it is never sent back in clear). */
export async function updateMediator(ctx: AppContext, actor: Actor, mediatorId: number, body: z.infer<typeof schema.mediatorBody>): Promise<BodyView> {
  const bodyId = await ctx.db.tx(async (tx) => {
    const before = await sql.mediatorById(tx, mediatorId);
    if (!before) throw notFoundMediator();
    await sql.updateMediator(
      tx,
      mediatorId,
      { name: body.name, title: body.title ?? null, specialities: body.specialities, phone: body.phone ? ctx.personal.seal('phone', body.phone) : undefined, active: body.active },
      ctx.clock.now(),
    );
    await appendAudit(tx, ctx.clock, {
      actor,
      action: before.active && !body.active ? 'protection.mediation.mediator.deactivate' : 'protection.mediation.mediator.update',
      targetType: 'mediator',
      targetId: String(mediatorId),
      details: { phoneChanged: !!body.phone },
    });
    return before.body_id;
  });
  return oneBody(ctx, bodyId);
}

/** A mediator's phone in clear, for an officer who must call: a separate, audited act. */
export async function revealMediator(ctx: AppContext, actor: Actor, mediatorId: number): Promise<{ phone: string | null }> {
  const m = await sql.mediatorById(ctx.db, mediatorId);
  if (!m) throw notFoundMediator();
  await recordAudit(ctx.db, ctx.clock, { actor, action: 'protection.mediation.mediator.reveal', targetType: 'mediator', targetId: String(mediatorId) });
  return { phone: m.phone_sealed ? ctx.personal.open(m.phone_sealed) : null };
}
