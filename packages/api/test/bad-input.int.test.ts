/**
 * Hostile input to every mutation (property-based, fast-check). For each mutation in the schema,
 * generated arguments — valid values mixed with wrong JSON types, huge strings, unicode, NUL bytes
 * and lone surrogates, bad money, periods and dates, SQL and HTML injection, unknown enum values,
 * non-UUID and foreign ids, malformed CSV, NACHA-bound fields — are sent over HTTP by a caller
 * allowed to run it. Each answer must be a typed error or a valid result, never a 500; a refused
 * call must leave every table byte-for-byte unchanged; an accepted one must store text as sent
 * (never cut) and money exactly.
 *
 * Replay or scale: FUZZ_SEED=<seed printed by the run, or "random"> FUZZ_RUNS=<cases per mutation,
 * default 40> (FUZZ_ONLY=mutation,mutation narrows a replay; the fixtures then differ, so a replay
 * is exact only for the whole file with the same seed). FUZZ_COLLECT=1 reports every failing
 * mutation instead of stopping at the first; FUZZ_DEBUG=1 prints why valid-looking calls were refused.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import { getNamedType, isObjectType, isScalarType, isEnumType, isNonNullType, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { parseMoney } from '@reseller-hub/shared-schema/money';
import { parse as parseCsv } from 'csv-parse/sync';
import escapeHtml from 'escape-html';
import { createSchema } from '../src/app/schema.js';
import { unstorableTextPaths } from '../src/shared/storable-text.js';
import { databaseName, dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { tenantEntityManager } from '../src/db/scope.js';
import { OutboxEmail } from '../src/emails/outbox-email.entity.js';
import { CommissionLine } from '../src/modules/commissions/commission-run.entity.js';
import { PaymentFile } from '../src/modules/payouts/payment-batch.entity.js';
import { login, startTestApi, STAFF_PASSWORD, type TestApi } from './helpers.js';
import { changedTables, entityTables, TableWatch, type TableSnapshot } from './support/db-checksum.js';
import { fieldHints } from './support/field-hints.js';
import { FixtureRef, Fixtures, Fresh, type FixtureKind } from './support/fuzz-fixtures.js';
import { argumentsArbitrary, documentFor, inlineDocumentFor, type GeneratedCase } from './support/schema-cases.js';
import { FORMULA_INJECTION, HTML_INJECTION } from './support/hostile-values.js';
import { nachaProblems } from './support/nacha-check.js';
import { storedNacha } from '../src/modules/payouts/payment-file.repository.js';

/** Who calls each mutation (a caller the access policy allows, see access.int.test.ts); ADMIN when not listed. */
const CALLER: Record<string, 'public' | 'FINANCE' | 'RESELLER_OWNER' | 'fresh ADMIN session'> = {
  submitResellerApplication: 'public',
  withdrawResellerApplication: 'public',
  login: 'public',
  setPassword: 'public',
  // logout ends the session it is called with.
  logout: 'fresh ADMIN session',
  updateMyResellerProfile: 'RESELLER_OWNER',
  setMyPayoutAccount: 'RESELLER_OWNER',
  disputeCommissionLine: 'RESELLER_OWNER',
};

/** Mutations not fuzzed, each with the reason. A mutation missing here is fuzzed. */
const NOT_FUZZED: Record<string, string> = {};

/**
 * Tables a refused call may still write, and why. Checked after every refused call otherwise.
 */
const WRITTEN_EVEN_WHEN_REFUSED: Record<string, string> = {};

const TYPED_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

/** A fixed seed by default (CI runs the same cases every time); FUZZ_SEED=random explores new ones (the seed is printed). */
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** Report every failing mutation (first failure each, unshrunk) instead of stopping at the first: for a survey. */
const COLLECT = process.env.FUZZ_COLLECT === '1';
const failures: string[] = [];
const DEBUG = process.env.FUZZ_DEBUG === '1';
const ONLY = process.env.FUZZ_ONLY?.split(',').map((name) => name.trim());

interface Stats {
  ms: number;
  cases: number;
  accepted: number;
  refused: Record<string, number>;
}
const stats = new Map<string, Stats>();
const timing = { snapshots: 0, fixtures: 0, calls: 0 };
/** How many answered strings and amounts the echo check compared with what was sent. */
const echoed = { text: 0, money: 0 };
let inlineCases = 0;
/** Fields that accepted (and stored) text over 10,000 characters: no length limit there. */
const longTextAccepted = new Set<string>();

