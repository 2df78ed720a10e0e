import { describe, expect, it } from 'vitest';
import { containsPattern } from './pagination.js';

describe('containsPattern', () => {
  it.each([
    ['acme', '%acme%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%s → %s', (input, pattern) => {
    expect(containsPattern(input)).toBe(pattern);
  });
});
