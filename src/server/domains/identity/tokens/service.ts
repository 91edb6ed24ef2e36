import { ORG_KIND_ROLE, type OrgKind } from '../../../../shared/roles';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { randomToken, sha256 } from '../../../crypto';
import { notFound, ruleViolated } from '../../../errors';
import { appendAudit } from '../audit/service';
import { getOrg } from '../orgs/service';
import * as sql from './queries';
import type { TokenCreate, TokenView } from './schema';

const DAY = 86_400_000;

function toView(r: sql.TokenRow, now: Date): TokenView {
  return {
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    prefix: r.prefix,
    roles: r.roles,
    areaScope: r.area_scope,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_name,
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    status: r.revoked_at ? 'revoked' : r.expires_at && r.expires_at <= now ? 'expired' : 'active',
  };
}

export async function listTokens(ctx: AppContext, actor: Actor, orgId: string): Promise<TokenView[]> {
  await getOrg(ctx, actor, orgId);
  const now = ctx.clock.now();
  return (await sql.listForOrg(ctx.db, orgId)).map((r) => toView(r, now));
}

/**
 * Issues a token for an organisation's machine client. It acts with the role of the
 * organisation's kind (a court system as a partner department) within the organisation's area,
 * so issuing one never grants more than the organisation's own people can have.
 */
export async function issueToken(ctx: AppContext, actor: Actor, orgId: string, input: TokenCreate): Promise<{ token: string; view: TokenView }> {
  const org = await getOrg(ctx, actor, orgId);
  if (org.disabled) throw ruleViolated({ zh: '机构已停用，不能签发令牌', en: 'The organisation is disabled' });
  const token = `xz_${randomToken(32)}`;
  const now = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const id = await sql.insertToken(tx, {
      orgId,
      name: input.name,
      hash: sha256(token),
      prefix: token.slice(0, 10),
      roles: [ORG_KIND_ROLE[org.kind as OrgKind]],
      scope: org.areaCode,
      createdBy: actor.kind === 'user' ? actor.id : null,
      at: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY),
    });
    const row = await sql.findToken(tx, id);
    if (!row) throw new Error('token vanished');
    const view = toView(row, now);
    await appendAudit(tx, ctx.clock, { actor, action: 'token.create', targetType: 'api_token', targetId: id, after: view, details: { orgId, name: input.name } });
    return { token, view };
  });
}

export async function revokeToken(ctx: AppContext, actor: Actor, tokenId: string): Promise<TokenView> {
  return ctx.db.tx(async (tx) => {
    const before = await sql.findToken(tx, tokenId);
    if (!before) throw notFound({ zh: '令牌不存在', en: 'Token not found' });
    await getOrg(ctx, actor, before.org_id, tx);
    const now = ctx.clock.now();
    await sql.revoke(tx, tokenId, actor.kind === 'user' ? actor.id : null, now);
    const after = await sql.findToken(tx, tokenId);
    if (!after) throw new Error('token vanished');
    const view = toView(after, now);
    await appendAudit(tx, ctx.clock, { actor, action: 'token.revoke', targetType: 'api_token', targetId: tokenId, before: toView(before, now), after: view });
    return view;
  });
}
