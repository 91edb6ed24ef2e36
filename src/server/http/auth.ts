import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission, type Permission } from '../../shared/roles';
import { anonymousActor, operatorActor, type Actor } from '../actor';
import type { AppContext } from '../context';
import { safeEqual, sha256 } from '../crypto';
import { AppError } from '../errors';
import { recordAudit } from '../domains/identity/audit/service';
import { resolveSession, resolveToken, type SessionInfo } from '../domains/identity/auth/service';
import type { Stage } from '../domains/identity/auth/queries';

/**
 * Who may call a route. Every route must declare one (deny by default, SECURITY.md AC-1):
 * - 'public': anyone, signed in or not;
 * - 'session': any signed-in account;
 * - 'operator': only the local operator token of the `xinzhi` CLI;
 * - a Permission from src/shared/roles.ts.
 */
/** Who may call a route; a list of permissions means any one of them. */
export type Access = 'public' | 'session' | 'operator' | Permission | readonly Permission[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Session stages besides 'active' that may use the route (sign-in steps). */
    stages?: readonly Stage[];
  }
  interface FastifyRequest {
    actor: Actor;
    session: SessionInfo | null;
  }
  interface FastifyInstance {
    /** Every route with its access rule, for the permission-matrix test and the docs. */
    routeCatalogue: RouteInfo[];
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
}

export const SESSION_COOKIE = 'xz_sid';
export const SECURE_SESSION_COOKIE = '__Host-xz_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes added by plugins (API docs UI, static files) are public by nature. */
const PLUGIN_PUBLIC = [/^\/api\/docs(\/|$)/, /^\/\*$/];

export function isSecure(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

export function cookieName(req: FastifyRequest): string {
  return isSecure(req) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(cookieName(req), token, { httpOnly: true, sameSite: 'lax', secure: isSecure(req), path: '/' });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(req), { httpOnly: true, sameSite: 'lax', secure: isSecure(req), path: '/' });
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1] ?? null;
}

const unauthenticated = () => new AppError('unauthenticated', { zh: '请先登录', en: 'Please sign in' });
const expired = () => new AppError('session_expired', { zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' });

/** True when the roles hold the permission, or one of the permissions of a list. */
export function allows(roles: Parameters<typeof hasPermission>[0], access: Permission | readonly Permission[]): boolean {
  return typeof access === 'string' ? hasPermission(roles, access) : access.some((p) => hasPermission(roles, p));
}

/** Resolves the caller on every request and enforces the route's access rule and CSRF. */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', null);

  app.decorate('routeCatalogue', [] as RouteInfo[]);
  app.addHook('onRoute', (route) => {
    let access = route.config?.access;
    if (!access) {
      if (!PLUGIN_PUBLIC.some((re) => re.test(route.url))) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
      }
      access = 'public';
      route.config = { ...(route.config ?? {}), access };
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeCatalogue.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access ?? 'public';
    const ip = req.ip ?? null;
    req.actor = anonymousActor(ip);
    let problem: AppError | null = null;

    const token = bearer(req);
    if (token) {
      if (ctx.operatorTokenHash && safeEqual(sha256(token), ctx.operatorTokenHash)) {
        req.actor = operatorActor(ip);
      } else {
        const actor = await resolveToken(ctx, token, ip);
        if (actor) req.actor = actor;
        else problem = new AppError('unauthenticated', { zh: 'API 令牌无效或已吊销', en: 'The API token is invalid or revoked' });
      }
    } else {
      const cookie = req.cookies[SECURE_SESSION_COOKIE] ?? req.cookies[SESSION_COOKIE];
      if (cookie) {
        const r = await resolveSession(ctx, cookie, ip);
        if (r.kind === 'ok') {
          req.actor = r.actor;
          req.session = r.session;
        } else problem = expired();
      }
    }

    if (access === 'public') return;
    if (access === 'operator') {
      if (req.actor.kind !== 'operator') throw problem ?? unauthenticated();
      return;
    }
    if (req.actor.kind === 'anonymous' || req.actor.kind === 'operator') throw problem ?? unauthenticated();

    if (req.session) {
      const allowed = req.routeOptions.config?.stages ?? [];
      if (req.session.stage !== 'active' && !allowed.includes(req.session.stage)) {
        throw new AppError(
          'step_required',
          { zh: '请先完成登录步骤（双因素验证或修改密码）', en: 'Finish signing in first (second factor or new password)' },
          { stage: req.session.stage },
        );
      }
      if (!SAFE_METHODS.has(req.method)) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, req.session.csrf)) {
          await deny(ctx, req, 'csrf');
          throw new AppError('csrf', { zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed (CSRF); reload the page and try again' });
        }
      }
    }
    if (access !== 'session' && !allows(req.actor.roles, access)) {
      await deny(ctx, req, typeof access === 'string' ? access : access.join('|'));
      throw new AppError('forbidden', { zh: '当前角色无权执行此操作', en: 'Your role is not allowed to do this' }, { permission: access });
    }
  });
}

async function deny(ctx: AppContext, req: FastifyRequest, reason: string): Promise<void> {
  await recordAudit(ctx.db, ctx.clock, {
    actor: req.actor,
    action: 'access.denied',
    result: 'denied',
    details: { method: req.method, route: req.routeOptions.url ?? req.url, reason },
  });
}
