import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Vite 8 compiles decorators with TypeScript's legacy semantics and emits their metadata from
// tsconfig.json (experimentalDecorators + emitDecoratorMetadata), which type-graphql and MikroORM need.
export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (type-graphql and Apollo load it that way); Vite
    // would pick the ESM build, and two copies fail with "from another module or realm".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
