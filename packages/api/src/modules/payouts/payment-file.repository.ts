import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../db/raw-sql.js';
import type { PayoutCipher } from './payout-crypto.js';
import type { PaymentFile } from './payment-batch.entity.js';

/** The NACHA file's text: decrypted, or as stored by a release that kept files in the clear. */
export function storedNacha(file: PaymentFile, cipher: PayoutCipher): string {
  if (file.nachaCiphertext) return cipher.decrypt(file.nachaCiphertext);
  if (file.nacha !== null) return file.nacha;
  throw new Error(`Payment file ${file.id} holds no NACHA text`);
}

/**
 * Encrypts the NACHA files that earlier releases stored in the clear, in every tenant (a start-up
 * step: a migration has no key). Each row is sealed in its own statement, so a crash part-way
 * leaves every file readable, sealed or not; running it again seals the rest. Returns how many.
 */
export async function sealStoredPaymentFiles(em: EntityManager, cipher: PayoutCipher): Promise<number> {
  const clear = await sqlRows<{ id: string; nacha: string }>(em, `select id, nacha from payment_file where nacha is not null`, []);
  for (const row of clear) {
    await sqlRows(em, `update payment_file set nacha_ciphertext = ?, nacha = null where id = ? and nacha = ?`, [cipher.encrypt(row.nacha), row.id, row.nacha]);
  }
  return clear.length;
}
