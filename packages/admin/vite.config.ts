import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// A relative path, not the package name: Vite bundles files a config imports by path, but loads
// packages from node_modules with Node, which cannot run TypeScript.
import { gqlDocuments } from '../shared-schema/vite-plugin-gql-documents.ts';
import { precompress } from '../shared-schema/vite-plugin-precompress.ts';

// The api serves this build under /admin/ and answers /graphql on the same origin, so the
// dev server mirrors that: same base path, /graphql (and the exported payment files under /files)
// proxied to the api.
export default defineConfig({
  base: '/admin/',
  plugins: [gqlDocuments(new URL('.', import.meta.url)), react(), precompress(new URL('./dist/', import.meta.url))],
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // Libraries change less often than pages: separate chunks stay cached across deploys
        // and keep each chunk under Vite's 500 kB warning.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/graphql': 'http://localhost:4000', '/files': 'http://localhost:4000' },
  },
  // `vite preview` reuses server.proxy; a fixed port keeps e2e URLs predictable.
  preview: { port: 4174, strictPort: true },
});
