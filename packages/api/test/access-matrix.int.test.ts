/**
 * The authorization matrix: every query and mutation of the schema, with a document written from
 * the schema itself (schema-walk.ts) and argument values from the fixture registry
 * (access-fixtures.ts), called as every kind of caller of two tenants, each with realistic data
 * (access-world.ts). Every answer is checked against the declared policy (access-policy.ts):
 *
 * - refused: UNAUTHENTICATED without credentials, FORBIDDEN for a role the row does not list;
 * - out of scope: tenant A's ids from a tenant-B caller, and R1's ids from another reseller of
 *   tenant A, are NOT_FOUND; a list answers with no id of a row the caller may not see (every UUID
 *   in the answer is checked against the rows of the database);
 * - allowed: no refusal and no NOT_FOUND, and every operation answers with data for someone;
 * - never a 500 or INTERNAL_SERVER_ERROR.
 *
 * Tenant isolation for every entity type: each ID argument and ID input field (filters included)
 * is also tried alone with the other tenant's id, and the rows of both tenants (every tenant-owned
 * table, from MikroORM's metadata) are checksummed around all refused calls.
 *
 * Order, because mutations change data: reads; refused mutations and isolation cases (nothing may
 * change); tenant B's allowed mutations (tenant A unchanged); then tenant A's allowed mutations,
 * staff before partners (so a partner changing its bank details cannot stop finance's batch).
 * Destructive steps (decisions, revocations, payments) use fixtures of their own.
 *
 * A failing case names the operation, the variant (which optional id it fills) and the caller;
 * MATRIX_DEBUG=<part of that label> prints the document, variables and answer of matching cases.
 */
