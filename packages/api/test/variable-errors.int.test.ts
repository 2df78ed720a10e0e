/**
 * Variables graphql-js cannot coerce are the client's mistake, however many there are. Found by
 * the bad-input fuzz test: a list of 300 empty objects for upsertCustomers made graphql-js stop at
 * its error limit ("Too many errors processing variables") with an error that carries no code,
 * and the API answered INTERNAL_SERVER_ERROR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, errorCode, startTestApi, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'vars');
});
afterAll(async () => api?.close());

const UPSERT = `mutation($input: UpsertCustomersInput!) { upsertCustomers(input: $input) { created } }`;

describe('variables that cannot be coerced', () => {
  it('a few bad values: BAD_USER_INPUT, HTTP 400', async () => {
    const result = await api.gql(UPSERT, { input: { customers: [{}, {}] } }, { token: tt.tokens.admin });
    expect(result.status).toBe(400);
    expect(result.errors!.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('more than graphql-js reports (its error limit): still BAD_USER_INPUT and 400, never an internal error', async () => {
    const result = await api.gql(UPSERT, { input: { customers: Array.from({ length: 300 }, () => ({})) } }, { token: tt.tokens.admin });
    expect(result.status).toBe(400);
    const codes = new Set(result.errors!.map((error) => error.extensions?.code));
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
    expect(result.errors!.at(-1)!.message).toMatch(/Too many errors/);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });
});