/** Accepted inputs of these mutations are replayed before exports in the downstream check (they shape the NACHA file). */
const REPLAYED_DOWNSTREAM: Record<string, true> = { updateAchSettings: true, setMyPayoutAccount: true };
const acceptedInputs = new Map<string, Record<string, unknown>[]>();

let api: TestApi;
let fixtures: Fixtures;
let databaseUrl: string;
let watch: TableWatch;
let mutations: GraphQLField<unknown, unknown>[];

beforeAll(async () => {
  // A database of its own: "every table unchanged" is then about this test's requests alone.
  const shared = inject('databaseUrl');
  databaseUrl = withDatabase(shared, `${databaseName(shared)}_fuzz`);
  await ensureDatabase(databaseUrl);
  await (await openOrm(databaseUrl, { quiet: true })).close();
  api = await startTestApi({ DATABASE_URL: databaseUrl, APPLICATION_RATE_LIMIT_PER_HOUR: '1000000', LOGIN_RATE_LIMIT_PER_15_MIN: '1000000' });
  fixtures = await Fixtures.create(api);
  watch = await TableWatch.start(api.orm, entityTables(api.orm).filter((table) => !(table in WRITTEN_EVEN_WHEN_REFUSED)));
  const schema = await createSchema();
  mutations = Object.values(schema.getMutationType()!.getFields()).sort((a, b) => a.name.localeCompare(b.name));
  console.log(`bad-input fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} (${mutations.length} mutations, ${watch.tables.length} tables checked)`);
}, 120_000);

afterAll(async () => {
  const rows = [...stats.entries()].map(([name, s]) => `${name.padEnd(32)} ${String(s.cases).padStart(5)} ${String(s.accepted).padStart(8)} ${String(s.cases - s.accepted).padStart(7)} ${(s.ms / 1000).toFixed(1).padStart(6)}s  ${Object.entries(s.refused).map(([code, n]) => `${code} ${n}`).join(', ')}`);
  const total = [...stats.values()].reduce((sum, s) => ({ cases: sum.cases + s.cases, accepted: sum.accepted + s.accepted }), { cases: 0, accepted: 0 });
  console.log(
    [`bad-input fuzz summary (FUZZ_SEED=${SEED}); ms in snapshots ${timing.snapshots}, fixtures ${timing.fixtures}, calls ${timing.calls}; answers compared with what was sent: ${echoed.text} texts, ${echoed.money} amounts; ${inlineCases} cases sent as literals`, `${'mutation'.padEnd(32)} cases accepted refused   time  refusals by code`, ...rows, `${'total'.padEnd(32)} ${String(total.cases).padStart(5)} ${String(total.accepted).padStart(8)} ${String(total.cases - total.accepted).padStart(7)}`].join('\n'),
  );
  console.log(`text over 10,000 characters accepted by: ${[...longTextAccepted].sort().join(', ') || 'none'}`);
  if (fixtures) console.log(`data at the end: ${JSON.stringify(await fixtures.describe())}`);
  console.log(`fixtures made: ${[...(fixtures?.costs ?? new Map()).entries()].map(([kind, c]) => `${kind} ${c.count} (${c.ms} ms)`).join(', ')}`);
  await api?.close();
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
});

