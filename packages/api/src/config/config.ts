import { z } from 'zod';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** packages/api — the base for default paths, independent of the process's working directory. */
export const apiRoot = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = path.resolve(apiRoot, '../..');

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  EMBEDDED_PG_DIR: z.string().default(path.join(repoRoot, '.data', 'postgres')),
  EMBEDDED_PG_PORT: z.coerce.number().int().default(54329),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  PAYOUT_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'PAYOUT_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  DEFAULT_TENANT_SLUG: z.string().default('demo'),
  SEED_DEMO: boolean.optional(),
  GRAPHQL_INTROSPECTION: boolean.optional(),
  GRAPHQL_IDE: boolean.optional(),
  CORS_ORIGINS: z.string().default(''),
  APPLICATION_RATE_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(5),
  LOGIN_RATE_LIMIT_PER_15_MIN: z.coerce.number().int().positive().default(20),
  GRAPHQL_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  GRAPHQL_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(1200),
  GRAPHQL_RATE_LIMIT_PER_SESSION: z.coerce.number().int().positive().default(300),
  GRAPHQL_RATE_LIMIT_PER_API_KEY: z.coerce.number().int().positive().default(1200),
  TRUST_PROXY: z.string().trim().min(1).default('loopback'),
  PORTAL_DIST: z.string().default(path.join(repoRoot, 'packages', 'portal', 'dist')),
  ADMIN_DIST: z.string().default(path.join(repoRoot, 'packages', 'admin', 'dist')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  PROCESS_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().optional(),
  EMAIL_DELIVERY_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  EMAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  EMAIL_CLAIM_SECONDS: z.coerce.number().min(1).max(86_400).default(600),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
  JOB_LOCK_LIFETIME_MS: z.coerce.number().int().min(1000).optional(),
  JOBS_TABLE: z.string().regex(/^agenda_[a-z0-9_]*$/, 'JOBS_TABLE must start with agenda_ and use a-z, 0-9, _').default('agenda_jobs'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  /** Absent: `pnpm start` runs an embedded PostgreSQL under `embeddedPg.dir`. */
  databaseUrl: string | undefined;
  embeddedPg: { dir: string; port: number };
  /** Absent outside production: a random secret kept in the data folder (see main.ts). */
  sessionSecret: string | undefined;
  /** Absent outside production: a random key kept in the data folder (see main.ts). */
  payoutEncryptionKey: Buffer | undefined;
  sessionTtlHours: number;
  defaultTenantSlug: string;
  seedDemo: boolean;
  introspection: boolean;
  graphqlIde: boolean;
  corsOrigins: string[];
  rateLimits: {
    applicationsPerHour: number;
    loginsPer15Min: number;
    /** Every request to /graphql counts against its client IP and against the credential it presents. */
    graphql: { windowSeconds: number; perIp: number; perSession: number; perApiKey: number };
  };
  /** Express's `trust proxy`: whose X-Forwarded-For is believed for the client IP (rate limits, audit). */
  trustProxy: boolean | number | string;
  spaDist: { portal: string; admin: string };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** `all`: HTTP and the scheduler in one process; `api`: HTTP only; `worker`: jobs only (scale apart). */
  role: 'all' | 'api' | 'worker';
  mail: {
    /** Absent outside production: emails are captured for the outbox preview instead of sent. */
    smtpUrl: string | undefined;
    from: string | undefined;
    deliveryEverySeconds: number;
    /** First retry delay after a temporary failure; doubles per attempt up to an hour. */
    retryBaseSeconds: number;
    /** How long a delivery run holds the emails it took; a dead worker's emails go out again after this. */
    claimSeconds: number;
  };
  /** `lockLifetimeMs` overrides every workflow's (crash tests); `table` is Agenda's (kept out of the ORM's schema). */
  jobs: { pollMs: number; lockLifetimeMs: number | undefined; table: string };
};

/**
 * TRUST_PROXY as express reads it: `true`/`false`, a number of proxy hops, or addresses, subnets
 * and express's names (`loopback`, `linklocal`, `uniquelocal`), comma-separated.
 */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The only place that reads process.env: parsed once, failing with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET) throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production');
  if (production && !e.PAYOUT_ENCRYPTION_KEY) throw new Error('Invalid configuration:\n  PAYOUT_ENCRYPTION_KEY: required in production');
  if (production && !e.SMTP_URL) throw new Error('Invalid configuration:\n  SMTP_URL: required in production (emails are only captured without it)');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL || undefined,
    embeddedPg: { dir: e.EMBEDDED_PG_DIR, port: e.EMBEDDED_PG_PORT },
    sessionSecret: e.SESSION_SECRET,
    payoutEncryptionKey: e.PAYOUT_ENCRYPTION_KEY ? Buffer.from(e.PAYOUT_ENCRYPTION_KEY, 'base64') : undefined,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    defaultTenantSlug: e.DEFAULT_TENANT_SLUG,
    seedDemo: e.SEED_DEMO ?? !production,
    introspection: e.GRAPHQL_INTROSPECTION ?? !production,
    graphqlIde: e.GRAPHQL_IDE ?? !production,
    corsOrigins: e.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    rateLimits: {
      applicationsPerHour: e.APPLICATION_RATE_LIMIT_PER_HOUR,
      loginsPer15Min: e.LOGIN_RATE_LIMIT_PER_15_MIN,
      graphql: { windowSeconds: e.GRAPHQL_RATE_LIMIT_WINDOW_SECONDS, perIp: e.GRAPHQL_RATE_LIMIT_PER_IP, perSession: e.GRAPHQL_RATE_LIMIT_PER_SESSION, perApiKey: e.GRAPHQL_RATE_LIMIT_PER_API_KEY },
    },
    trustProxy: trustProxySetting(e.TRUST_PROXY),
    spaDist: { portal: e.PORTAL_DIST, admin: e.ADMIN_DIST },
    logLevel: e.LOG_LEVEL,
    role: e.PROCESS_ROLE,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, deliveryEverySeconds: e.EMAIL_DELIVERY_EVERY_SECONDS, retryBaseSeconds: e.EMAIL_RETRY_BASE_SECONDS, claimSeconds: e.EMAIL_CLAIM_SECONDS },
    jobs: { pollMs: e.JOBS_POLL_MS, lockLifetimeMs: e.JOB_LOCK_LIFETIME_MS, table: e.JOBS_TABLE },
  };
}
