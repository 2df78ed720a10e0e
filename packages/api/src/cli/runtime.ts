import { SingleBar } from 'cli-progress';
import { userInfo } from 'node:os';
import pg from 'pg';
import { contextFor, createAppServices, type AppServices, type Context } from '../app/context.js';
import { systemActor, type Actor } from '../auth/actor.js';
import type { Role } from '../auth/roles.js';
import { User, UserStatus } from '../auth/user.entity.js';
import { loadConfig, type Config } from '../config/config.js';
import { installationSecrets } from '../config/local-secrets.js';
import { ensureDatabase, withDatabase } from '../db/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded-postgres.js';
import { openOrm } from '../db/orm.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { findTenantBySlug } from '../modules/tenants/tenant.repository.js';
import { systemClock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { setLogLevel } from '../shared/logger.js';

/** Exit codes that mean something to a script. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, INTERRUPTED: 130 } as const;

/** Wrong arguments (exit 2): the message says what to type instead. */
export class UsageError extends Error {}

export interface GlobalOptions {
  tenant?: string;
  json?: boolean;
  as?: string;
  yes?: boolean;
}

/** An open CLI session: the product's services, scoped to one tenant and one actor. */
export interface Cli {
  app: AppServices;
  tenant: Tenant;
  actor: Actor;
  /** A fresh context (forked EntityManager) per call, as a request gets one. */
  ctx(): Context;
  options: GlobalOptions;
  print: Printer;
  close(): Promise<void>;
}

/**
 * The database the CLI works on: DATABASE_URL, or the embedded one of `pnpm start` (reached on its
 * port while the product runs, started here on the same data folder when it does not).
 */
async function openDatabase(config: Config): Promise<{ url: string; embedded?: EmbeddedServer }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const running = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPg.port}/reseller_hub`;
  const probe = new pg.Client({ connectionString: running, connectionTimeoutMillis: 1500 });
  try {
    await probe.connect();
    await probe.end();
    return { url: running };
  } catch {
    await probe.end().catch(() => undefined);
  }
  const embedded = await startEmbeddedPostgres({ dir: config.embeddedPg.dir, port: config.embeddedPg.port, persistent: true });
  return { url: withDatabase(embedded.url, 'reseller_hub'), embedded };
}

export async function openCli(options: GlobalOptions, { needsTenant = true, migrate = false } = {}): Promise<Cli> {
  const config = loadConfig();
  setLogLevel(process.env.LOG_LEVEL ? config.logLevel : 'warn');
  const database = await openDatabase(config);
  await ensureDatabase(database.url);
  // Only `db migrate` changes the schema; other commands refuse a database that is behind.
  const orm = await openOrm(database.url, { quiet: true, migrate });
  const pending = await orm.getMigrator().getPendingMigrations();
  if (pending.length > 0) {
    await orm.close();
    await database.embedded?.stop();
    throw new UsageError(`The database needs ${pending.length} migration(s): run \`reseller-hub db migrate\` first (starting the product also applies them).`);
  }
  const app = createAppServices(config, orm, systemClock, installationSecrets(config));
  const close = async () => {
    await app.scheduler.stop();
    await orm.close();
    await database.embedded?.stop();
  };
  try {
    const slug = options.tenant ?? config.defaultTenantSlug;
    const tenant = needsTenant ? await findTenantBySlug(orm.em.fork(), slug) : null;
    if (needsTenant && !tenant) throw new UsageError(`No tenant "${slug}" (give --tenant SLUG)`);
    const actor = tenant ? await actorFor(app, tenant, options.as) : systemActor('', 'cli');
    return {
      app,
      tenant: tenant!,
      actor,
      ctx: () => contextFor(app, actor, { requestId: `cli-${Date.now()}` }),
      options,
      print: new Printer(!!options.json),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `--as EMAIL` acts as that staff user (their role, audited under their name); otherwise the CLI acts as an administrator. */
async function actorFor(app: AppServices, tenant: Tenant, email: string | undefined): Promise<Actor> {
  if (!email) return { ...systemActor(tenant.id, 'cli'), label: `cli:${userInfo().username}` };
  const user = await app.orm.em.fork().findOne(User, { tenant, email: email.toLowerCase(), status: UserStatus.ACTIVE }, { filters: false, populate: ['reseller'] });
  if (!user) throw new UsageError(`No active user ${email} in tenant ${tenant.slug}`);
  return { kind: 'user', tenantId: tenant.id, role: user.role, resellerId: user.reseller?.id ?? null, userId: user.id, sessionId: 'cli', label: `${user.email} (cli)` };
}

/** Refuses a command to an `--as` user whose role may not do it (the same roles as the GraphQL operation). */
export function requireRole(cli: Cli, roles: readonly Role[]): void {
  if (!roles.includes(cli.actor.role)) throw new AppError('FORBIDDEN', `${cli.actor.label} (${cli.actor.role}) may not do this; allowed: ${roles.join(', ')}`);
}

/**
 * Bulk changes on a terminal: more than 100 rows need `--yes` (scripts pass it; a person sees the
 * count first with --dry-run).
 */
export function confirmBulk(cli: Cli, rows: number, what: string): void {
  if (rows > 100 && process.stdin.isTTY && process.stdout.isTTY && !cli.options.yes) {
    throw new UsageError(`This would change ${rows} ${what}. Look first with --dry-run, then run again with --yes.`);
  }
}

/** Human output on stdout, or one JSON document with --json (for scripts). Messages go to stderr. */
export class Printer {
  constructor(readonly json: boolean) {}

  result(data: unknown, human: () => string): void {
    process.stdout.write(this.json ? `${JSON.stringify(data, jsonValue, 2)}\n` : `${human()}\n`);
  }

  note(message: string): void {
    if (!this.json) process.stderr.write(`${message}\n`);
  }
}

function jsonValue(_key: string, value: unknown) {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A plain text table: columns padded to their widest cell. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

/**
 * Progress of a long operation: a bar on a terminal, plain "label: 40%" lines otherwise (logs, CI),
 * on stderr so stdout stays the result.
 */
export class Progress {
  private readonly bar: SingleBar | undefined;
  private lastStep = -1;
  private lastPhase = '';

  constructor(
    private readonly label: string,
    private readonly quiet: boolean,
  ) {
    if (!quiet && process.stderr.isTTY) {
      this.bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {phase}`, stream: process.stderr, hideCursor: true, clearOnComplete: false });
      this.bar.start(100, 0, { phase: '' });
    }
  }

  update(percent: number, phase = ''): void {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    if (this.bar) return this.bar.update(value, { phase });
    if (this.quiet) return;
    // One line per tenth, and at each new phase.
    const step = Math.floor(value / 10);
    if (step === this.lastStep && phase === this.lastPhase) return;
    this.lastStep = step;
    this.lastPhase = phase;
    process.stderr.write(`${this.label}: ${value}%${phase ? ` ${phase}` : ''}\n`);
  }

  stop(): void {
    this.bar?.stop();
  }
}