import { getNamedType, isLeafType, parse, extendSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { createSchema } from '../src/app/schema.js';
import { entities as entityClasses } from '../src/db/entities.js';
import { isResellerRole, Role } from '../src/auth/roles.js';
import { admits, POLICY, type PolicyRow } from './access-policy.js';
import { entityOfValue, fixtureFill, unmappedIdSlots } from './support/access-fixtures.js';
import { buildWorld, type Partner, type World } from './support/access-world.js';
import { guardedFields } from './support/guarded-fields.js';
import { buildArguments, documentWrapper, inputSlots, isIdSlot, operationDocument, pathsTo, rootOperations, selectionAlong, selectionFor, uuidsIn, type Fill, type InputSlot, type RootOperation } from './support/schema-walk.js';
import { resellerVisibleIds, tenantChecksums, tenantIds, tenantOwnedTables, type Checksums } from './support/tenant-data.js';
import { errorCode, login, startTestApi, STAFF_PASSWORD, type GqlResult, type TestApi } from './helpers.js';

const schema = await createSchema();
const operations = rootOperations(schema);
const guarded = await guardedFields();
const guardedCoordinates = new Set(guarded.map((g) => g.coordinate));

// --- callers ------------------------------------------------------------------------------------

type TenantKey = 'A' | 'B';
type UserKey = keyof World['users'];

interface Caller {
  id: string;
  kind: 'public' | 'user' | 'apiKey';
  tenant?: TenantKey;
  role?: Role;
  /** The reseller a partner caller belongs to: R1 (the data's own) or R2 ("another reseller"). */
  partner?: 'r1' | 'r2';
  user?: UserKey;
}

const { ADMIN, FINANCE, PARTNER_MANAGER, RESELLER_OWNER, RESELLER_STAFF } = Role;
const CALLER_KINDS: Omit<Caller, 'id' | 'tenant'>[] = [
  { kind: 'user', role: ADMIN, user: 'admin' },
  { kind: 'user', role: FINANCE, user: 'finance' },
  { kind: 'user', role: PARTNER_MANAGER, user: 'partnerManager' },
  { kind: 'user', role: RESELLER_OWNER, user: 'owner', partner: 'r1' },
  { kind: 'user', role: RESELLER_STAFF, user: 'staff', partner: 'r1' },
  { kind: 'user', role: RESELLER_OWNER, user: 'otherOwner', partner: 'r2' },
  { kind: 'apiKey', role: ADMIN },
  { kind: 'apiKey', role: FINANCE },
  { kind: 'apiKey', role: PARTNER_MANAGER },
  { kind: 'apiKey', role: RESELLER_OWNER, partner: 'r1' },
  { kind: 'apiKey', role: RESELLER_STAFF, partner: 'r1' },
];
const callerName = (c: Omit<Caller, 'id' | 'tenant'>) => `${c.kind === 'apiKey' ? 'key ' : ''}${c.partner === 'r2' ? 'OTHER_RESELLER_OWNER' : c.role}`;
const CALLERS: Caller[] = [
  { id: 'public', kind: 'public' },
  ...(['A', 'B'] as const).flatMap((tenant) => CALLER_KINDS.map((c) => ({ ...c, tenant, id: `${tenant}:${callerName(c)}` }))),
];
const isReseller = (c: Caller) => !!c.role && isResellerRole(c.role);

// --- variants: which optional ids a document fills ------------------------------------------------

interface Variant {
  label: string;
  optionalIds: Set<string>;
  /** ID slots the document fills that name a row (not e.g. an item inside a JSON column). */
  entitySlots: InputSlot[];
  /** Every ID slot the document fills. */
  idSlots: InputSlot[];
}

/** Entity class names (the mapping of ID slots is checked against the tenant-owned ones below). */
const entities: ReadonlySet<string> = new Set(entityClasses.map((entity) => entity.name));

/** Required ids always; each optional id (a filter's resellerId, say) in a variant of its own; reads also without. */
function variantsOf(op: RootOperation): Variant[] {
  const slots = inputSlots(op);
  const byPath = new Map(slots.map((s) => [s.path.join('.'), s]));
  const effectivelyRequired = (s: InputSlot) => s.path.every((_, i) => byPath.get(s.path.slice(0, i + 1).join('.'))!.required);
  const ids = slots.filter(isIdSlot);
  const required = ids.filter(effectivelyRequired);
  const optional = ids.filter((s) => !effectivelyRequired(s));
  const make = (label: string, chosen: InputSlot[]): Variant => {
    const idSlots = [...required, ...chosen];
    return { label, optionalIds: new Set(chosen.map((s) => s.coordinate)), idSlots, entitySlots: idSlots.filter((s) => !!entityOfValue(s, entities)) };
  };
  if (!optional.length) return [make('', [])];
  return [...optional.map((s) => make(` with ${s.path.join('.')}`, [s])), ...(op.kind === 'Query' ? [make(' without optional ids', [])] : [])];
}

// --- expectations -------------------------------------------------------------------------------

type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';

/** What the policy says, knowing only who calls and whether the document names tenant A / R1 records. */
function expectedOutcome(row: PolicyRow, caller: Caller, namesRecords: boolean): Outcome {
  if (row.who === 'PUBLIC') return 'ALLOWED';
  if (caller.kind === 'public') return 'UNAUTHENTICATED';
  if (!admits(row, caller.role)) return 'FORBIDDEN';
  if (row.peopleOnly && caller.kind === 'apiKey') return 'FORBIDDEN';
  if (namesRecords && (caller.tenant === 'B' || caller.partner === 'r2')) return 'NOT_FOUND';
  return 'ALLOWED';
}

// --- state built in beforeAll -------------------------------------------------------------------

let api: TestApi;
const worlds = {} as Record<TenantKey, World>;
/** Ids a caller may see, and ids it must never see (by caller id). */
const visible = new Map<string, Set<string>>();
const forbidden = new Map<string, Set<string>>();
let before: Record<TenantKey, Checksums>;
/** Operations (and variants) that answered an allowed caller of tenant A with data. */
const answered = new Set<string>();
/** Entities whose tenant-A id was refused NOT_FOUND to tenant B in an isolation case. */
const isolatedEntities = new Set<string>();
const counts = { reads: 0, refused: 0, isolation: 0, allowedB: 0, allowedA: 0, fields: 0 };

async function refreshScopes() {
  const everyone = new Set<string>();
  for (const tenant of ['A', 'B'] as const) {
    const world = worlds[tenant];
    const all = await tenantIds(api.orm, world.tenantId);
    const other = await tenantIds(api.orm, worlds[tenant === 'A' ? 'B' : 'A'].tenantId);
    const partners = { r1: await resellerVisibleIds(api.orm, world.tenantId, world.r1.id), r2: await resellerVisibleIds(api.orm, world.tenantId, world.r2.id) };
    for (const caller of CALLERS.filter((c) => c.tenant === tenant)) {
      const own = caller.partner ? partners[caller.partner] : all;
      visible.set(caller.id, own);
      forbidden.set(caller.id, new Set([...other, ...[...all].filter((id) => !own.has(id))]));
    }
    for (const id of all) everyone.add(id);
  }
  // Without credentials, nothing of any tenant (outside the public operations).
  visible.set('public', new Set());
  forbidden.set('public', everyone);
}

function tokenOf(caller: Caller): string | undefined {
  if (caller.kind === 'public') return undefined;
  const world = worlds[caller.tenant!];
  return caller.kind === 'user' ? world.users[caller.user!].token : world.keys[caller.role as keyof World['keys']];
}

beforeAll(async () => {
  api = await startTestApi();
  // "Now" is the middle of the current month, so the world's months and days are the same every run.
  const now = new Date();
  api.clock.current = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15, 12));
  worlds.A = await buildWorld(api, 'A');
  worlds.B = await buildWorld(api, 'B');
  await refreshScopes();
  // Authentication records a key's use (at most once a minute of the clock, which stands still
  // here): every caller signs in once before the snapshot, so reads after it are pure reads.
  for (const caller of CALLERS) await api.gql('{ __typename }', {}, { token: tokenOf(caller) });
  before = { A: await tenantChecksums(api.orm, worlds.A.tenantId), B: await tenantChecksums(api.orm, worlds.B.tenantId) };
}, 120_000);
afterAll(async () => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.info(`authorization matrix: ${total} calls (${JSON.stringify(counts)}), ${CALLERS.length} callers, ${operations.length} operations; ids of ${isolatedEntities.size} entities tried across tenants: ${[...isolatedEntities].sort().join(', ')}`);
  await api?.close();
});

