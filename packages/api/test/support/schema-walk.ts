/**
 * Walks a GraphQL schema to write documents for its operations: the arguments an operation takes
 * (down to every field of its input objects), argument values from a caller-supplied fixture
 * lookup with type-based defaults, and a selection of the result that reaches the ids of nested
 * objects while staying inside the server's document limits. Shared by the authorization matrix
 * and the fuzz tests, so a new operation is exercised without anyone writing its document.
 */
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  Lexer,
  parse,
  Source,
  TokenKind,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { operationCost } from '../../src/app/query-cost.js';

export type RootKind = 'Query' | 'Mutation';

export interface RootOperation {
  kind: RootKind;
  name: string;
  /** `Query.customers` */
  coordinate: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every query and mutation, in schema order. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const out: RootOperation[] = [];
  for (const [kind, type] of [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) out.push({ kind, name: field.name, coordinate: `${kind}.${field.name}`, field });
  }
  return out;
}

/** One place a value goes: an argument, or a field of an input object inside an argument. */
export interface InputSlot {
  operation: RootOperation;
  /** Argument name, then input field names (list items share their list's slot). */
  path: string[];
  /** `Mutation.assignCustomer(input.customerId)` */
  coordinate: string;
  /** The last element of the path. */
  name: string;
  type: GraphQLInputType;
  /** Non-null without a default value. */
  required: boolean;
  /** The operation's coordinate for an argument, the input object type's name for an input field. */
  owner: string;
}

function slot(operation: RootOperation, path: string[], type: GraphQLInputType, required: boolean, owner: string): InputSlot {
  return { operation, path, coordinate: `${operation.coordinate}(${path.join('.')})`, name: path.at(-1)!, type, required, owner };
}

/** Every slot of an operation, depth first (recursive input types are entered once per path). */
export function inputSlots(operation: RootOperation): InputSlot[] {
  const out: InputSlot[] = [];
  const visit = (current: InputSlot, seen: Set<string>) => {
    out.push(current);
    const named = getNamedType(current.type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    for (const field of Object.values(named.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      visit(slot(operation, [...current.path, field.name], field.type, required, named.name), new Set([...seen, named.name]));
    }
  };
  for (const arg of operation.field.args) visit(slot(operation, [arg.name], arg.type, isRequiredArgument(arg), operation.coordinate), new Set());
  return out;
}

export const isIdSlot = (s: InputSlot) => getNamedType(s.type).name === 'ID';

/** What the caller's fixtures say goes into a slot: `{ value }`, or undefined to use the default. */
export type Fill = (slot: InputSlot) => { value: unknown } | undefined;

/** Raised when a required slot has neither a fixture nor a usable default (an ID, say). */
export class MissingFixtureError extends Error {}

/**
 * The operation's argument values. A slot the fixtures fill takes their value (a whole object or
 * list, if they give one); an input object is built field by field; an optional slot stays empty
 * unless the fixtures fill it (or, for an optional input object, one of its fields); a required
 * scalar without a fixture gets a default of its type. Required ids have no default.
 */
export function buildArguments(operation: RootOperation, fill: Fill, defaults: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
  const valueOf = (current: InputSlot, seen: Set<string>): unknown => {
    const given = fill(current);
    if (given) return given.value;
    let type: GraphQLInputType = isNonNullType(current.type) ? current.type.ofType : current.type;
    const list = isListType(type);
    if (list) type = getNamedType(type);
    let value: unknown;
    if (isInputObjectType(type)) {
      if (seen.has(type.name)) return undefined;
      const object: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        const fieldValue = valueOf(slot(current.operation, [...current.path, field.name], field.type, required, type.name), new Set([...seen, type.name]));
        if (fieldValue !== undefined) object[field.name] = fieldValue;
      }
      if (!current.required && Object.keys(object).length === 0) return undefined;
      value = object;
    } else if (!current.required) {
      return undefined;
    } else {
      value = defaultValue(getNamedType(type).name, type, current, defaults);
    }
    return list ? [value] : value;
  };
  const args: Record<string, unknown> = {};
  for (const arg of operation.field.args) {
    const value = valueOf(slot(operation, [arg.name], arg.type, isRequiredArgument(arg), operation.coordinate), new Set());
    if (value !== undefined) args[arg.name] = value;
  }
  return args;
}

function defaultValue(typeName: string, type: GraphQLInputType, current: InputSlot, defaults: Partial<Record<string, unknown>>): unknown {
  if (typeName in defaults) return defaults[typeName];
  const named = getNamedType(type);
  if (isEnumType(named)) return (named as GraphQLEnumType).getValues()[0]!.value;
  switch (typeName) {
    case 'String':
      return 'Matrix test';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      throw new MissingFixtureError(`No fixture for ${current.coordinate} (${String(current.type)})`);
  }
}

/** The server's document limits (src/app/server.ts). Documents are written to stay inside them. */
export interface DocumentLimits {
  depth: number;
  tokens: number;
  cost: number;
}
export const SERVER_LIMITS: DocumentLimits = { depth: 12, tokens: 2000, cost: 20000 };

export interface SelectionOptions {
  /** Fields never selected (e.g. ones the caller may not see: tested on their own). */
  skip?: (parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>) => boolean;
  /** At most this many levels of nested objects below the operation's own result. */
  maxLevels?: number;
  limits?: DocumentLimits;
}

interface Node {
  name: string;
  children?: Node[];
}

function selectable(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.every((arg) => !isRequiredArgument(arg));
}

/**
 * Fields of `type` down to `levels` nested objects: every leaf down to `leafLevels`, and below it
 * only ids, so the deepest objects show who they are without the document growing too big.
 */
function tree(type: GraphQLOutputType, levels: number, leafLevels: number, options: SelectionOptions, level = 0): Node[] {
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) return [];
  const nodes: Node[] = [];
  for (const field of Object.values(named.getFields())) {
    if (!selectable(field) || (isObjectType(named) && options.skip?.(named, field))) continue;
    const fieldType = getNamedType(field.type);
    if (isLeafType(fieldType)) {
      if (level <= leafLevels || fieldType.name === 'ID') nodes.push({ name: field.name });
    } else if (level < levels) {
      const children = tree(field.type, levels, leafLevels, options, level + 1);
      if (children.length) nodes.push({ name: field.name, children });
    }
  }
  return nodes;
}

