import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { AppError } from './errors';
import { installAuth } from './http/auth';
import { installErrorHandler } from './http/errors';
import type { RouteModule } from './http/route-kit';
import { installSecurityHeaders } from './http/security-headers';
import systemRoutes from './http/system-routes';
import { VERSION } from './version';
import { installWeb } from './http/web';
import auditRoutes from './domains/identity/audit/routes';
import authRoutes from './domains/identity/auth/routes';
import orgRoutes from './domains/identity/orgs/routes';
import outboxRoutes from './domains/identity/outbox/routes';
import policyRoutes from './domains/identity/policy/routes';
import tokenRoutes from './domains/identity/tokens/routes';
import userRoutes from './domains/identity/users/routes';
import regionRoutes from './domains/regions/routes';
import jobRoutes from './jobs/routes';
import giRoutes from './domains/registry/gis/routes';
import holderRoutes from './domains/registry/holders/routes';
import importRoutes from './domains/registry/import/routes';
import industryRoutes from './domains/registry/industries/routes';
import patentRoutes from './domains/registry/patents/routes';
import trademarkRoutes from './domains/registry/trademarks/routes';
import operatorRoutes from './http/operator-routes';
import dashboardRoutes from './domains/insight/dashboard/routes';
import indicatorRoutes from './domains/insight/indicators/routes';
import watchRoutes from './domains/insight/watch/routes';
import landscapeRoutes from './domains/insight/landscape/routes';
import reportRoutes from './domains/insight/reports/routes';
import challengeRoutes from './http/challenge';
import evidenceRoutes from './domains/protection/evidence/routes';
import infringementReportRoutes from './domains/protection/reports/routes';
import keyListRoutes from './domains/protection/keylist/routes';
import disclosureRoutes from './domains/protection/disclosure/routes';
import mediationRoutes from './domains/protection/mediation/routes';
import creditRoutes from './domains/protection/credit/routes';
import caseRoutes from './domains/protection/cases/routes';
import workplanPlanRoutes from './domains/workplan/plans/routes';
import workplanProgressRoutes from './domains/workplan/progress/routes';
import workplanDashboardRoutes from './domains/workplan/dashboard/routes';
import evaluationRoutes from './domains/workplan/evaluation/routes';
import surveyRoutes from './domains/workplan/survey/routes';
import assessmentRoutes from './domains/workplan/assessment/routes';
import supervisionRoutes from './domains/workplan/supervision/routes';

/** Every route module of the platform, in one list; a new domain adds its routes here. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  systemRoutes,
  authRoutes,
  userRoutes,
  orgRoutes,
  tokenRoutes,
  policyRoutes,
  auditRoutes,
  outboxRoutes,
  regionRoutes,
  jobRoutes,
  patentRoutes,
  trademarkRoutes,
  giRoutes,
  holderRoutes,
  importRoutes,
  industryRoutes,
  indicatorRoutes,
  dashboardRoutes,
  watchRoutes,
  landscapeRoutes,
  reportRoutes,
  challengeRoutes,
  evidenceRoutes,
  infringementReportRoutes,
  keyListRoutes,
  disclosureRoutes,
  mediationRoutes,
  creditRoutes,
  caseRoutes,
  workplanPlanRoutes,
  workplanProgressRoutes,
  workplanDashboardRoutes,
  surveyRoutes,
  evaluationRoutes,
  assessmentRoutes,
  supervisionRoutes,
  operatorRoutes,
];

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; tests of the API alone may point elsewhere. */
  webDir?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP application on a prepared context. Listening is the caller's business. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installSecurityHeaders(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fileSize: ctx.config.importMaxBytes + 1 } });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError('rate_limited', { zh: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`, en: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s` }, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '信知 Xinzhi API',
        description:
          'The API of Xinyang’s IP platform. Errors always have the shape {"error":{"code","message","details"}}. Sessions use the HttpOnly cookie from /api/auth/login; state-changing requests with a cookie send the x-csrf-token header. Machine clients send `Authorization: Bearer TOKEN` with a token issued to their organisation.',
        version: VERSION,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'xz_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  installAuth(app, ctx);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  for (const mod of ROUTE_MODULES) await mod(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  await installWeb(app, opts.webDir);
  return app;
}
