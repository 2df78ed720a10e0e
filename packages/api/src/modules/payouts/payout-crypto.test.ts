import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PayoutCipher } from './payout-crypto.js';

describe('payout cipher', () => {
  const cipher = new PayoutCipher(randomBytes(32));
  it('round-trips, with a fresh nonce each time, and never contains the plain number', () => {
    const a = cipher.encrypt('000123456789');
    const b = cipher.encrypt('000123456789');
    expect(a).not.toBe(b);
    expect(a).not.toContain('123456789');
    expect(cipher.decrypt(a)).toBe('000123456789');
  });
  it('refuses a tampered value or another key', () => {
    const stored = cipher.encrypt('987654321');
    const parts = stored.split(':');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([parts[0], parts[1], parts[2], flipped.toString('base64url')].join(':'))).toThrow();
    expect(() => new PayoutCipher(randomBytes(32)).decrypt(stored)).toThrow();
    expect(() => new PayoutCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
