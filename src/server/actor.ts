import { CITY_CODE } from '../shared/validators/region';
import type { Role } from '../shared/roles';

/**
 * Who performs a service call. Services take it to scope their SQL and to write the audit row;
 * they never read the HTTP request.
 */
export interface Actor {
  kind: 'user' | 'token' | 'operator' | 'system' | 'anonymous';
  /** User id, token id, or a fixed name for operator/system. */
  id: string | null;
  /** Username, token name, 'cli' or 'system'; what the audit log shows. */
  name: string | null;
  orgId: string | null;
  roles: readonly Role[];
  /** Area code the actor may see: the city code means everything. */
  scope: string;
  ip: string | null;
  sessionId?: string;
}

/**
 * The area filter to pass to SQL as `($n::text[] IS NULL OR area_code = ANY($n))`: null for a
 * city-wide actor, else the one area. Keeping it a parameter keeps the check in the query itself.
 */
export function scopeFilter(actor: Pick<Actor, 'scope'>): string[] | null {
  return actor.scope === CITY_CODE ? null : [actor.scope];
}

export const systemActor: Actor = { kind: 'system', id: 'system', name: 'system', orgId: null, roles: [], scope: CITY_CODE, ip: null };

export const operatorActor = (ip: string | null = null): Actor => ({
  kind: 'operator',
  id: 'cli',
  name: 'cli',
  orgId: null,
  roles: [],
  scope: CITY_CODE,
  ip,
});

export const anonymousActor = (ip: string | null): Actor => ({ kind: 'anonymous', id: null, name: null, orgId: null, roles: [], scope: CITY_CODE, ip });
