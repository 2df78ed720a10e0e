/**
 * The declared access policy (access-policy.ts) covers the whole schema, and docs/security.md
 * shows it as it is. `UPDATE_DOCS=1` rewrites the table in the docs instead of failing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../src/app/schema.js';
import { isResellerRole } from '../src/auth/roles.js';
import { POLICY, renderPolicyTable } from './access-policy.js';
import { guardedFields } from './support/guarded-fields.js';
import { rootOperations } from './support/schema-walk.js';

const DOCS = new URL('../../../docs/security.md', import.meta.url);
const START = '<!-- policy-table:start -->';
const END = '<!-- policy-table:end -->';

describe('access policy', () => {
  it('has a row for every query, mutation and field with its own @Authorized, and none for anything else', async () => {
    const schema = await createSchema();
    const expected = [...rootOperations(schema).map((op) => op.coordinate), ...(await guardedFields()).map((field) => field.coordinate)];
    expect(Object.keys(POLICY).sort()).toEqual(expected.sort());
  });

  it('says what a reseller caller gets on every row that admits one (its own reseller only)', () => {
    const undeclared = Object.entries(POLICY).filter(([, row]) => row.who !== 'PUBLIC' && (row.who === 'SIGNED_IN' || row.who.some(isResellerRole)) && row.resellers !== 'OWN');
    expect(undeclared.map(([key]) => key)).toEqual([]);
    const misdeclared = Object.entries(POLICY).filter(([, row]) => row.resellers === 'OWN' && row.who !== 'SIGNED_IN' && (row.who === 'PUBLIC' || !row.who.some(isResellerRole)));
    expect(misdeclared.map(([key]) => key)).toEqual([]);
  });

  it('is the table docs/security.md shows', async () => {
    const text = await readFile(DOCS, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    expect(start, 'policy-table markers in docs/security.md').toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const shown = text.slice(start, end + END.length);
    const rendered = `${START}\n${renderPolicyTable()}${END}`;
    if (process.env.UPDATE_DOCS === '1' && shown !== rendered) {
      await writeFile(DOCS, text.slice(0, start) + rendered + text.slice(end + END.length));
      return;
    }
    // On failure: UPDATE_DOCS=1 pnpm --filter @reseller-hub/api exec vitest run test/access-policy.test.ts
    expect(shown).toBe(rendered);
  });
});
