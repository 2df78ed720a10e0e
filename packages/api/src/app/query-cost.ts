import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLError, Kind, TypeInfo, validate, visit, visitWithTypeInfo, type ArgumentNode, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../shared/pagination.js';
import type { Context } from './context.js';

/** The page-size arguments graphql-armor's cost multiplies a connection's subtree by. */
const PAGE_SIZE_ARGUMENTS = ['first', 'last'] as const;

/**
 * The operation as it will run, for costing: every `first`/`last` of a field that takes one made
 * the literal it will have — a variable's value, or the server's default page size when the client
 * leaves it out. graphql-armor's static cost reads only literals, so without this
 * `customers(first: $n)` or a bare `customers` counted as a page of one.
 */
export function withPageSizesInlined(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const literal = (value: number): ArgumentNode['value'] => ({ kind: Kind.INT, value: String(value) });
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node: FieldNode) => {
        const pageArgument = typeInfo.getFieldDef()?.args.find((arg) => (PAGE_SIZE_ARGUMENTS as readonly string[]).includes(arg.name));
        if (!pageArgument) return undefined;
        const given = node.arguments?.find((arg) => arg.name.value === pageArgument.name);
        if (given && given.value.kind !== Kind.VARIABLE) return undefined;
        // A value that is not a whole number fails variable coercion before anything runs; counted at the default here.
        const value = given?.value.kind === Kind.VARIABLE ? variables?.[given.value.name.value] : undefined;
        const size = typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : DEFAULT_PAGE_SIZE;
        const others = (node.arguments ?? []).filter((arg) => arg !== given);
        return { ...node, arguments: [...others, { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: pageArgument.name }, value: literal(size) }] };
      },
    }),
  );
}

/**
 * graphql-armor's static cost of the operation with its real page sizes (see withPageSizesInlined);
 * of the costliest operation when the document holds several.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  let cost = 0;
  validate(schema, withPageSizesInlined(schema, document, variables), [
    costLimitRule({ maxCost: Number.POSITIVE_INFINITY, onAccept: [(_context, { n }) => void (cost = Math.max(cost, n))], propagateOnRejection: false }),
  ]);
  return cost;
}

/**
 * Refuses, before anything runs, an operation whose cost with its variables is over `maxCost`:
 * GRAPHQL_VALIDATION_FAILED (HTTP 400), worded as graphql-armor's own rule words it.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const cost = operationCost(schema, document, request.variables);
          if (cost > maxCost) {
            throw new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${cost}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
