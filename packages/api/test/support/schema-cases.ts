/**
 * Generated arguments for any GraphQL field, built from its argument types in the schema: every
 * input field gets a mixture of valid values (from the field hints, or from its type) and hostile
 * ones (the field's own kind of trouble, hostile text, wrong JSON types, null for non-null,
 * unknown enum values, omitted required fields). A new mutation or field is covered as soon as it
 * is in the schema; hints only make values more realistic.
 *
 * Each case first draws a hostility p ∈ {0, 0.1, 0.35, 1}: p = 0 is a fully valid call (it should
 * mostly be accepted, which exercises the write paths with realistic data), 1 is hostile
 * throughout, and in between each field is hostile with probability p.
 */
import fc from 'fast-check';
import {
  astFromValue,
  getNamedType,
  print,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import { hostileId, hostileInt, hostileText, wrongJsonType } from './hostile-values.js';

/** Leaves the key out of its object (a missing field, not null). */
export const OMIT = Symbol('omit');

export interface FieldHint {
  /** Values a careful client sends (may contain FixtureRef / Fresh placeholders); for a list field, its items. */
  valid?: fc.Arbitrary<unknown>;
  /** For a list field: whole valid lists (when the items depend on each other, e.g. ascending tiers). */
  validList?: fc.Arbitrary<unknown[]>;
  /** An optional field a valid call always gives (the service needs it for the common case). */
  given?: boolean;
  /** The field's own kind of trouble (bad periods for a period, bad CSV for a file…), added to the generic hostile values. */
  hostile?: fc.Arbitrary<unknown>;
}

/** Finds the hint of a field: `mutation:Type.field`, then `Type.field`, then by the rules. */
export type HintLookup = (where: { mutation: string; typeName: string; fieldName: string; namedType: string }) => FieldHint | undefined;

interface Gen {
  mutation: string;
  hints: HintLookup;
  p: number;
}

function mix(valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>, p: number): fc.Arbitrary<unknown> {
  if (p <= 0) return valid;
  if (p >= 1) return hostile;
  return fc.oneof({ weight: Math.round((1 - p) * 100), arbitrary: valid }, { weight: Math.round(p * 100), arbitrary: hostile });
}

function scalarValid(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return fc.integer({ min: 0, max: 20 });
    case 'Float':
      return fc.double({ min: 0, max: 100, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.uuid();
    case 'JSONObject':
      return fc.constant({});
    default:
      return fc.constantFrom('Acme Fiber', 'Jordan Smith', 'A plain note about the account.', 'North region');
  }
}

function scalarHostile(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
    case 'Float':
      return fc.oneof(hostileInt, wrongJsonType);
    case 'Boolean':
      return fc.oneof(fc.constantFrom('true', 1, 0, 'yes'), wrongJsonType);
    case 'ID':
      return fc.oneof({ weight: 4, arbitrary: hostileId }, { weight: 1, arbitrary: wrongJsonType });
    case 'JSONObject':
      return fc.oneof(wrongJsonType, fc.constantFrom({ __proto__: { polluted: true } }, { a: '\u0000' }));
    default:
      return fc.oneof({ weight: 5, arbitrary: hostileText }, { weight: 1, arbitrary: wrongJsonType });
  }
}

function valueOf(type: GraphQLInputType, typeName: string, fieldName: string, gen: Gen, depth: number, required = false): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = valueOf(type.ofType, typeName, fieldName, gen, depth, true);
    if (gen.p <= 0) return inner;
    // Missing or null where the schema says non-null: GraphQL refuses it before any resolver.
    return fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constantFrom(null, OMIT) });
  }
  const named = getNamedType(type);
  const hint = gen.hints({ mutation: gen.mutation, typeName, fieldName, namedType: named.name });
  // An optional field is sometimes left out or null, in valid calls too (unless the hint says a valid call gives it).
  const nullable = (arb: fc.Arbitrary<unknown>) =>
    required ? arb : hint?.given ? mix(arb, fc.constantFrom(null, OMIT), gen.p) : fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constant(OMIT) });
  if (isListType(type)) {
    const item = valueOf(type.ofType, typeName, fieldName, gen, depth + 1);
    const valid = hint?.validList ? fc.oneof({ weight: 3, arbitrary: hint.validList }, { weight: 1, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) }) : fc.array(item, { minLength: 1, maxLength: depth === 0 ? 4 : 3 });
    const hostile = fc.oneof(
      fc.constant([]),
      item, // a single value where a list is expected (GraphQL coerces it to a list of one)
      fc.array(item, { minLength: 1, maxLength: 2 }).map((items) => [...items, null]),
      // Many copies of one item: past the per-call limits (10,000 rows, 200 regions) or the 1 MB body limit.
      // (Of small items only: a list of 10,000 copies of a 300 kB string is a test that cannot send itself.)
      fc.tuple(item, fc.integer({ min: 201, max: 10_050 })).filter(([value]) => (JSON.stringify(value) ?? '').length <= 300).map(([value, n]) => Array.from({ length: n }, () => value)),
      wrongJsonType,
    );
    return nullable(mix(valid, hostile, gen.p));
  }
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    const objectArb = fc.record(Object.fromEntries(fields.map((field) => [field.name, fieldValue(field, named.name, gen, depth + 1)]))).map(dropOmitted);
    const valid = hint?.valid ?? objectArb;
    const hostile = fc.oneof(
      wrongJsonType,
      fc.constant({}),
      objectArb.map((object) => ({ ...object, unknownField: 'surprise' })),
      ...(hint?.hostile ? [hint.hostile] : []),
    );
    return nullable(mix(valid, hostile, gen.p / 3));
  }
  if (isEnumType(named)) {
    const values = named.getValues().map((value) => value.name);
    const valid = hint?.valid ?? fc.constantFrom(...values);
    const hostile = fc.oneof(fc.constantFrom('NOT_A_VALUE', '', values[0]!.toLowerCase(), ` ${values[0]}`, `${values[0]}\u0000`), fc.constant(1), wrongJsonType);
    return nullable(mix(valid, hostile, gen.p));
  }
  if (isScalarType(named)) {
    const valid = hint?.valid ?? scalarValid(named.name);
    const hostile = hint?.hostile ? fc.oneof({ weight: 3, arbitrary: hint.hostile }, { weight: 2, arbitrary: scalarHostile(named.name) }) : scalarHostile(named.name);
    return nullable(mix(valid, hostile, gen.p));
  }
  throw new Error(`unsupported input type ${String(named)}`);
}