// --- one call -----------------------------------------------------------------------------------

const selections = new Map<string, string>();

function documentOf(op: RootOperation, variant: Variant, args: Record<string, unknown>) {
  const key = `${op.coordinate}${variant.label}`;
  if (!selections.has(key)) {
    selections.set(key, selectionFor(schema, op.field.type, documentWrapper(op, args), { skip: (parent, field) => guardedCoordinates.has(`${parent.name}.${field.name}`) }));
  }
  return operationDocument(op, args, selections.get(key)!);
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (!path.length) return [value];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

function fillFor(world: World, partner: Partner, caller: Caller, variant: Variant) {
  return fixtureFill({ world, partner, caller: { role: caller.role, isReseller: isReseller(caller) }, optionalIds: variant.optionalIds, entities });
}

async function send(caller: Caller, op: RootOperation, document: string, variables: Record<string, unknown>): Promise<GqlResult> {
  let token = tokenOf(caller);
  // logout ends the session it is called with: a person signs in again for it, so later cases keep theirs.
  if (op.name === 'logout' && caller.kind === 'user') {
    const world = worlds[caller.tenant!];
    token = await login(api, world.slug, world.users[caller.user!].email, STAFF_PASSWORD);
  }
  return api.gql(document, variables, { token });
}

const codesOf = (result: GqlResult) => (result.errors ?? []).map((e) => e.extensions?.code);
const isEmptyAnswer = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Array.isArray((value as { nodes?: unknown[] }).nodes) && (value as { nodes: unknown[] }).nodes.length === 0);

