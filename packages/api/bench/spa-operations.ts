/**
 * The GraphQL operations the two SPAs send, read from their sources: every `graphql(\`…\`)`
 * document under packages/{portal,admin}/src (the codegen output in src/gql is skipped), each
 * operation with the fragments it uses, transitively — the document Apollo Client sends. Used by
 * the api-load benchmark (real page queries) and by graphql-limits.int.test.ts (every one of them
 * passes the server's limits).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { apiRoot } from '../src/config/config.js';

export interface SpaOperation {
  app: 'portal' | 'admin';
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  document: DocumentNode;
  /** The document as sent over HTTP. */
  text: string;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'gql' || entry === 'node_modules') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry)) files.push(full);
  }
  return files;
}

export function spaOperations(app: 'portal' | 'admin'): SpaOperation[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const file of sourceFiles(path.resolve(apiRoot, '..', app, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/graphql\(`([\s\S]*?)`\)/g)) {
      const lineStart = source.lastIndexOf('\n', match.index) + 1;
      if (source.slice(lineStart, match.index).trimStart().startsWith('//')) continue; // an example in a comment
      for (const definition of parse(match[1]!).definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
      }
    }
  }
  return operations.map((operation) => {
    const needed = new Map<string, FragmentDefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const name = spread.name.value;
          if (needed.has(name)) return;
          const fragment = fragments.get(name);
          if (!fragment) throw new Error(`${app}: fragment ${name} not found`);
          needed.set(name, fragment);
          collect(fragment);
        },
      });
    collect(operation);
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
    return { app, name: operation.name?.value ?? '(anonymous)', kind: operation.operation, document, text: print(document) };
  });
}