/** Scalars, enums and Money of the payload, and those of its object fields one level down (no arguments needed). */
function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const parts: string[] = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    const inner = getNamedType(field.type);
    if (isScalarType(inner) || isEnumType(inner)) parts.push(field.name);
    else if (inner.name === 'Money') parts.push(`${field.name} { amount currency }`);
    else if (depth < 1 && isObjectType(inner)) {
      const sub = selectionFor(field.type, depth + 1);
      if (sub) parts.push(`${field.name} ${sub}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** Replaces fixture references and fresh placeholders with real values; returns the fixture kinds used. */
async function resolve(value: unknown, used: Set<FixtureKind>): Promise<unknown> {
  if (value instanceof FixtureRef) {
    used.add(value.kind);
    return (await fixtures.get(value.kind))[value.property];
  }
  if (value instanceof Fresh) return value.make(fixtures.fresh());
  if (typeof value === 'string' && value.includes('__CUSTOMER__')) {
    used.add('customer');
    return value.replaceAll('__CUSTOMER__', (await fixtures.get('customer')).externalId!);
  }
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) out.push(await resolve(item, used));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await resolve(item, used);
    return out;
  }
  return value;
}

async function tokenFor(mutation: string): Promise<string | undefined> {
  const caller = CALLER[mutation] ?? 'ADMIN';
  if (caller === 'public') return undefined;
  if (caller === 'fresh ADMIN session') return login(api, fixtures.tt.slug, `admin@${fixtures.tt.slug}.example`, STAFF_PASSWORD);
  return fixtures.callers[caller];
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
  raw: string;
}

async function post(document: string, variables: Record<string, unknown>, token: string | undefined): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': `198.18.${fixtures.fresh() % 250}.${fixtures.fresh() % 250}` };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
  const raw = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(raw);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, raw };
}

function short(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : v));
  return text && text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}

/** Strings sent, by field name. */
function sentStrings(value: unknown, into = new Map<string, string[]>(), key = ''): Map<string, string[]> {
  if (typeof value === 'string' && key && !/(^id|Id)$/.test(key)) into.set(key, [...(into.get(key) ?? []), value]);
  else if (Array.isArray(value)) for (const item of value) sentStrings(item, into, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) sentStrings(v, into, k);
  return into;
}

/**
 * An accepted call stored what was sent: every string field of the answer named like a string
 * field of the input holds one of the values sent for it (as sent, trimmed, or lower-cased for
 * emails) — a cut or changed value is a failure; a Money field named like an input holds exactly
 * the amount sent.
 */
function echoProblems(sent: Map<string, string[]>, data: unknown, path = ''): string[] {
  const problems: string[] = [];
  // Lists in an answer hold other records too (every job, every customer moved): not compared.
  if (Array.isArray(data)) return problems;
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const values = sent.get(key);
      if (values && typeof value === 'string') {
        echoed.text++;
        const matches = values.some((s) => value === s || value === s.trim() || value === s.trim().toLowerCase() || value === s.trim().split(/\s+/).join(' '));
        if (!matches) problems.push(`${path}.${key}: answered ${short(value)} for sent ${short(values)}`);
      } else if (values && value && typeof value === 'object' && 'amount' in value && typeof value.amount === 'string') {
        echoed.money++;
        const exact = values.some((s) => {
          try {
            return parseMoney(s.trim()) === parseMoney(value.amount as string);
          } catch {
            return false;
          }
        });
        if (!exact) problems.push(`${path}.${key}: money ${value.amount} for sent ${short(values)}`);
      } else problems.push(...echoProblems(sent, value, `${path}.${key}`));
    }
  }
  return problems;
}

async function runCase(mutation: GraphQLField<unknown, unknown>, document: string, selection: string, generated: GeneratedCase) {
  const used = new Set<FixtureKind>();
  let t = Date.now();
  const variables = (await resolve(generated.variables, used)) as Record<string, unknown>;
  const token = await tokenFor(mutation.name);
  timing.fixtures += Date.now() - t;
  t = Date.now();
  const before: TableSnapshot = await watch.snapshot();
  timing.snapshots += Date.now() - t;
  t = Date.now();
  const inline = generated.inline ? inlineDocumentFor(mutation, variables, selection) : null;
  if (inline) inlineCases++;
  const answer = inline ? await post(inline, {}, token) : await post(document, variables, token);
  timing.calls += Date.now() - t;
  const s = stats.get(mutation.name)!;
  s.cases++;
  const where = `${mutation.name} with ${short(variables)} (hostility ${generated.p}${inline ? ', as literals' : ''})`;
  expect(answer.status, `HTTP ${answer.status} for ${where}: ${answer.raw.slice(0, 500)}`).toBeLessThan(500);
  expect(answer.body, `not JSON for ${where}: ${answer.raw.slice(0, 300)}`).toBeDefined();
  const errors = answer.body!.errors ?? [];
  for (const error of errors) {
    expect(TYPED_CODES.has(error.extensions?.code ?? ''), `untyped error ${short(error)} for ${where}`).toBe(true);
  }
  const result = answer.body!.data?.[mutation.name];
  const accepted = result !== undefined && result !== null;
  if (!accepted) {
    const code = errors[0]?.extensions?.code ?? 'none';
    s.refused[code] = (s.refused[code] ?? 0) + 1;
    if (DEBUG && generated.p === 0) console.log(`valid case refused: ${mutation.name} ${short(variables)} → ${short(errors[0])}`);
    t = Date.now();
    const changed = changedTables(before, await watch.snapshot());
    timing.snapshots += Date.now() - t;
    expect(changed, `refused (${code}: ${errors[0]?.message.slice(0, 200)}) but changed ${changed.join(', ')} — ${where}`).toEqual([]);
    return;
  }
  s.accepted++;
  for (const [field, values] of sentStrings(variables)) if (values.some((value) => value.length > 10_000)) longTextAccepted.add(`${mutation.name}.${field}`);
  if (mutation.name in REPLAYED_DOWNSTREAM) acceptedInputs.set(mutation.name, [...(acceptedInputs.get(mutation.name) ?? []), variables]);
  expect(errors, `accepted with errors ${short(errors)} — ${where}`).toEqual([]);
  // The one check of input text (app/input-text.ts) lets nothing through that the database would refuse or alter.
  expect(unstorableTextPaths(variables), `accepted text the database cannot store — ${where}`).toEqual([]);
  const problems = echoProblems(sentStrings(variables), result);
  expect(problems, `accepted ${where}, but stored differently`).toEqual([]);
  fixtures.consumed(mutation.name, used);
}

describe('bad input to every mutation: a typed error or a valid result, and nothing written when refused', () => {
  it('every mutation of the schema is fuzzed unless a reason is given', async () => {
    const schema = await createSchema();
    const names = Object.keys(schema.getMutationType()!.getFields());
    for (const name of Object.keys({ ...NOT_FUZZED, ...CALLER })) expect(names, `${name} is not a mutation any more`).toContain(name);
    for (const [name, reason] of Object.entries(NOT_FUZZED)) expect(reason.length, `${name} needs a reason`).toBeGreaterThan(10);
    expect(names.length).toBeGreaterThan(50);
  });

  it('the table watch sees a committed change and not a rolled-back one (so the check below can fail)', async () => {
    const connection = api.orm.em.getConnection();
    const before = await watch.snapshot();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('begin');
    expect((await client.query(`update tenant set name = name || ' x' where id = $1`, [fixtures.other.tenant.id])).rowCount).toBe(1);
    await client.query('rollback');
    await client.end();
    expect(changedTables(before, await watch.snapshot())).toEqual([]);
    await connection.execute(`update tenant set name = name || ' x' where id = ?`, [fixtures.other.tenant.id]);
    expect(changedTables(before, await watch.snapshot())).toEqual(['tenant (2 → 2 rows)']);
    // A statement that writes nothing new (the same values) leaves the checksum as it was.
    const again = await watch.snapshot();
    await connection.execute(`update tenant set name = name where id = ?`, [fixtures.other.tenant.id]);
    expect(changedTables(again, await watch.snapshot())).toEqual([]);
  });

  it('fuzzes each mutation', { timeout: 30 * 60_000 }, async () => {
    const hints = fieldHints({ today: api.clock.now().toISOString().slice(0, 10) });
    for (const mutation of mutations) {
      if (mutation.name in NOT_FUZZED || (ONLY && !ONLY.includes(mutation.name))) continue;
      stats.set(mutation.name, { ms: 0, cases: 0, accepted: 0, refused: {} });
      const started = Date.now();
      const selection = selectionFor(mutation.type);
      const document = documentFor(mutation, selection);
      const seed = (SEED + [...mutation.name].reduce((hash, ch) => (hash * 31 + ch.charCodeAt(0)) | 0, 0)) | 0;
      const property = fc.asyncProperty(argumentsArbitrary(mutation, hints), (generated) => runCase(mutation, document, selection, generated));
      if (!COLLECT) {
        await fc.assert(property, { seed, numRuns: RUNS }).catch((error: Error) => {
          error.message = `${mutation.name} failed; replay the file with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}\n${error.message}`;
          throw error;
        });
      } else {
        const outcome = await fc.check(property, { seed, numRuns: RUNS, endOnFailure: true });
        if (outcome.failed) failures.push(`${mutation.name}: ${String((outcome.errorInstance as Error)?.message ?? outcome.errorInstance).slice(0, 1500)}`);
      }
      stats.get(mutation.name)!.ms = Date.now() - started;
      // The write notes missed nothing: checksums of every table from scratch agree with the tracked ones.
      const t = Date.now();
      expect(changedTables(await watch.snapshot(), await watch.fullSnapshot()), `tracked checksums drifted after ${mutation.name}`).toEqual([]);
      timing.snapshots += Date.now() - t;
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    // Every mutation ran its cases: none is skipped without a reason in NOT_FUZZED.
    const expected = mutations.filter((m) => !(m.name in NOT_FUZZED) && (!ONLY || ONLY.includes(m.name))).map((m) => m.name);
    expect(expected.filter((name) => (stats.get(name)?.cases ?? 0) < RUNS)).toEqual([]);
  });

  it('accepted hostile text is harmless downstream: valid NACHA files, CSV cells that are text, escaped emails', { timeout: 5 * 60_000 }, async () => {
    const em = () => tenantEntityManager(api.orm.em, fixtures.tt.tenant.id);
    // Exports with the ACH settings and bank details the fuzzing had accepted (the exports during
    // the fuzzing ran before those mutations' turn): each pair set again, then a batch exported.
    const ach = acceptedInputs.get('updateAchSettings') ?? [];
    const accounts = acceptedInputs.get('setMyPayoutAccount') ?? [];
    for (let i = 0; i < Math.min(8, Math.max(ach.length, accounts.length)); i++) {
      if (ach.length) expect((await post(documentFor(mutations.find((m) => m.name === 'updateAchSettings')!, '{ companyName }'), ach[i % ach.length]!, fixtures.callers.ADMIN)).body?.errors).toBeUndefined();
      if (accounts.length) expect((await post(documentFor(mutations.find((m) => m.name === 'setMyPayoutAccount')!, '{ __typename }'), accounts[i % accounts.length]!, fixtures.callers.RESELLER_OWNER)).body?.errors).toBeUndefined();
      fixtures.consumed('exportPaymentBatch', ['exportedPayment']);
      await fixtures.get('exportedPayment');
    }

    const files = await em().find(PaymentFile, {});
    expect(files.length).toBeGreaterThan(0);
    const textCell = (cell: string) => !/^[=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) && !(cell.startsWith('-') && !/^-\d+(\.\d+)?$/.test(cell));
    for (const file of files) {
      const nacha = storedNacha(file, api.services.payoutCipher);
      expect(nachaProblems(nacha), `${file.fileName}:\n${nacha}`).toEqual([]);
      const cells = (parseCsv(file.remittanceCsv) as string[][]).flat();
      expect(cells.filter((cell) => !textCell(cell)), file.remittanceCsv).toEqual([]);
    }

    const periods = [...new Set((await em().find(CommissionLine, {}, { fields: ['period'] })).map((line) => line.period))].slice(0, 40);
    for (const period of periods) {
      for (const groupBy of ['PLAN', 'RESELLER']) {
        const report = await api.gql(`query($p: String!, $g: CommissionReportGroup!) { commissionReport(period: $p, groupBy: $g) { csv } }`, { p: period, g: groupBy }, { token: fixtures.callers.FINANCE });
        const cells = (parseCsv(report.data.commissionReport.csv) as string[][]).flat();
        expect(cells.filter((cell) => !textCell(cell)), report.data.commissionReport.csv).toEqual([]);
      }
    }

    // Markup the fuzzing got accepted (names, notes) reached emails, and only ever escaped.
    const emails = await em().find(OutboxEmail, {}, { fields: ['html', 'text', 'subject', 'template'] });
    const markup = HTML_INJECTION.filter((sample) => /[<>"]/.test(sample));
    let rendered = 0;
    for (const email of emails) {
      for (const sample of markup) {
        expect(email.html.includes(sample), `${email.template} email holds ${sample} unescaped`).toBe(false);
        if (email.text.includes(sample)) {
          rendered++;
          expect(email.html, `${email.template} email`).toContain(escapeHtml(sample));
        }
      }
    }
    expect(rendered, 'no hostile markup reached an email: the check above checked nothing').toBeGreaterThan(0);
    expect(FORMULA_INJECTION.length).toBeGreaterThan(0);
  });
});
