import type { CodegenConfig } from '@graphql-codegen/cli';
import { scalars } from '../shared-schema/scalars.js';

// Generates src/gql/ (git-ignored): `graphql()` returns a typed document for every operation
// written in src/. Turbo runs `codegen` before build, typecheck, test and dev.
const config: CodegenConfig = {
  schema: '../shared-schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  // The scaffold has no operations yet; without this codegen would fail on an empty document set.
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      // Components receive fragment data as plain typed objects (no useFragment unmasking).
      presetConfig: { fragmentMasking: false },
      config: {
        // An unmapped custom scalar is a codegen error instead of a silent `any`.
        strictScalars: true,
        scalars,
        // String unions instead of TS enums: status values compare and map as plain strings.
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
