import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Codegen's `graphql()` (src/gql/gql.ts) looks a source string up in a map of *every* operation
// in the app, so any module that calls it pulls all documents into its chunk: with route-split
// pages that would put every page's queries in the entry chunk. At build time this plugin does
// what codegen's babel optimizer does: it rewrites each graphql(`...`) call to an import of the
// document it maps to. Each document is served as its own tiny module (the same object
// src/gql/graphql.ts exports), because a bundler places a whole module in one chunk: importing them
// from graphql.ts would keep every used document together in the entry chunk.
// An unknown source fails the build (run `pnpm codegen`) instead of silently returning `{}`.
// The dev server keeps calling graphql() as written.
const IMPORTS_GRAPHQL = /^import\s*\{[^}]*\bgraphql\b[^}]*\}\s*from\s*['"](?:\.\.?\/)+gql['"]/m;
// A plain template literal: no escapes, no ${} substitutions (codegen does not support them either).
const CALL = /\bgraphql\(\s*`((?:[^`\\$]|\$(?!\{))*)`\s*\)/g;

function loadDocumentMap(GQL_DIR: string): Map<string, string> {
  const gql = readFileSync(`${GQL_DIR}gql.ts`, 'utf8');
  const start = gql.indexOf('const documents');
  const end = gql.indexOf('\n};', start);
  if (start < 0 || end < 0) throw new Error('gql-documents: no documents map in src/gql/gql.ts');
  const map = new Map<string, string>();
  for (const m of gql.slice(start, end).matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm)) {
    map.set(JSON.parse(m[1]!) as string, m[2]!);
  }
  if (map.size === 0) throw new Error('gql-documents: empty documents map in src/gql/gql.ts');
  return map;
}

/** Document export name -> its JSON, from src/gql/graphql.ts (codegen writes one per line). */
function loadDocumentJson(GQL_DIR: string): Map<string, string> {
  const types = readFileSync(`${GQL_DIR}graphql.ts`, 'utf8');
  const map = new Map<string, string>();
  for (const m of types.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) map.set(m[1]!, m[2]!);
  return map;
}

const PREFIX = '\0gql-document:';

/** The parts of a Vite (Rollup) plugin this one uses, so this package needs no Vite dependency. */
interface PluginContext {
  error(message: string): never;
}
export interface GqlDocumentsPlugin {
  name: string;
  apply: 'build';
  enforce: 'pre';
  buildStart(): void;
  resolveId(id: string): string | null;
  load(this: PluginContext, id: string): string | null;
  transform(this: PluginContext, code: string, id: string): { code: string; map: null } | null;
}

/** `appRoot`: the SPA package's folder URL (`new URL('.', import.meta.url)` in its vite.config.ts). */
export function gqlDocuments(appRoot: URL): GqlDocumentsPlugin {
  const GQL_DIR = fileURLToPath(new URL('./src/gql/', appRoot));
  const SRC_DIR = fileURLToPath(new URL('./src/', appRoot));
  let documents: Map<string, string>;
  let documentJson: Map<string, string>;
  return {
    name: 'gql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = loadDocumentMap(GQL_DIR);
      documentJson = loadDocumentJson(GQL_DIR);
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const json = documentJson.get(id.slice(PREFIX.length));
      if (!json) this.error(`gql-documents: no ${id.slice(PREFIX.length)} in src/gql/graphql.ts (run pnpm codegen)`);
      return `export default ${json};`;
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.startsWith(SRC_DIR) || file.startsWith(GQL_DIR) || !/\.tsx?$/.test(file)) return null;
      // Only modules that import codegen's graphql() (not, say, a comment showing how to use it).
      if (!IMPORTS_GRAPHQL.test(code)) return null;
      const imports = new Map<string, string>();
      const out = code.replace(CALL, (_call, source: string) => {
        const name = documents.get(source);
        if (!name || !documentJson.has(name)) this.error(`gql-documents: ${file}: a graphql() source is not in src/gql (run pnpm codegen)`);
        if (!imports.has(name)) imports.set(name, `__gqlDocument${imports.size}`);
        return imports.get(name)!;
      });
      if (!imports.size) return null;
      const header = [...imports].map(([name, local]) => `import ${local} from ${JSON.stringify(PREFIX + name)};`).join(' ');
      // One line, so the module's line numbers stay as written.
      return { code: `${header} ${out}`, map: null };
    },
  };
}
