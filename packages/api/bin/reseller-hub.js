#!/usr/bin/env node
// The `reseller-hub` command: runs the TypeScript CLI through SWC (as the API runs), from any folder.
import { register } from 'node:module';

process.env.SWC_NODE_PROJECT ??= new URL('../tsconfig.json', import.meta.url).pathname;
register('@swc-node/register/esm', new URL('../', import.meta.url));
await import('../src/cli/main.ts');
