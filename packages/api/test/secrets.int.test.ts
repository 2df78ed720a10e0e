/**
 * Secrets never leave the product except where they are the answer: the real product
 * (`src/main.ts`, production mode, LOG_LEVEL=debug, jobs and email delivery in the same process)
 * runs as a child process, known secrets go through it — passwords at login and set-password, the
 * set-password token, session tokens, an API key, a bank account and routing number — with
 * failing variants (wrong password, weak password, garbage tokens, invalid bank numbers, values of
 * the wrong type, missing fields, and internal errors: the database refusing the write that
 * carries the secret). Then everything the process wrote (stdout and stderr) is searched for every
 * secret, for the password hash, token hash and encrypted account number read back from the
 * database, and for anything shaped like a hash, a ciphertext, a session token or an API key.
 * Every GraphQL response is searched too (only login's token and createApiKey's one-time secret
 * may appear, each in its own answer), and so is every email (only the invitation's token, in the
 * invitation).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DriverException } from '@mikro-orm/core';
import { Role } from '../src/auth/roles.js';
import { User } from '../src/auth/user.entity.js';
import { tenantEntityManager } from '../src/db/scope.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { sqlRows } from '../src/db/raw-sql.js';
import { createStaffUser, createTenant } from '../src/seeders/factories.js';
import { freePort } from '../bench/server-process.js';
import { applicationInput, SUBMIT } from './helpers.js';

const apiDir = fileURLToPath(new URL('../', import.meta.url));

/** Configuration secrets of the child. */
const SESSION_SECRET = `session-secret-${randomBytes(24).toString('hex')}`;
const PAYOUT_KEY = randomBytes(32).toString('base64');
const SMTP_USER = 'hub-mailer';
const SMTP_PASSWORD = `smtp-pass-${randomBytes(12).toString('hex')}`;
const DB_PASSWORD = `db-pass-${randomBytes(12).toString('hex')}`;

/** Secrets of users, sent in requests. */
const ADMIN_PASSWORD = `Admin-pass-${randomBytes(8).toString('hex')}-1`;
const OWNER_PASSWORD = `Owner-pass-${randomBytes(8).toString('hex')}-2`;
const FAILING_USER_PASSWORD = `Failing-pass-${randomBytes(8).toString('hex')}-3`;
const WRONG_PASSWORD = `Wrong-pass-${randomBytes(8).toString('hex')}-4`;
const WEAK_PASSWORD = `weak${randomBytes(2).toString('hex')}`; // under 12 characters: refused
const GARBAGE_TOKEN = randomBytes(32).toString('base64url');
const GARBAGE_API_KEY = `rhk_${randomBytes(32).toString('base64url')}`;
const GARBAGE_SESSION = `eyJhbGciOiJIUzI1NiJ9.${randomBytes(40).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
const ACCOUNT_NUMBER = `4${Array.from(randomBytes(11), (b) => b % 10).join('')}`; // 12 digits
const FAILING_ACCOUNT_NUMBER = `7${Array.from(randomBytes(13), (b) => b % 10).join('')}`; // 14 digits
const INVALID_ACCOUNT_NUMBER = `${Array.from(randomBytes(20), (b) => b % 10).join('')}`; // 20 digits: too long
const ROUTING_NUMBER = '011000015';
const FAILING_ROUTING_NUMBER = '021000021';
const INVALID_ROUTING_NUMBER = '123456789'; // bad check digit

interface Exchange {
  label: string;
  status: number;
  text: string;
  /** Secrets that are this answer's purpose. */
  allowed: string[];
}

let databaseUrl: string;
let child: ChildProcess | undefined;
let output = '';
let childUrl: string;
let smtp: SMTPServer;
const mails: { to: string; subject: string; text: string; html: string }[] = [];
const exchanges: Exchange[] = [];
const tenantSlug = `secrets-${process.pid}`;
/** Secrets that appear only at run time (tokens, keys) or read back from the database. */
const learned: Record<string, string> = {};

async function gql(label: string, query: string, variables: Record<string, unknown> = {}, options: { token?: string; allowed?: string[] } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${childUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  exchanges.push({ label, status: response.status, text, allowed: options.allowed ?? [] });
  return { status: response.status, json: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const code = (answer: { json: { errors?: { extensions?: { code?: string } }[] } }) => answer.json.errors?.[0]?.extensions?.code;

async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`the product exited while waiting for ${what}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-5000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token user { email } } }';
const SET_PASSWORD = 'mutation($input: SetPasswordInput!) { setPassword(input: $input) { email } }';
const SET_PAYOUT = 'mutation($input: SetMyPayoutAccountInput!) { setMyPayoutAccount(input: $input) { payoutAccount { holderName accountLast4 accountType verifiedAt } } }';
const INVITE = 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id email status } } }';

