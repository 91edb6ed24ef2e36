import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { buildContext } from '../../src/server/bootstrap';
import { ManualClock } from '../../src/server/clock';
import type { Config } from '../../src/server/config';
import type { AppContext } from '../../src/server/context';
import type { Db } from '../../src/server/db/db';
import { DEMO_PASSWORD } from '../../src/server/domains/identity/auth/password-rules';
import { JOB_HANDLERS } from '../../src/server/jobs/handlers';
import { JobRunner } from '../../src/server/jobs/runner';
import { createTestDb } from './db';
import { TEST_SECRET, testConfig, type TemplateKind } from './templates';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  db: Db;
  clock: ManualClock;
  /** A client with its own cookie jar. */
  agent(): Agent;
  /** Runs the queued jobs to the end, here and now (imports, scans…). */
  runJobs(): Promise<void>;
  /** A client signed in as a demo account (demo accounts skip TOTP in demo mode). */
  as(username: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  template?: TemplateKind;
  demo?: boolean;
  env?: Record<string, string>;
  config?: Partial<Config>;
  clockStart?: string;
}

/** The whole HTTP application on a fresh cloned database, with a clock the test controls. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDb(opts.template ?? 'demo');
  const clock = new ManualClock(opts.clockStart ?? new Date().toISOString());
  const config = { ...testConfig(opts.env), ...(opts.config ?? {}) };
  const ctx = buildContext(config, db, { demo: opts.demo ?? true, secret: TEST_SECRET, clock });
  const app = await buildApp(ctx);
  await app.ready();
  const agent = () => new Agent(app);
  const jobs = new JobRunner(ctx, JOB_HANDLERS);
  return {
    app,
    ctx,
    db,
    clock,
    agent,
    runJobs: () => jobs.drain(),
    async as(username, password = DEMO_PASSWORD) {
      const a = agent();
      const res = await a.post('/api/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return a;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export interface Reply extends LightMyRequestResponse {
  data: any;
}

/** Keeps the session cookie and CSRF token like a browser tab would. */
export class Agent {
  cookie: string | undefined;
  csrf: string | undefined;
  headers: Record<string, string> = {};
  constructor(private readonly app: FastifyInstance) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = { ...this.headers, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    const setCookie = res.cookies.find((c) => c.name === 'xz_sid' || c.name === '__Host-xz_sid');
    if (setCookie) this.cookie = setCookie.value ? `${setCookie.name}=${setCookie.value}` : undefined;
    let data: unknown;
    try {
      data = res.json();
    } catch {
      data = undefined;
    }
    const token = (data as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token === 'string') this.csrf = token;
    return Object.assign(res, { data });
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', url, body ?? {}, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}
