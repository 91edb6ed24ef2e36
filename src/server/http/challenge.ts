import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { challengeWorks } from '../../shared/challenge';
import type { AppContext } from '../context';
import { randomToken, safeEqual } from '../crypto';
import type { Queryable } from '../db/db';
import { invalid } from '../errors';
import { errors, typed } from './route-kit';

/** How long a challenge may be solved and sent. */
const TTL_MS = 15 * 60 * 1000;

export const challengeView = z.object({
  challenge: z.string().describe('Find a nonce such that SHA-256("<challenge>:<nonce>") starts with `bits` zero bits'),
  bits: z.number().int(),
  expiresAt: z.string(),
});

/** The proof of work every public form carries: its challenge and the nonce found for it. */
export const challengeAnswer = z.object({
  challenge: z.string().min(1).max(300),
  nonce: z.string().min(1).max(40),
});

const sign = (ctx: AppContext, payload: string) => createHmac('sha256', ctx.keyFor('public-challenge')).update(payload).digest('base64url');

export function issueChallenge(ctx: AppContext): z.infer<typeof challengeView> {
  const expires = ctx.clock.now().getTime() + TTL_MS;
  const payload = `${randomToken(12)}.${expires}.${ctx.config.challengeBits}`;
  return { challenge: `${payload}.${sign(ctx, payload)}`, bits: ctx.config.challengeBits, expiresAt: new Date(expires).toISOString() };
}

const refused = (zh: string, en: string) => invalid({ zh, en }, [{ field: 'challenge' }]);

/** Checks the proof of work and spends it (in the caller's transaction): each challenge works once. */
export async function spendChallenge(ctx: AppContext, tx: Queryable, answer: z.infer<typeof challengeAnswer>): Promise<void> {
  const [id, expires, bits, signature] = answer.challenge.split('.');
  if (!id || !expires || !bits || !signature || !safeEqual(signature, sign(ctx, `${id}.${expires}.${bits}`))) {
    throw refused('防刷校验无效，请刷新页面后重试', 'The anti-spam check is not valid; reload the page and try again');
  }
  const now = ctx.clock.now();
  if (Number(expires) < now.getTime()) throw refused('防刷校验已过期，请重新提交', 'The anti-spam check expired; send the form again');
  if (Number(bits) < ctx.config.challengeBits || !challengeWorks(answer.challenge, answer.nonce, Number(bits))) {
    throw refused('防刷校验未通过，请重新提交', 'The anti-spam check failed; send the form again');
  }
  await tx.query('DELETE FROM spent_challenges WHERE expires_at < $1', [now]);
  const spent = await tx.query('INSERT INTO spent_challenges (id, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id', [id, new Date(Number(expires))]);
  if (spent.length === 0) throw refused('此次提交已处理过，请勿重复提交', 'This form was already sent; it is not accepted twice');
}

export default function challengeRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/api/public/challenge',
    {
      schema: { tags: ['public'], summary: 'A fresh anti-spam challenge for a public form (proof of work, no account needed)', response: { 200: challengeView, ...errors(429) } },
      config: { access: 'public', rateLimit: { max: ctx.config.publicRateLimit * 6, timeWindow: '1 minute' } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return issueChallenge(ctx);
    },
  );
}
