import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The api serves each SPA's dist/ as static files. Compressing on every request would spend CPU
// on identical bytes, so the build writes `.br` (brotli, best) and `.gz` (gzip, best) next to every
// compressible asset once, and the api picks one by the request's Accept-Encoding. Files smaller
// than a packet are left alone: their compressed form saves nothing on the wire.
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
const MIN_BYTES = 1024;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) yield* filesUnder(file);
    else yield file;
  }
}

/** Writes `.br` and `.gz` copies of the build's compressible files after Vite has written them. */
export function precompress(outDir: URL) {
  return {
    name: 'reseller-hub:precompress',
    apply: 'build' as const,
    closeBundle() {
      const dir = fileURLToPath(outDir);
      for (const file of filesUnder(dir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < MIN_BYTES) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}
