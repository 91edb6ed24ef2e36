import { randomInt } from 'node:crypto';
import { TRACKING_ALPHABET, normaliseTrackingCode } from '../../../shared/protection/reports';
import { sha256 } from '../../crypto';

/** A new tracking code for a public form: 20 characters of base32 from the system's CSPRNG (100 bits). */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 20; i++) code += TRACKING_ALPHABET[randomInt(32)];
  return code;
}

/** What is kept of a tracking code: its SHA-256, after reading it as people type it. */
export const trackingHash = (code: string) => sha256(`tracking\n${normaliseTrackingCode(code)}`);
