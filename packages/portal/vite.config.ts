import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// A relative path, not the package name: Vite bundles files a config imports by path, but loads
// packages from node_modules with Node, which cannot run TypeScript.
import { gqlDocuments } from '../shared-schema/vite-plugin-gql-documents.ts';
import { precompress } from '../shared-schema/vite-plugin-precompress.ts';

// The api serves this build under /portal/ and answers /graphql on the same origin, so the
// dev server mirrors that: same base path, /graphql proxied to the api.
export default defineConfig({
  base: '/portal/',
  plugins: [gqlDocuments(new URL('.', import.meta.url)), react(), precompress(new URL('./dist/', import.meta.url))],
  build: {
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // Libraries change less often than pages: the core every page needs (React, the router,
        // Apollo and their helpers) is one chunk that stays cached across deploys and keeps each
        // chunk under Vite's 500 kB warning. Mantine and everything else in node_modules are left
        // to the bundler's own splitting, by who imports them: the entry carries the components
        // the layouts use, each page its own (a `mantine` group forcing every component the app
        // uses into one up-front chunk made a cold dashboard load carry ~30 KiB gzip of form
        // components — Combobox, NumberInput, Modal, @mantine/form … — it never renders).
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](?:react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@apollo|@wry|optimism|graphql|graphql-tag|rxjs|tslib|ts-invariant|@graphql-typed-document-node)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  // `vite preview` reuses server.proxy; a fixed port keeps e2e URLs predictable.
  preview: { port: 4173, strictPort: true },
});
