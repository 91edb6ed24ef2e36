import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The anti-spam challenge of public forms (a proof of work, as hashcash): the browser finds a nonce
 * whose SHA-256 with the server's signed challenge starts with `bits` zero bits. It costs a person
 * a fraction of a second once and a spammer that for every message; no one has to read a picture.
 */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const encoder = new TextEncoder();

export function challengeWorks(challenge: string, nonce: string, bits: number): boolean {
  return leadingZeroBits(sha256(encoder.encode(`${challenge}:${nonce}`))) >= bits;
}

/** Finds a nonce for the challenge; `onProgress` hears about every 2^14 tries (for a progress hint). */
export function solveChallenge(challenge: string, bits: number, onProgress?: (tries: number) => void): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (challengeWorks(challenge, nonce, bits)) return nonce;
    if (onProgress && n % 16384 === 0) onProgress(n);
  }
}

/** The bits a challenge asks for: challenges read "<id>.<expires ms>.<bits>.<signature>". */
export function challengeBits(challenge: string): number {
  return Number(challenge.split('.')[2] ?? 0);
}
