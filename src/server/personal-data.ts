import { createHmac } from 'node:crypto';
import { maskIdNumber, maskMobile, maskName, streetLevelAddress } from '../shared/validators';
import { SecretBox, deriveKey } from './crypto';

/** Kinds of personal data, each masked its own way. */
export type PersonalKind = 'name' | 'phone' | 'id' | 'account' | 'address' | 'text';

export interface SealedValue {
  /** AES-256-GCM ciphertext, readable only with the platform secret. */
  sealed: string;
  /** What lists, exports and logs show: 138****5678, 4115**********1234, 张*. */
  masked: string;
  /** Keyed hash (HMAC-SHA-256) of the normalised value, for finding equal values without decrypting. */
  hash: string;
}

export function maskPersonal(kind: PersonalKind, value: string): string {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'phone':
      return maskMobile(value);
    case 'id':
      return maskIdNumber(value);
    case 'account':
      return value.length <= 4 ? '****' : `****${value.slice(-4)}`;
    case 'address':
      // Down to the township or street office; the rest is the person's home.
      return streetLevelAddress(value) || '***';
    default:
      return value.length <= 6 ? '******' : `${value.slice(0, 3)}***`;
  }
}

/**
 * Personal data at rest (reporters, parties, claimants): sealed with a key derived from the
 * platform secret, masked for display, and hashed with a separate derived key for lookups.
 */
export class PersonalData {
  private readonly box: SecretBox;
  private readonly lookupKey: Buffer;
  constructor(secret: string) {
    this.box = new SecretBox(secret, 'personal-data');
    this.lookupKey = deriveKey(secret, 'personal-data-lookup');
  }
  seal(kind: PersonalKind, value: string): SealedValue {
    return { sealed: this.box.seal(value), masked: maskPersonal(kind, value), hash: this.lookup(kind, value) };
  }
  open(sealed: string): string {
    return this.box.open(sealed);
  }
  lookup(kind: PersonalKind, value: string): string {
    return createHmac('sha256', this.lookupKey).update(`${kind}\n${value.trim().toUpperCase()}`).digest('hex');
  }
}
