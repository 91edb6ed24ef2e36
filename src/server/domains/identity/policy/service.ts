import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import type { Queryable } from '../../../db/db';
import { appendAudit, changedFields } from '../audit/service';
import { readSetting, writeSetting } from '../../../db/settings';
import { DEFAULT_POLICY, securityPolicy, type SecurityPolicy } from './schema';

const KEY = 'security_policy';

export async function getPolicy(q: Queryable): Promise<SecurityPolicy> {
  const stored = await readSetting<unknown>(q, KEY);
  const parsed = securityPolicy.safeParse({ ...DEFAULT_POLICY, ...(stored as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}

export async function updatePolicy(ctx: AppContext, actor: Actor, next: SecurityPolicy): Promise<SecurityPolicy> {
  return ctx.db.tx(async (tx) => {
    const before = await getPolicy(tx);
    await writeSetting(tx, KEY, next);
    await appendAudit(tx, ctx.clock, {
      actor,
      action: 'policy.update',
      targetType: 'policy',
      targetId: KEY,
      before,
      after: next,
      details: { changed: changedFields(before, next) },
    });
    return next;
  });
}
