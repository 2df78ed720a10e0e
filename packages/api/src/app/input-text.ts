import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE, unstorableTextPaths } from '../shared/storable-text.js';
import type { Context } from './context.js';

/**
 * The one check of all GraphQL input for text the database cannot hold (shared/storable-text.ts):
 * the field paths of such text in an operation's variables and in the string literals of its document.
 */
export function unstorableTextInRequest(document: DocumentNode, variables: Record<string, unknown> | undefined): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(variables ?? {})) {
    // Paths inside an input object read like the services' fieldErrors (`companyName`, `records.2.period`).
    const inObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    for (const path of unstorableTextPaths(value)) found.push(inObject && path ? path : [name, path].filter(Boolean).join('.'));
  }
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!isStorableText(node.value)) found.push('(literal in the document)');
    },
  });
  return found;
}

/**
 * Refuses, before anything runs, a request whose variables or literals hold text the database
 * cannot store: BAD_USER_INPUT (HTTP 400) with `fieldErrors` naming each field.
 */
export const storableTextPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const paths = unstorableTextInRequest(document, request.variables);
        if (paths.length === 0) return;
        throw new GraphQLError(`${UNSTORABLE_TEXT_MESSAGE} (${paths.slice(0, 10).join(', ')})`, {
          extensions: { code: 'BAD_USER_INPUT', fieldErrors: Object.fromEntries(paths.slice(0, 100).map((path) => [path, UNSTORABLE_TEXT_MESSAGE])), http: { status: 400 } },
        });
      },
    };
  },
};
