import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

/** Outside production a missing secret is generated once and kept beside the data (mode 600). */
function localSecret(config: Config, name: string, bytes: number): string {
  const file = path.join(path.dirname(config.embeddedPg.dir), name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(bytes).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The secrets every process of one installation shares (the API, workers, the CLI). */
export function installationSecrets(config: Config): { session: string; payoutKey: Buffer } {
  return {
    session: config.sessionSecret ?? localSecret(config, 'session-secret', 48),
    payoutKey: config.payoutEncryptionKey ?? Buffer.from(localSecret(config, 'payout-encryption-key', 32), 'base64'),
  };
}