function setPasswordTokenFor(email: string): Promise<string> {
  return waitFor(() => {
    const mail = mails.find((m) => m.to.includes(email) && /set-password\?token=/.test(m.text));
    const match = mail && /set-password\?token=([^&\s"<>]+)/.exec(mail.text);
    return match ? decodeURIComponent(match[1]!) : undefined;
  }, `the invitation email to ${email}`);
}

beforeAll(async () => {
  // An SMTP server that wants a login, so the SMTP password is in use too.
  smtp = new SMTPServer({
    secure: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth: (auth, _session, callback) => (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD ? callback(null, { user: SMTP_USER }) : callback(new Error('Invalid username or password'))),
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          mails.push({ to: Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(', ') : (mail.to?.text ?? ''), subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  // A database of its own (the child runs the jobs of every tenant it finds), migrated here so the
  // child starts without migration output. PostgreSQL trusts local connections, so the URL's
  // password is accepted and unused — but the product holds it like a real one.
  databaseUrl = withDatabase(inject('databaseUrl'), `rh_secrets_${process.pid}_${Date.now()}`);
  await ensureDatabase(databaseUrl);
  const orm = await openOrm(databaseUrl, { quiet: true });
  try {
    const tenant = await createTenant(orm.em, { slug: tenantSlug, name: 'Secret Networks' });
    await createStaffUser(orm.em, tenant, { email: 'admin@secrets.example', name: 'Admin', role: Role.ADMIN, password: ADMIN_PASSWORD });
    // "Internal errors": the database refuses the writes that carry a new password hash or new bank
    // details for these two (as a full disk or a broken replica would), after the product computed them.
    const knex = orm.em.getConnection().getKnex();
    await knex.raw(`create function rh_secrets_refuse() returns trigger language plpgsql as $$ begin raise exception 'simulated storage failure'; end $$`);
    await knex.raw(`create trigger rh_secrets_refuse_user before update on app_user for each row when (new.email = 'failing@secrets.example' and new.password_hash is not null) execute function rh_secrets_refuse()`);
    await knex.raw(`create trigger rh_secrets_refuse_payout before insert or update on payout_account for each row when (new.holder_name = 'Failing Holder') execute function rh_secrets_refuse()`);
  } finally {
    await orm.close();
  }

  const port = await freePort();
  const url = new URL(databaseUrl);
  url.password = DB_PASSWORD;
  child = spawn(process.execPath, ['--import', './register.js', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: 'http://hub.test',
      DATABASE_URL: url.toString(),
      SESSION_SECRET,
      PAYOUT_ENCRYPTION_KEY: PAYOUT_KEY,
      SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'hub@secrets.example',
      DEFAULT_TENANT_SLUG: tenantSlug,
      EMAIL_DELIVERY_EVERY_SECONDS: '1',
      JOBS_POLL_MS: '200',
      PORTAL_DIST: '/nonexistent',
      ADMIN_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(() => output.includes('Reseller Hub is running'), 'the product to start', 150_000);
  childUrl = `http://127.0.0.1:${port}`;
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
});

describe('secrets through the running product', () => {
  it('go through sign-in, invitations, API keys and bank details, failing variants included', async () => {
    // Sign-in: wrong password, a password where the email should be (a type error), then right.
    expect(code(await gql('login wrong password', LOGIN, { input: { email: 'admin@secrets.example', password: WRONG_PASSWORD } }))).toBe('UNAUTHENTICATED');
    // graphql-js would repeat the refused value in these two; the message says what and where, not the value.
    const missingEmail = await gql('login with a missing email', LOGIN, { input: { password: ADMIN_PASSWORD } });
    expect(missingEmail.json.errors![0]).toMatchObject({ message: 'Variable "$input" got an invalid value: Field "email" of required type "String!" was not provided.', extensions: { code: 'BAD_USER_INPUT' } });
    const numberPassword = await gql('login with a number for a password', LOGIN, { input: { email: 'admin@secrets.example', password: Number(ACCOUNT_NUMBER) } });
    expect(numberPassword.json.errors![0]).toMatchObject({ message: 'Variable "$input" got an invalid value at "input.password": String cannot represent a non string value.', extensions: { code: 'BAD_USER_INPUT' } });
    const adminLogin = await gql('login admin', LOGIN, { input: { email: 'admin@secrets.example', password: ADMIN_PASSWORD } });
    const adminToken = adminLogin.json.data.login.token as string;
    exchanges.at(-1)!.allowed.push(adminToken);
    learned.adminSession = adminToken;

    // Garbage credentials.
    expect(code(await gql('garbage session', '{ me { role } }', {}, { token: GARBAGE_SESSION }))).toBe('UNAUTHENTICATED');
    expect(code(await gql('garbage API key', '{ me { role } }', {}, { token: GARBAGE_API_KEY }))).toBe('UNAUTHENTICATED');

    // An API key: its secret is the answer once, then it signs requests.
    const created = await gql('create API key', 'mutation { createApiKey(input: { name: "Billing sync", role: FINANCE }) { secret apiKey { prefix } } }', {}, { token: adminToken });
    const apiKey = created.json.data.createApiKey.secret as string;
    exchanges.at(-1)!.allowed.push(apiKey);
    learned.apiKey = apiKey;
    expect((await gql('me by API key', '{ me { kind role } }', {}, { token: apiKey })).json.data.me).toEqual({ kind: 'API_KEY', role: 'FINANCE' });

    // A partner applies and is approved: the owner's invitation carries a set-password token.
    const application = applicationInput(tenantSlug, { contactEmail: 'owner@partner.example' });
    expect((await gql('apply', SUBMIT, { input: application })).json.data.submitResellerApplication.application.status).toBe('SUBMITTED');
    const list = await gql('applications', '{ resellerApplications { nodes { id } } }', {}, { token: adminToken });
    const approved = await gql('approve', 'mutation($input: ApproveResellerApplicationInput!) { approveResellerApplication(input: $input) { reseller { id code } } }', { input: { applicationId: list.json.data.resellerApplications.nodes[0].id } }, { token: adminToken });
    const resellerId = approved.json.data.approveResellerApplication.reseller.id as string;
    const setPasswordToken = await setPasswordTokenFor('owner@partner.example');
    learned.setPasswordToken = setPasswordToken;

    expect(code(await gql('set password, garbage token', SET_PASSWORD, { input: { token: GARBAGE_TOKEN, password: OWNER_PASSWORD } }))).toBe('NOT_FOUND');
    expect(code(await gql('set password, weak password', SET_PASSWORD, { input: { token: setPasswordToken, password: WEAK_PASSWORD } }))).toBe('BAD_USER_INPUT');
    expect(code(await gql('set password, missing password', SET_PASSWORD, { input: { token: setPasswordToken } }))).toBe('BAD_USER_INPUT');
    expect((await gql('set password', SET_PASSWORD, { input: { token: setPasswordToken, password: OWNER_PASSWORD } })).json.data.setPassword.email).toBe('owner@partner.example');
    expect(code(await gql('set password, used token', SET_PASSWORD, { input: { token: setPasswordToken, password: OWNER_PASSWORD } }))).toBe('CONFLICT');

    // An invited user whose password the database then refuses to store: an internal error.
    await gql('invite failing user', INVITE, { input: { email: 'failing@secrets.example', name: 'Failing', role: 'RESELLER_STAFF', resellerId } }, { token: adminToken });
    const failingToken = await setPasswordTokenFor('failing@secrets.example');
    learned.failingSetPasswordToken = failingToken;
    expect(code(await gql('set password, storage fails', SET_PASSWORD, { input: { token: failingToken, password: FAILING_USER_PASSWORD } }))).toBe('INTERNAL_SERVER_ERROR');

    // The owner signs in and enters bank details: invalid ones, ones of the wrong type, ones the
    // database refuses to store, then good ones.
    expect(code(await gql('owner wrong password', LOGIN, { input: { email: 'owner@partner.example', password: WRONG_PASSWORD } }))).toBe('UNAUTHENTICATED');
    const ownerLogin = await gql('owner login', LOGIN, { input: { email: 'owner@partner.example', password: OWNER_PASSWORD } });
    const ownerToken = ownerLogin.json.data.login.token as string;
    exchanges.at(-1)!.allowed.push(ownerToken);
    learned.ownerSession = ownerToken;
    const payout = (label: string, input: Record<string, unknown>) => gql(label, SET_PAYOUT, { input }, { token: ownerToken });
    expect(code(await payout('bank: account too long', { holderName: 'Partner Owner', routingNumber: ROUTING_NUMBER, accountNumber: INVALID_ACCOUNT_NUMBER, accountType: 'CHECKING' }))).toBe('BAD_USER_INPUT');
    expect(code(await payout('bank: bad routing', { holderName: 'Partner Owner', routingNumber: INVALID_ROUTING_NUMBER, accountNumber: ACCOUNT_NUMBER, accountType: 'CHECKING' }))).toBe('BAD_USER_INPUT');
    expect(code(await payout('bank: account as a number', { holderName: 'Partner Owner', routingNumber: ROUTING_NUMBER, accountNumber: Number(ACCOUNT_NUMBER), accountType: 'CHECKING' }))).toBe('BAD_USER_INPUT');
    expect(code(await payout('bank: missing account type', { holderName: 'Partner Owner', routingNumber: ROUTING_NUMBER, accountNumber: ACCOUNT_NUMBER }))).toBe('BAD_USER_INPUT');
    const unknownType = await payout('bank: unknown account type', { holderName: 'Partner Owner', routingNumber: ROUTING_NUMBER, accountNumber: ACCOUNT_NUMBER, accountType: ACCOUNT_NUMBER });
    expect(unknownType.json.errors![0]!.message).toBe('Variable "$input" got an invalid value at "input.accountType": not a value of the "BankAccountType" enum.');
    expect(code(await payout('bank: storage fails', { holderName: 'Failing Holder', routingNumber: FAILING_ROUTING_NUMBER, accountNumber: FAILING_ACCOUNT_NUMBER, accountType: 'SAVINGS' }))).toBe('INTERNAL_SERVER_ERROR');
    const saved = await payout('bank: saved', { holderName: 'Partner Owner', routingNumber: ROUTING_NUMBER, accountNumber: ACCOUNT_NUMBER, accountType: 'CHECKING' });
    expect(saved.json.data.setMyPayoutAccount.payoutAccount).toMatchObject({ accountLast4: ACCOUNT_NUMBER.slice(-4), verifiedAt: null });
    // Read back by finance: masked.
    const asFinance = await gql('payout account as finance', `query($id: ID!) { payoutAccount(resellerId: $id) { accountLast4 holderName } }`, { id: resellerId }, { token: apiKey });
    expect(asFinance.json.data.payoutAccount.accountLast4).toBe(ACCOUNT_NUMBER.slice(-4));
    await waitFor(() => mails.some((m) => m.to.includes(application.contactEmail) && /bank|payout/i.test(m.subject)), 'the bank details email');
  });

  it('none of them is in the logs, in an answer that is not its own, or in an email that is not the invitation', async () => {
    // What the database keeps instead of the secrets: also secret.
    const orm = await openOrm(databaseUrl, { migrate: false, quiet: true });
    try {
      const em = orm.em.fork();
      const [owner] = await sqlRows<{ password_hash: string }>(em, `select password_hash from app_user where email = 'owner@partner.example'`, []);
      const [admin] = await sqlRows<{ password_hash: string }>(em, `select password_hash from app_user where email = 'admin@secrets.example'`, []);
      const [account] = await sqlRows<{ account_number_ciphertext: string }>(em, `select account_number_ciphertext from payout_account`, []);
      const tokens = await sqlRows<{ token_hash: string }>(em, `select token_hash from user_token`, []);
      const [key] = await sqlRows<{ key_hash: string }>(em, `select key_hash from api_key`, []);
      expect(owner!.password_hash).toMatch(/^\$argon2id\$/);
      expect(account!.account_number_ciphertext).toMatch(/^v1:/);
      learned.ownerPasswordHash = owner!.password_hash;
      learned.adminPasswordHash = admin!.password_hash;
      learned.accountCiphertext = account!.account_number_ciphertext;
      learned.apiKeyHash = key!.key_hash;
      tokens.forEach((token, i) => (learned[`setPasswordTokenHash${i}`] = token.token_hash));
    } finally {
      await orm.close();
    }

    // Stop the product so everything it had to say is said.
    child!.kill('SIGTERM');
    await waitFor(() => child!.exitCode !== null || child!.signalCode !== null, 'the product to stop', 30_000).catch(() => undefined);

    const secrets: Record<string, string> = {
      SESSION_SECRET,
      PAYOUT_KEY,
      SMTP_PASSWORD,
      DB_PASSWORD,
      ADMIN_PASSWORD,
      OWNER_PASSWORD,
      FAILING_USER_PASSWORD,
      WRONG_PASSWORD,
      WEAK_PASSWORD,
      GARBAGE_TOKEN,
      GARBAGE_API_KEY,
      GARBAGE_SESSION,
      ACCOUNT_NUMBER,
      FAILING_ACCOUNT_NUMBER,
      INVALID_ACCOUNT_NUMBER,
      ROUTING_NUMBER,
      FAILING_ROUTING_NUMBER,
      INVALID_ROUTING_NUMBER,
      ...learned,
    };
    expect(Object.keys(learned)).toEqual(expect.arrayContaining(['adminSession', 'ownerSession', 'apiKey', 'setPasswordToken', 'ownerPasswordHash', 'accountCiphertext', 'apiKeyHash']));
    // Shapes of a password hash, a payout ciphertext, a session token (JWT) and an API key.
    const shapes: Record<string, RegExp> = {
      'an argon2 hash': /\$argon2id?\$/,
      'a payout ciphertext': /v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:/,
      'a session token': /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
      'an API key': /rhk_[A-Za-z0-9_-]{20,}/,
    };

    // The logs: the product did log (the failures, the jobs), and none of it is secret.
    expect(output).toMatch(/"level":"error","message":"unexpected error"/);
    expect(output).toMatch(/payout account changed/);
    const lines = output.split('\n');
    const inLogs = Object.entries(secrets).flatMap(([name, value]) => lines.filter((line) => line.includes(value)).map((line) => `${name}: ${line.slice(0, 400)}`));
    const shapesInLogs = Object.entries(shapes).flatMap(([name, shape]) => lines.filter((line) => shape.test(line)).map((line) => `${name}: ${line.slice(0, 400)}`));
    expect({ inLogs, shapesInLogs }).toEqual({ inLogs: [], shapesInLogs: [] });

    // GraphQL answers: a secret only in the answer whose purpose it is.
    expect(exchanges.length).toBeGreaterThan(25);
    const leaks: string[] = [];
    for (const exchange of exchanges) {
      for (const [name, value] of Object.entries(secrets)) {
        if (exchange.text.includes(value) && !exchange.allowed.includes(value)) leaks.push(`${exchange.label}: ${name} in ${exchange.text.slice(0, 300)}`);
      }
      const withoutAllowed = exchange.allowed.reduce((text, value) => text.split(value).join(''), exchange.text);
      for (const [name, shape] of Object.entries(shapes)) if (shape.test(withoutAllowed)) leaks.push(`${exchange.label}: ${name} in ${exchange.text.slice(0, 300)}`);
    }
    expect(leaks).toEqual([]);

    // Emails: the invitations carry their own token, nothing else carries anything.
    expect(mails.length).toBeGreaterThanOrEqual(3);
    const mailLeaks: string[] = [];
    for (const mail of mails) {
      const body = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const [name, value] of Object.entries(secrets)) {
        const ownToken = (name === 'setPasswordToken' || name === 'failingSetPasswordToken') && /set-password/.test(body);
        if (!ownToken && (body.includes(value) || body.includes(encodeURIComponent(value)))) mailLeaks.push(`${mail.subject} to ${mail.to}: ${name}`);
      }
    }
    expect(mailLeaks).toEqual([]);
  });

  it('a failed statement names its SQL, not its values, through the ORM and through raw SQL', async () => {
    const orm = await openOrm(databaseUrl, { migrate: false, quiet: true });
    const secret = `never-logged-${randomBytes(8).toString('hex')}`;
    try {
      const em = orm.em.fork();
      // Raw SQL with bound values (repositories): a duplicate key, whose detail would repeat the value.
      await sqlRows(em, 'create temporary table rh_secret_probe (value text primary key)', []);
      await sqlRows(em, 'insert into rh_secret_probe values (?)', [secret]);
      const raw = await sqlRows(em, 'insert into rh_secret_probe values (?)', [secret]).catch((error: Error) => error);
      expect(raw).toBeInstanceOf(Error);
      expect((raw as Error).message).toMatch(/^duplicate key value violates unique constraint .* \(in: insert into rh_secret_probe values \(\$1\)\)$/);
      // The ORM writes values into the SQL it sends: the failing flush of a new password hash.
      const { tenant } = await em.findOneOrFail(User, { email: 'failing@secrets.example' }, { filters: false });
      const scoped = tenantEntityManager(orm.em, tenant.id);
      const user = await scoped.findOneOrFail(User, { email: 'failing@secrets.example' });
      user.passwordHash = `$argon2id$${secret}`;
      const flushed = await scoped.flush().catch((error: Error) => error);
      expect(flushed).toBeInstanceOf(DriverException);
      expect((flushed as Error).message).toMatch(/^simulated storage failure \(in: update "app_user" set …\)$/);
      for (const error of [raw, flushed] as (Error & { detail?: string })[]) {
        expect(`${error.message}\n${error.stack}\n${error.detail ?? ''}`).not.toContain(secret);
      }
    } finally {
      await orm.close();
    }
  });
});
