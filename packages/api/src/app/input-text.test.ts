import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isStorableText, unstorableTextPaths } from '../shared/storable-text.js';
import { unstorableTextInRequest } from './input-text.js';

describe('isStorableText', () => {
  it.each([
    ['plain', 'Acme Fiber', true],
    ['empty', '', true],
    ['emoji (a surrogate pair)', '😀👩‍👩‍👧', true],
    ['control characters other than NUL', '\t\n\r\u0007\u001b\u007f', true],
    ['right-to-left override and BOM', '\u202E\uFEFF', true],
    ['NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'a\uD83D', false],
    ['a lone high surrogate before a letter', '\uD83Dx', false],
    ['a lone low surrogate', '\uDE00', false],
    ['two high surrogates', '\uDBFF\uDBFF', false],
    ['a pair, then a lone one', '😀\uDC00', false],
  ])('%s', (_name, text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });
});

describe('unstorableTextPaths', () => {
  it('names every string and key that cannot be stored, by path', () => {
    expect(unstorableTextPaths({ a: 'ok', b: ['ok', 'x\u0000'], c: { d: '\uD800' }, 'k\u0000': 1 })).toEqual(['b.1', 'c.d', 'k\u0000']);
  });

  it('walks values nested a hundred thousand deep (variables arrive before GraphQL coerces them)', () => {
    let deep: unknown = 'x\u0000';
    for (let level = 0; level < 100_000; level++) deep = level % 2 ? { a: deep } : [deep];
    const [path] = unstorableTextPaths(deep);
    expect(path!.split('.')).toHaveLength(100_000);
    expect(path!.startsWith('a.0.a.0')).toBe(true);
  });
});

describe('unstorableTextInRequest', () => {
  it('paths inside an input object, the variable name for a scalar, and document literals', () => {
    const document = parse('mutation($input: X!, $id: ID!) { m(input: $input, id: $id, note: "a\\u0000b") }');
    expect(unstorableTextInRequest(document, { input: { records: [{ name: 'ok' }, { name: '\u0000' }] }, id: '\uDC00' })).toEqual(['records.1.name', 'id', '(literal in the document)']);
  });

  it('nothing for ordinary requests', () => {
    expect(unstorableTextInRequest(parse('{ a(b: "😀") }'), { input: { name: 'Zoë' }, n: 5, none: null })).toEqual([]);
  });
});
