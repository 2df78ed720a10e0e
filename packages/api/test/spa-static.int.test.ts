import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './helpers.js';

/**
 * The SPAs' static files: the build's precompressed copies (.br, .gz) are sent to clients that
 * accept them, the plain file to others, hashed assets are cached for good, and client-side
 * routes get index.html.
 */
describe('SPA static files', () => {
  let api: TestApi;
  let dist: string;
  const script = `export const answer = ${JSON.stringify('x'.repeat(5000))};\n`;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'rh-spa-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'app-3f2a1b.js'), script);
    writeFileSync(path.join(dist, 'assets', 'app-3f2a1b.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dist, 'assets', 'app-3f2a1b.js.gz'), gzipSync(script));
    api = await startTestApi({ PORTAL_DIST: dist });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding: string) => fetch(`${api.url}${url}`, { headers: { 'accept-encoding': acceptEncoding } });

  it('sends brotli when accepted, gzip otherwise, the plain file to clients that accept neither', async () => {
    const br = await get('/portal/assets/app-3f2a1b.js', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const gz = await get('/portal/assets/app-3f2a1b.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/portal/assets/app-3f2a1b.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    // The bodies are the build's compressed files (fetch decodes them back to the script).
    expect(Number(br.headers.get('content-length'))).toBe(brotliCompressSync(script).length);
    expect(Number(gz.headers.get('content-length'))).toBe(gzipSync(script).length);
    expect(await br.text()).toBe(script);
    expect(await gz.text()).toBe(script);
  });

  it('caches hashed assets for good and sends index.html for client-side routes, not cached', async () => {
    const asset = await get('/portal/assets/app-3f2a1b.js', 'br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const route = await get('/portal/dashboard', 'br');
    expect(route.status).toBe(200);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toContain('<div id="root">');
    expect(route.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
