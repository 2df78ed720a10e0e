import net from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from './helpers.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

describe('HTTP surface', () => {
  it('health and readiness', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('malformed JSON is a 400 with a JSON error, not a stack trace', async () => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me {' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].message).toBe('Malformed JSON body');
    expect(text).not.toMatch(/at .*\.js|node_modules/);
  });

  it('an oversized body is a 413', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ publicTenant(slug: "${'x'.repeat(1_100_000)}") { slug } }` }),
    });
    expect(response.status).toBe(413);
  });

  it('a syntax error or an unknown field is a 400 with a client error code', async () => {
    const broken = await api.gql(`{ me {`);
    expect(broken.status).toBe(400);
    expect(broken.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await api.gql(`{ secrets }`)).errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('responses carry a request id and security headers', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const graphql = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ publicTenant { slug } }"}' });
    expect(graphql.headers.get('x-content-type-options')).toBe('nosniff');
    expect(graphql.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps an idle keep-alive connection open past Node\'s default 5 s (load balancers reuse them for up to 60 s)', async () => {
    const socket = net.connect(Number(new URL(api.url).port), '127.0.0.1');
    await once(socket, 'connect');
    const answers: string[] = [];
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      // One complete JSON answer ends each response (content-length framing, small bodies).
      for (let end = buffer.indexOf('{"status":"ok"}'); end >= 0; end = buffer.indexOf('{"status":"ok"}')) {
        answers.push(buffer.slice(0, end + 15));
        buffer = buffer.slice(end + 15);
      }
    });
    const request = 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n';
    socket.write(request);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[0]).toMatch(/keep-alive: timeout=65/i);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(socket.destroyed || socket.readyState !== 'open').toBe(false);
    socket.write(request);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]).toMatch(/^HTTP\/1\.1 200/);
    socket.destroy();
  });

  it('unknown paths are a JSON 404', async () => {
    const response = await fetch(`${api.url}/nope`);
    expect(response.status).toBe(404);
  });

  it('readiness reports 503 when the database is unreachable, while liveness stays up', async () => {
    const other = await startTestApi();
    await other.orm.close(true);
    try {
      const ready = await fetch(`${other.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});

describe('GraphQL limits', () => {
  it('refuses a query nested deeper than 12 levels', async () => {
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `reseller { users { ${selection} } }`;
    const result = await api.gql(`{ me { user { ${selection} } } }`);
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).toMatch(/depth/i);
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `t${i}: publicTenant { slug }`).join(' ');
    const result = await api.gql(`{ ${aliases} }`);
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document of more than 2000 tokens with a 400', async () => {
    const result = await api.gql(`{ ${Array.from({ length: 700 }, () => 'publicTenant { slug }').join(' ')} }`);
    expect(result.status).toBe(400);
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors![0]!.message).toMatch(/more that 2000 tokens/);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ publicTenant { slug } }' }, { query: '{ publicTenant { slug } }' }]) });
    expect(response.status).toBe(400);
  });
});
