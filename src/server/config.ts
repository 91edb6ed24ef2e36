import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Every variable is validated at start-up; a bad value stops
 * the process with a message naming the variable, so typos never surface later at run time.
 */
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 serves the LAN, 127.0.0.1 only this machine. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Real PostgreSQL (production). Unset → embedded PostgreSQL (PGlite) in XINZHI_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Folder of the embedded database, its lock and (by default) the file store. */
  XINZHI_DATA_DIR: z.string().min(1).default('./.xinzhi'),
  /** File store: a local folder (default <data dir>/files). Object storage (s3://) is not available in this build. */
  XINZHI_FILES: z
    .string()
    .min(1)
    .refine((v) => !v.startsWith('s3://'), 'object storage (s3://) is not available in this build; use a local folder')
    .optional(),
  /** Key material for encrypting TOTP secrets and signing; ≥ 32 characters. Required with DATABASE_URL. */
  XINZHI_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Outgoing mail. Unset → messages stay in the outbox table, visible to administrators. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Mail sender address when SMTP_URL is set. */
  SMTP_FROM: z.string().email().default('noreply@xinzhi.local'),
  /** Demo mode: demo data and accounts, banner on every page. Default: on for a new embedded data folder. */
  XINZHI_DEMO: flag.optional(),
  /** Seed of the deterministic demo data generator. */
  XINZHI_DEMO_SEED: z.coerce.number().int().min(0).default(2022),
  /** Size of the synthetic patent and trademark register a new demo platform gets. */
  XINZHI_DEMO_PATENTS: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
  XINZHI_DEMO_TRADEMARKS: z.coerce.number().int().min(0).max(5_000_000).default(10_000),
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto from it (1 = one hop). */
  XINZHI_TRUST_PROXY: flag.default(false),
  /** Sign-in attempts per client IP per minute before 429. */
  XINZHI_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(20),
  /** Public form submissions per client IP per minute before 429. */
  XINZHI_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(10),
  /** Largest evidence file (images, PDF, video, documents) a form accepts, in MB. */
  XINZHI_EVIDENCE_MAX_MB: z.coerce.number().int().min(1).max(2_000).default(50),
  /** Work the anti-spam challenge of public forms asks of a browser (leading zero bits of SHA-256). */
  XINZHI_CHALLENGE_BITS: z.coerce.number().int().min(1).max(24).default(16),
  /** Largest import file accepted (CSV, XLSX, JSON), in MB. */
  XINZHI_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(200),
  /** Test clusters may run PostgreSQL with fsync off; production refuses to start on such a server. */
  XINZHI_ALLOW_UNSAFE_DB: flag.default(false),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  database: { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  /** Undefined only for the embedded database, which keeps a generated secret in its data folder. */
  secret: string | undefined;
  smtp: { url: string; from: string } | undefined;
  /** Explicit demo choice; undefined lets an empty embedded database decide (it becomes a demo). */
  demo: boolean | undefined;
  demoSeed: number;
  demoPatents: number;
  demoTrademarks: number;
  trustProxy: boolean;
  loginRateLimit: number;
  publicRateLimit: number;
  allowUnsafeDb: boolean;
  importMaxBytes: number;
  evidenceMaxBytes: number;
  challengeBits: number;
  logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置错误:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}=${JSON.stringify(relevant[String(i.path[0])] ?? '')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.XINZHI_SECRET) {
    throw new ConfigError(['XINZHI_SECRET: required when DATABASE_URL is set (at least 32 random characters)']);
  }
  const dataDir = path.resolve(e.XINZHI_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'embedded', dataDir: path.join(dataDir, 'db') },
    dataDir,
    filesDir: path.resolve(e.XINZHI_FILES ?? path.join(dataDir, 'files')),
    secret: e.XINZHI_SECRET,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    demo: e.XINZHI_DEMO,
    demoSeed: e.XINZHI_DEMO_SEED,
    demoPatents: e.XINZHI_DEMO_PATENTS,
    demoTrademarks: e.XINZHI_DEMO_TRADEMARKS,
    trustProxy: e.XINZHI_TRUST_PROXY,
    loginRateLimit: e.XINZHI_LOGIN_RATE_LIMIT,
    publicRateLimit: e.XINZHI_PUBLIC_RATE_LIMIT,
    allowUnsafeDb: e.XINZHI_ALLOW_UNSAFE_DB,
    importMaxBytes: e.XINZHI_IMPORT_MAX_MB * 1024 * 1024,
    evidenceMaxBytes: e.XINZHI_EVIDENCE_MAX_MB * 1024 * 1024,
    challengeBits: e.XINZHI_CHALLENGE_BITS,
    logLevel: e.LOG_LEVEL,
  } satisfies Config);
}