function fieldValue(field: GraphQLInputField | GraphQLArgument, typeName: string, gen: Gen, depth: number): fc.Arbitrary<unknown> {
  return valueOf(field.type, typeName, field.name, gen, depth);
}

function dropOmitted(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== OMIT));
}

export interface GeneratedCase {
  /** The hostility the case was drawn with (0 = meant to be valid). */
  p: number;
  /** Written as literals in the document instead of variables (when GraphQL can print them). */
  inline: boolean;
  variables: Record<string, unknown>;
}

/** Arguments of one schema field (a mutation) as GraphQL variables, one variable per argument. */
export function argumentsArbitrary(field: GraphQLField<unknown, unknown>, hints: HintLookup): fc.Arbitrary<GeneratedCase> {
  return fc.constantFrom(0, 0, 0.1, 0.1, 0.1, 0.35, 0.35, 1).chain((p) => {
    const gen: Gen = { mutation: field.name, hints, p };
    const args = Object.fromEntries(field.args.map((arg) => [arg.name, valueOf(arg.type, field.name, arg.name, gen, 0)]));
    return fc.record({ inline: fc.integer({ min: 0, max: 7 }).map((n) => n === 0), variables: fc.record(args) }).map(({ inline, variables }) => ({ p, inline, variables: dropOmitted(variables) }));
  });
}

/** `mutation($input: XInput!, …) { field(input: $input, …) <selection> }` for a field's arguments. */
export function documentFor(field: GraphQLField<unknown, unknown>, selection: string): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `mutation Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

/**
 * The same call with its arguments as literals in the document (graphql-js coerces literals on
 * another path than variables), or null when GraphQL cannot print them (wrong types, unknown enum
 * values: those go as variables).
 */
export function inlineDocumentFor(field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>, selection: string): string | null {
  const args: string[] = [];
  for (const arg of field.args) {
    if (!(arg.name in variables)) continue;
    let ast;
    try {
      ast = astFromValue(variables[arg.name], arg.type);
    } catch {
      return null;
    }
    if (!ast) return null;
    args.push(`${arg.name}: ${print(ast)}`);
  }
  return `mutation Fuzz { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`;
}
