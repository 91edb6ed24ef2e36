import { writeFile, mkdir } from 'node:fs/promises';
import { secretFile } from '../bootstrap';
import type { Config } from '../config';
import { sha256 } from '../crypto';

/**
 * The key that encrypts TOTP seeds: XINZHI_SECRET, or for an embedded database without it the
 * `secret` file that resolveSecret() (bootstrap.ts) keeps in the data folder.
 */
export const usesSecretFile = (config: Config) => config.database.kind === 'embedded' && !config.secret;

export { secretFile };

/** A short keyed digest: enough to tell two secrets apart, useless for guessing one. */
export const secretFingerprint = (secret: string) => sha256(`xinzhi secret fingerprint\n${secret.trim()}`).slice(0, 16);

export async function writeSecretFile(config: Config, secret: Buffer): Promise<void> {
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(secretFile(config), secret, { mode: 0o600 });
}
