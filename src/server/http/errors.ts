import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { locales } from 'zod';
import { AppError, type Bilingual } from '../errors';

const zhLocale = locales.zhCN();

/** The language a client asked for: the web app sends its UI language; others get both. */
export function pickLanguage(req: FastifyRequest): 'zh' | 'en' | 'both' {
  const lang = String(req.headers['accept-language'] ?? '').toLowerCase();
  if (lang.startsWith('en')) return 'en';
  if (lang.startsWith('zh')) return 'zh';
  return 'both';
}

export function say(req: FastifyRequest, text: Bilingual): string {
  const lang = pickLanguage(req);
  return lang === 'both' ? `${text.zh} / ${text.en}` : text[lang];
}

interface FieldProblem {
  field: string;
  message: string;
}

type ValidationItem = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

function describeValidation(req: FastifyRequest, items: ValidationItem[], where: string | undefined): FieldProblem[] {
  const lang = pickLanguage(req);
  return items.map((v) => {
    const field = [where, v.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join('.') || where || '';
    const en = v.message ?? 'invalid';
    const custom = (v.params as { params?: { zh?: string } }).params?.zh;
    let zh = custom;
    if (!zh) {
      try {
        zh = zhLocale.localeError({ ...v.params, code: v.keyword, path: [], message: en } as never) as string | undefined;
      } catch {
        zh = undefined;
      }
    }
    zh ??= en;
    return { field, message: lang === 'both' ? `${zh} / ${en}` : lang === 'zh' ? zh : en };
  });
}

export function sendError(req: FastifyRequest, reply: FastifyReply, status: number, code: string, text: Bilingual, details?: unknown) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code, message: say(req, text), ...(details === undefined ? {} : { details }) } }));
}

/** Maps every failure to the contract's one error shape. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err.status, err.code, err.text, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = describeValidation(req, err.validation as unknown as ValidationItem[], (err as FastifyError).validationContext);
      const first = details[0];
      return sendError(
        req,
        reply,
        400,
        'validation',
        { zh: `请求有误：${first ? `${first.field} ${first.message}` : ''}`, en: `Invalid request: ${first ? `${first.field} ${first.message}` : ''}` },
        details,
      );
    }
    const fe = err as FastifyError;
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(req, reply, 413, 'too_large', { zh: '请求内容过大', en: 'Request body too large' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(req, reply, 415, 'unsupported_media', { zh: '不支持的内容类型', en: 'Unsupported content type' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendError(req, reply, 400, 'bad_json', { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' });
      default:
    }
    if (err instanceof SyntaxError && fe.statusCode === 400) {
      return sendError(req, reply, 400, 'bad_json', { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' });
    }
    if (fe.statusCode === 429) {
      return sendError(req, reply, 429, 'rate_limited', { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(req, reply, fe.statusCode, 'validation', { zh: `请求有误：${fe.message}`, en: `Bad request: ${fe.message}` });
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 500, 'internal', { zh: '服务器内部错误，请稍后重试或联系管理员', en: 'Internal error; try again or contact the administrator' }, { requestId: req.id });
  });
}