function checkNeverInternal(expect: ExpectStatic, result: GqlResult, label: string) {
  expect(result.status, `${label}: HTTP status`).not.toBe(500);
  expect(codesOf(result), `${label}: ${JSON.stringify(result.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
}

function checkNoLeak(expect: ExpectStatic, result: GqlResult, caller: Caller, row: PolicyRow, label: string) {
  // A public operation answers about the tenant its argument names (slug, token), whoever calls.
  if (row.who === 'PUBLIC') return;
  const leaked = [...uuidsIn(result)].filter((id) => forbidden.get(caller.id)!.has(id));
  expect(leaked, `${label}: ids of rows outside the caller's scope in ${JSON.stringify(result).slice(0, 2000)}`).toEqual([]);
}

/** One case of the matrix: tenant A's values (R1 as the partner), called as `caller`. */
async function matrixCase(expect: ExpectStatic, op: RootOperation, variant: Variant, caller: Caller, staticOutcome: Outcome) {
  const row = POLICY[op.coordinate];
  expect(row, `${op.coordinate} has no row in test/access-policy.ts`).toBeDefined();
  const world = worlds.A;
  const args = buildArguments(op, fillFor(world, world.r1, caller, variant));
  const { document, variables } = documentOf(op, variant, args);
  const ids = variant.entitySlots.flatMap((s) => valuesAt(args, s.path)) as string[];
  const outOfScope = caller.tenant ? ids.some((id) => !visible.get(caller.id)!.has(id)) : false;
  const outcome = expectedOutcome(row!, caller, outOfScope);
  const label = `${op.coordinate}${variant.label} as ${caller.id}`;
  // The case's phase was chosen from the policy alone; the database must agree with it.
  expect(outcome, `${label}: expected outcome from the database's scopes`).toBe(staticOutcome);

  const result = await send(caller, op, document, variables);
  if (process.env.MATRIX_DEBUG && label.includes(process.env.MATRIX_DEBUG)) console.log(label, JSON.stringify(variables), JSON.stringify(result).slice(0, 3000), document);
  checkNeverInternal(expect, result, label);
  checkNoLeak(expect, result, caller, row!, label);
  const data = (result.data as Record<string, unknown> | null | undefined)?.[op.name];
  if (outcome !== 'ALLOWED') {
    expect(errorCode(result), `${label}: ${JSON.stringify(result.errors)}`).toBe(outcome);
    expect(data ?? null, label).toBeNull();
    return;
  }
  const codes = codesOf(result);
  for (const refused of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']) {
    expect(codes, `${label}: ${JSON.stringify(result.errors)}`).not.toContain(refused);
  }
  // A read the policy allows answers in full; a write may meet the state an earlier caller left (CONFLICT).
  if (op.kind === 'Query') expect(result.errors, `${label}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  if (!result.errors && !isEmptyAnswer(data) && caller.tenant !== 'B') answered.add(`${op.coordinate}${variant.label}`);
}

// --- the cases ----------------------------------------------------------------------------------

interface Case {
  op: RootOperation;
  variant: Variant;
  caller: Caller;
  outcome: Outcome;
}

/** An operation without a row still gets its cases: they fail on the missing row (access-policy.test.ts says so too). */
const rowOf = (op: RootOperation): PolicyRow => POLICY[op.coordinate] ?? { who: [] };

function casesOf(kind: 'Query' | 'Mutation'): Case[] {
  return operations
    .filter((op) => op.kind === kind)
    .flatMap((op) => variantsOf(op).flatMap((variant) => CALLERS.map((caller) => ({ op, variant, caller, outcome: expectedOutcome(rowOf(op), caller, variant.entitySlots.length > 0) }))));
}

describe('the worlds', () => {
  it('hold rows of every tenant-owned entity, in both tenants', async () => {
    for (const world of [worlds.A, worlds.B]) {
      const empty = [];
      for (const { table } of tenantOwnedTables(api.orm)) {
        const [row] = await api.orm.em.getConnection().execute(`select count(*)::int as n from "${table}" where tenant_id = ?`, [world.tenantId]);
        if (row!.n === 0) empty.push(table);
      }
      expect(empty, world.label).toEqual([]);
    }
  });
});

describe('ids in the schema', () => {
  it('every ID argument and ID input field says which tenant-owned entity it addresses', () => {
    expect(unmappedIdSlots(schema, entities)).toEqual([]);
    const tenantOwned = new Set(tenantOwnedTables(api.orm).map((t) => t.entity));
    const addressed = operations.flatMap(inputSlots).filter(isIdSlot).map((s) => entityOfValue(s, entities)).filter((e): e is string => !!e);
    expect(addressed.filter((e) => !tenantOwned.has(e))).toEqual([]);
    // and a new one that does not is caught
    const extended = extendSchema(schema, parse('extend type Query { widget(widgetId: ID!): Boolean } input GizmoFilter { gizmoId: ID } extend type Mutation { polish(filter: GizmoFilter): Boolean }'));
    expect(unmappedIdSlots(extended, entities)).toEqual(['Query.widget(widgetId)', 'Mutation.polish(filter.gizmoId)']);
  });
});

describe.concurrent('reads, as every caller of both tenants', () => {
  for (const c of casesOf('Query')) {
    it(`${c.op.coordinate}${c.variant.label} as ${c.caller.id}: ${c.outcome}`, async ({ expect }) => {
      counts.reads++;
      await matrixCase(expect, c.op, c.variant, c.caller, c.outcome);
    });
  }
});

describe.concurrent('guarded fields, reached from the operations that return their type', () => {
  for (const g of guarded) {
    const row = POLICY[g.coordinate] ?? { who: [] };
    const routes = operations
      .filter((op) => op.kind === 'Query')
      .map((op) => ({ op, paths: pathsTo(op.field.type, g.type, 1) }))
      .filter((route) => route.paths.length);
    const direct = routes.filter((route) => route.paths.some((p) => p.length === 0));
    for (const { op, paths } of direct.length ? direct : routes) {
      const path = paths.sort((a, b) => a.length - b.length)[0]!;
      const variant = variantsOf(op).at(-1)!;
      for (const caller of CALLERS) {
        const opOutcome = expectedOutcome(rowOf(op), caller, variant.entitySlots.length > 0);
        const fieldRefused = opOutcome === 'ALLOWED' && !admits(row, caller.role);
        it(`${g.coordinate} via ${op.name} as ${caller.id}: ${fieldRefused ? 'FORBIDDEN (field)' : opOutcome}`, async ({ expect }) => {
          counts.fields++;
          const world = worlds.A;
          const args = buildArguments(op, fillFor(world, world.r1, caller, variant));
          const parent = schema.getType(g.type) as unknown as { getFields(): Record<string, { type: Parameters<typeof selectionFor>[1] }> };
          const target = parent.getFields()[g.field]!.type;
          const inner = isLeafType(getNamedType(target)) ? '' : selectionFor(schema, target, (s) => ({ document: s, variables: {} }), { maxLevels: 0 });
          const { document, variables } = operationDocument(op, args, selectionAlong(op.field.type, path, `${g.field} ${inner}`));
          const label = `${g.coordinate} via ${op.name} as ${caller.id}`;
          const result = await send(caller, op, document, variables);
          checkNeverInternal(expect, result, label);
          checkNoLeak(expect, result, caller, rowOf(op), label);
          if (fieldRefused) {
            const error = result.errors?.find((e) => e.extensions?.code === 'FORBIDDEN');
            expect(error, `${label}: ${JSON.stringify(result)}`).toBeDefined();
            expect((error as { path?: unknown[] }).path?.at(-1), label).toBe(g.field);
          } else if (opOutcome === 'ALLOWED') {
            expect(result.errors, `${label}: ${JSON.stringify(result.errors)}`).toBeUndefined();
          } else {
            expect(errorCode(result), `${label}: ${JSON.stringify(result.errors)}`).toBe(opOutcome);
          }
        });
      }
    }
  }
});

describe.concurrent('refused writes, as every caller the policy refuses or whose scope excludes the records', () => {
  for (const c of casesOf('Mutation').filter((c) => c.outcome !== 'ALLOWED')) {
    it(`${c.op.coordinate}${c.variant.label} as ${c.caller.id}: ${c.outcome}`, async ({ expect }) => {
      counts.refused++;
      await matrixCase(expect, c.op, c.variant, c.caller, c.outcome);
    });
  }
});

/** Each ID slot of the schema once, with the variant of its operation that fills it. */
const idSlotCases = operations
  .filter((op) => POLICY[op.coordinate])
  .flatMap((op) => variantsOf(op).flatMap((variant, i) => variant.idSlots.filter((slot) => i === 0 || variant.optionalIds.has(slot.coordinate)).map((slot) => ({ op, row: POLICY[op.coordinate]!, variant, slot }))));

/** Calls `op` with `own` values except `slot`, which takes the `foreign` value: NOT_FOUND. */
async function isolationCase(expect: ExpectStatic, op: RootOperation, row: PolicyRow, caller: Caller, slot: InputSlot, variant: Variant, own: Fill, foreign: Fill, label: string) {
  const args = buildArguments(op, (s) => (s.coordinate === slot.coordinate ? foreign(s) : own(s)));
  // The foreign value really is another record than the caller's own.
  expect(valuesAt(args, slot.path), `${label}: the other record's id`).not.toEqual(valuesAt(buildArguments(op, own), slot.path));
  const { document, variables } = documentOf(op, variant, args);
  const result = await send(caller, op, document, variables);
  checkNeverInternal(expect, result, label);
  checkNoLeak(expect, result, caller, row, label);
  expect(errorCode(result), `${label}: ${JSON.stringify(result.errors)}`).toBe('NOT_FOUND');
}

describe.concurrent("tenant isolation: each id alone of tenant A's, the rest tenant B's own, is NOT_FOUND to tenant B", () => {
  const people = CALLERS.filter((c) => c.tenant === 'B' && c.kind === 'user' && c.partner !== 'r2');
  for (const { op, row, variant, slot } of idSlotCases) {
    const caller = people.find((c) => admits(row, c.role));
    if (!caller) continue;
    it(`${slot.coordinate} as ${caller.id}`, async ({ expect }) => {
      counts.isolation++;
      const own = fillFor(worlds.B, worlds.B.r1, caller, variant);
      const foreign = fillFor(worlds.A, worlds.A.r1, caller, variant);
      await isolationCase(expect, op, row, caller, slot, variant, own, foreign, `${slot.coordinate} of tenant A as ${caller.id}`);
      const entity = entityOfValue(slot, entities);
      if (entity) isolatedEntities.add(entity);
    });
  }
});

describe.concurrent("reseller isolation: each id alone of R2's, the rest R1's own, is NOT_FOUND to R1's users", () => {
  const partners = CALLERS.filter((c) => c.tenant === 'A' && c.kind === 'user' && c.partner === 'r1');
  for (const { op, row, variant, slot } of idSlotCases) {
    const caller = partners.find((c) => admits(row, c.role));
    if (!caller || row.who === 'PUBLIC') continue;
    it(`${slot.coordinate} as ${caller.id}`, async ({ expect }) => {
      counts.isolation++;
      const own = fillFor(worlds.A, worlds.A.r1, caller, variant);
      const foreign = fillFor(worlds.A, worlds.A.r2, caller, variant);
      await isolationCase(expect, op, row, caller, slot, variant, own, foreign, `${slot.coordinate} of R2 as ${caller.id}`);
    });
  }
});

describe('refused calls changed nothing', () => {
  it('every row of both tenants (every tenant-owned table) is as before the reads and refused writes', async () => {
    expect(await tenantChecksums(api.orm, worlds.A.tenantId)).toEqual(before.A);
    expect(await tenantChecksums(api.orm, worlds.B.tenantId)).toEqual(before.B);
  });

  it('every entity the API addresses by id was tried from the other tenant', () => {
    const addressable = new Set(
      operations
        .flatMap(inputSlots)
        .filter(isIdSlot)
        .map((s) => entityOfValue(s, entities))
        .filter((e): e is string => !!e),
    );
    expect([...addressable].filter((e) => !isolatedEntities.has(e))).toEqual([]);
    expect(addressable.size).toBeGreaterThan(10);
  });
});

describe("tenant B's allowed writes (with tenant A's values but none of its ids)", () => {
  for (const c of casesOf('Mutation').filter((c) => c.outcome === 'ALLOWED' && c.caller.tenant === 'B' && rowOf(c.op).who !== 'PUBLIC')) {
    it(`${c.op.coordinate}${c.variant.label} as ${c.caller.id}`, async ({ expect }) => {
      counts.allowedB++;
      await matrixCase(expect, c.op, c.variant, c.caller, c.outcome);
    });
  }
  it('left tenant A as it was', async () => {
    expect(await tenantChecksums(api.orm, worlds.A.tenantId)).toEqual(before.A);
  });
});

describe("tenant A's allowed writes: staff and public first, then partners", () => {
  const allowedA = casesOf('Mutation').filter((c) => c.outcome === 'ALLOWED' && !(c.caller.tenant === 'B' && rowOf(c.op).who !== 'PUBLIC'));
  it('(scopes refreshed)', async () => refreshScopes());
  for (const c of [...allowedA.filter((c) => !isReseller(c.caller)), ...allowedA.filter((c) => isReseller(c.caller))]) {
    it(`${c.op.coordinate}${c.variant.label} as ${c.caller.id}`, async ({ expect }) => {
      counts.allowedA++;
      await matrixCase(expect, c.op, c.variant, c.caller, c.outcome);
    });
  }
});

describe('every operation did its work for someone', () => {
  it('each operation (and variant) answered an allowed caller of tenant A with data', () => {
    const expected = operations.flatMap((op) => variantsOf(op).map((v) => `${op.coordinate}${v.label}`));
    expect(expected.filter((key) => !answered.has(key))).toEqual([]);
  });
});
