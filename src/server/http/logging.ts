import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs with request ids. Query strings are left out of logged URLs: searches can
 * carry names, phone or ID numbers, and personal data must not reach the logs (SECURITY.md PI-4).
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      req(req: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }) {
        return { method: req.method, path: req.url.split('?')[0], ip: req.ip, userAgent: req.headers?.['user-agent'] };
      },
    },
  };
}