function printNodes(nodes: Node[]): string {
  return `{ ${nodes.map((node) => (node.children ? `${node.name} ${printNodes(node.children)}` : node.name)).join(' ')} }`;
}

/**
 * The selection set for a result of `type` ('' for a leaf), as deep and wide as the limits allow
 * once `wrap` has made it the operation that will be sent.
 */
export function selectionFor(schema: GraphQLSchema, type: GraphQLOutputType, wrap: (selection: string) => OperationDocument, options: SelectionOptions = {}): string {
  if (isLeafType(getNamedType(type))) return '';
  const limits = options.limits ?? SERVER_LIMITS;
  // Margins: the limits are the server's, a document near them is one refactor away from a refusal.
  const fits = (selection: string) => {
    const measured = measureDocument(schema, wrap(selection));
    return measured.tokens <= limits.tokens * 0.9 && measured.cost <= limits.cost * 0.75 && measured.depth <= limits.depth - 2;
  };
  for (let levels = options.maxLevels ?? 3; levels >= 0; levels--) {
    for (let leafLevels = levels; leafLevels >= 0; leafLevels--) {
      const nodes = tree(type, levels, leafLevels, options);
      if (!nodes.length) continue;
      const selection = printNodes(nodes);
      if (fits(selection)) return selection;
    }
  }
  throw new Error(`No selection of ${String(type)} fits the document limits`);
}

/** A selection that goes down `path` (field names) from `type` and selects `last` at its end. */
export function selectionAlong(type: GraphQLOutputType, path: string[], last: string): string {
  if (!path.length) return `{ ${last} }`;
  const named = getNamedType(type) as GraphQLObjectType;
  const field = named.getFields()[path[0]!];
  if (!field) throw new Error(`${named.name} has no field ${path[0]}`);
  const inner = isLeafType(getNamedType(field.type)) ? '' : selectionAlong(field.type, path.slice(1), last);
  const id = named.getFields().id ? 'id ' : '';
  return `{ ${id}${path[0]} ${inner} }`;
}

/**
 * Paths (field names) from an operation's result to objects of type `target`, at most `maxDepth`
 * fields long ([] when the result itself is one). Fields with required arguments are not taken.
 */
export function pathsTo(type: GraphQLOutputType, target: string, maxDepth: number, path: string[] = []): string[][] {
  const named = getNamedType(type);
  if (named.name === target) return [path];
  if (!isObjectType(named) || path.length >= maxDepth) return [];
  return Object.values(named.getFields())
    .filter(selectable)
    .flatMap((field) => pathsTo(field.type, target, maxDepth, [...path, field.name]));
}

export interface OperationDocument {
  document: string;
  variables: Record<string, unknown>;
}

/** `query Matrix_x($a: T!) { x(a: $a) <selection> }`, with one variable per argument given. */
export function operationDocument(operation: RootOperation, args: Record<string, unknown>, selection: string): OperationDocument {
  const given = operation.field.args.filter((arg) => args[arg.name] !== undefined);
  const definitions = given.length ? `(${given.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  const passed = given.length ? `(${given.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  return {
    document: `${operation.kind.toLowerCase()} Matrix_${operation.name}${definitions} { ${operation.name}${passed} ${selection} }`,
    variables: Object.fromEntries(given.map((arg) => [arg.name, args[arg.name]])),
  };
}

/** Wraps a selection as the operation's document (for measuring while a selection is chosen). */
export function documentWrapper(operation: RootOperation, args: Record<string, unknown>): (selection: string) => OperationDocument {
  return (selection) => operationDocument(operation, args, selection);
}

/**
 * Tokens (as graphql-js counts them for `maxTokens`), depth of nested fields, and the cost the
 * server computes for it with its variables (src/app/query-cost.ts).
 */
export function measureDocument(schema: GraphQLSchema, { document, variables }: OperationDocument): { tokens: number; depth: number; cost: number } {
  const lexer = new Lexer(new Source(document));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  const parsed = parse(document);
  const operation = parsed.definitions[0] as OperationDefinitionNode;
  const depthOf = (set: SelectionSetNode | undefined): number => (set ? 1 + Math.max(0, ...set.selections.map((s) => depthOf((s as FieldNode).selectionSet))) : 0);
  return { tokens, depth: depthOf(operation.selectionSet), cost: operationCost(schema, parsed, variables) };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every UUID anywhere in a value (keys, values, and inside strings such as URLs). */
export function uuidsIn(value: unknown): Set<string> {
  return new Set((JSON.stringify(value ?? null).match(UUID) ?? []).map((id) => id.toLowerCase()));
}

/** Input object types reachable from an operation's arguments (for registries keyed by them). */
export function inputTypesOf(operation: RootOperation): GraphQLInputObjectType[] {
  const seen = new Map<string, GraphQLInputObjectType>();
  for (const s of inputSlots(operation)) {
    const named = getNamedType(s.type);
    if (isInputObjectType(named)) seen.set(named.name, named);
  }
  return [...seen.values()];
}
