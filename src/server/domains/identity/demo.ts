import type { Rng } from '../../../shared/random';
import { computeUsccCheck, AREAS } from '../../../shared/validators';
import { systemActor } from '../../actor';
import type { AppContext } from '../../context';
import { DEMO_ACCOUNTS, DEMO_ORGS, deskName } from '../../demo/accounts';
import { DEMO_PASSWORD } from './auth/password-rules';
import { createOrg } from './orgs/service';
import { createUser } from './users/service';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A well-formed but invented credit code for a synthetic firm registered in the given area. */
function syntheticUscc(rng: Rng, areaCode: string): string {
  const region = /^\d{6}$/.test(areaCode) ? areaCode : '411500';
  const body = `91${region}${Array.from({ length: 9 }, () => rng.pick([...USCC_CHARS])).join('')}`;
  return body + computeUsccCheck(body);
}

/** Demo organisations (public bodies, desks for every county and zone, a few firms) and accounts. */
export async function seedIdentityDemo(ctx: AppContext, rng: Rng): Promise<{ orgs: number; users: number }> {
  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const view = await createOrg(
      ctx,
      systemActor,
      { name: o.name, kind: o.kind, areaCode: o.area, ...(o.address ? { address: o.address } : {}), ...(o.synthetic ? { uscc: syntheticUscc(rng, o.area) } : {}) },
      { id: rng.uuid(), isDemo: true },
    );
    orgIds.set(o.key, view.id);
  }
  for (const area of AREAS.filter((a) => a.kind !== 'city')) {
    const view = await createOrg(ctx, systemActor, { name: deskName(area), kind: 'area_desk', areaCode: area.code }, { id: rng.uuid(), isDemo: true });
    orgIds.set(`desk:${area.code}`, view.id);
  }
  for (const a of DEMO_ACCOUNTS) {
    const orgId = orgIds.get(a.orgKey);
    if (!orgId) throw new Error(`Demo account ${a.username} names unknown org ${a.orgKey}`);
    await createUser(
      ctx,
      systemActor,
      { username: a.username, displayName: a.displayName, orgId },
      { id: rng.uuid(), roles: a.roles, ...(a.scope ? { areaScope: a.scope } : {}), password: DEMO_PASSWORD, mustChange: false, isDemo: true, skipPolicy: true },
    );
  }
  return { orgs: orgIds.size, users: DEMO_ACCOUNTS.length };
}
