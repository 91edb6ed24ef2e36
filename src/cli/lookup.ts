import type { Actor } from '../server/actor';
import type { AppContext } from '../server/context';
import { AppError } from '../server/errors';
import { findOrgByName, getOrg } from '../server/domains/identity/orgs/service';
import type { OrgView } from '../server/domains/identity/orgs/schema';
import { findUserByUsername } from '../server/domains/identity/users/service';
import type { UserView } from '../server/domains/identity/users/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Operators name accounts by username; the services take ids. */
export const userByUsername = (ctx: AppContext, actor: Actor, username: string): Promise<UserView> => findUserByUsername(ctx, actor, username);

/** An organisation by id, or by its exact name (names are unique). */
export async function orgByRef(ctx: AppContext, actor: Actor, ref: string): Promise<OrgView> {
  if (UUID.test(ref)) return getOrg(ctx, actor, ref.toLowerCase());
  try {
    return await findOrgByName(ctx, actor, ref);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'not_found') throw err;
    throw new AppError('not_found', {
      zh: `没有名为「${ref}」的机构（须与名称完全一致，或使用机构 ID；可用 xinzhi org create 新建）`,
      en: `No organisation named "${ref}" (give the exact name or its id; create one with xinzhi org create)`,
    });
  }
}
