import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { clearSessionCookie, setSessionCookie } from '../../../http/auth';
import { errors, requestMeta, sessionOf, typed } from '../../../http/route-kit';
import * as schema from './schema';
import * as service from './service';

const signInSteps = ['mfa', 'enrol', 'password'] as const;

export default function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        description: 'Sets the HttpOnly session cookie. `stage` says whether a second factor, TOTP enrolment or a new password is still needed.',
        body: schema.loginBody,
        response: { 200: schema.sessionView, ...errors(400, 401, 403, 423, 429) },
      },
      config: { access: 'public', rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { sessionToken, view } = await service.login(ctx, req.body, requestMeta(req));
      setSessionCookie(req, reply, sessionToken);
      return view;
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in account, its permissions and the CSRF token', response: { 200: schema.sessionView, ...errors(401) } },
      config: { access: 'session', stages: signInSteps },
    },
    async (req) => service.currentView(ctx, sessionOf(req)),
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out (ends the session)', response: { 200: z.object({ ok: z.literal(true) }), ...errors(401, 403) } },
      config: { access: 'session', stages: signInSteps },
    },
    async (req, reply) => {
      await service.logout(ctx, req.actor, sessionOf(req));
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/mfa',
    {
      schema: { tags: ['auth'], summary: 'Second sign-in step: TOTP code or recovery code', body: schema.mfaBody, response: { 200: schema.sessionView, ...errors(400, 401, 403, 422, 423, 429) } },
      config: { access: 'session', stages: ['mfa'], rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req) => service.verifyMfa(ctx, req.actor, sessionOf(req), req.body),
  );

  r.post(
    '/api/auth/mfa/setup',
    {
      schema: { tags: ['auth'], summary: 'Start TOTP enrolment: a new secret and its QR code', response: { 200: schema.mfaSetup, ...errors(401, 403, 422) } },
      config: { access: 'session', stages: ['enrol'] },
    },
    async (req) => service.startEnrolment(ctx, req.actor, sessionOf(req)),
  );

  r.post(
    '/api/auth/mfa/confirm',
    {
      schema: { tags: ['auth'], summary: 'Finish TOTP enrolment with a code from the app; returns recovery codes once', body: schema.mfaConfirmBody, response: { 200: schema.recoveryCodes, ...errors(400, 401, 403, 422) } },
      config: { access: 'session', stages: ['enrol'] },
    },
    async (req) => service.confirmEnrolment(ctx, req.actor, sessionOf(req), req.body.code),
  );

  r.post(
    '/api/auth/mfa/recovery-codes',
    {
      schema: { tags: ['auth'], summary: 'Replace the recovery codes (the old ones stop working)', response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errors(401, 403, 422) } },
      config: { access: 'session' },
    },
    async (req) => ({ recoveryCodes: await service.regenerateRecoveryCodes(ctx, req.actor, sessionOf(req)) }),
  );

  r.post(
    '/api/auth/mfa/disable',
    {
      schema: { tags: ['auth'], summary: 'Turn optional TOTP off (needs the password)', body: schema.mfaDisableBody, response: { 200: schema.sessionView, ...errors(400, 401, 403, 422) } },
      config: { access: 'session' },
    },
    async (req) => service.disableMfa(ctx, req.actor, sessionOf(req), req.body.password),
  );

  r.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: 'Change the own password; other sessions end', body: schema.passwordBody, response: { 200: schema.sessionView, ...errors(400, 401, 403, 422) } },
      config: { access: 'session', stages: ['password'], rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req) => service.changePassword(ctx, req.actor, sessionOf(req), req.body),
  );
}
