import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../shared/api';
import type { AppContext } from '../context';
import { AppError } from '../errors';

/** A Fastify instance typed by zod schemas: request types come from the same schemas that validate. */
export type Api = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
export type RouteModule = (app: FastifyInstance, ctx: AppContext) => Promise<void> | void;

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Error responses a route can give, for the OpenAPI document (the body is always the error shape). */
export function errors(...codes: Array<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429>) {
  return Object.fromEntries(codes.map((c) => [c, errorBody])) as Record<(typeof codes)[number], typeof errorBody>;
}

export function requestMeta(req: FastifyRequest) {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** The session of a route that requires one (the access hook guarantees it for cookie callers). */
export function sessionOf(req: FastifyRequest) {
  if (!req.session) throw new AppError('unauthenticated', { zh: '此操作需要登录会话', en: 'This action needs a signed-in session' });
  return req.session;
}

/** Content-Disposition for a download: always an attachment, with an ASCII fallback name and the UTF-8 one. */
export function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
