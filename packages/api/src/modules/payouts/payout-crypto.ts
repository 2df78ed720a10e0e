import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts bank account numbers at rest: AES-256-GCM with a random 96-bit nonce per value, the
 * authentication tag checked on decryption (a tampered value fails). The key comes from
 * configuration (`PAYOUT_ENCRYPTION_KEY`, 32 bytes in base64); the stored form is
 * `v1:<nonce>:<tag>:<ciphertext>` in base64url, so a future key or algorithm can sit beside it.
 */
export class PayoutCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The payout encryption key must be 32 bytes');
  }

  encrypt(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  decrypt(stored: string): string {
    const [version, nonce, tag, body] = stored.split(':');
    if (version !== VERSION || !nonce || !tag || body === undefined) throw new Error('Unknown payout ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
