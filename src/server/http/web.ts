import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors';

const NOT_BUILT = 'The web app is not built yet: run `npm run build` (npm start does this). / 前端尚未构建，请运行 npm run build。';

export const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * Serves the built web app; every non-API path that is not a file gets index.html so the client
 * router can show the page (or its own 404). Unknown /api paths get the JSON 404.
 */
export async function installWeb(app: FastifyInstance, webDir = WEB_DIST): Promise<void> {
  const index = path.join(webDir, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      index: false,
      cacheControl: false,
      setHeaders(res, file) {
        res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const html = built ? readFileSync(index, 'utf8') : undefined;
  // The static plugin will not list the root folder, so the home page needs its own route.
  app.get('/', { schema: { hide: true }, config: { access: 'public' } }, (_req, reply) =>
    html
      ? reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html)
      : reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT),
  );
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || req.method !== 'GET') {
      return sendError(req, reply, 404, 'not_found', { zh: `没有这个接口：${req.method} ${req.url.split('?')[0]}`, en: `No such endpoint: ${req.method} ${req.url.split('?')[0]}` });
    }
    if (!html) {
      return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    }
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
