// Runs the TypeScript sources directly with SWC, which keeps decorator metadata
// (esbuild/tsx drop it and type-graphql then fails with NoExplicitTypeError).
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

process.env.SWC_NODE_PROJECT ??= new URL('./tsconfig.json', import.meta.url).pathname;
register('@swc-node/register/esm', pathToFileURL('./'));
