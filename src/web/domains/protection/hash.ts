import { sha256 } from '@noble/hashes/sha2.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Files up to this size are hashed by the browser's own SHA-256 in one go; larger ones in slices. */
const ONE_GO = 256 * 1024 * 1024;
const SLICE = 4 * 1024 * 1024;

/**
 * The SHA-256 of a file, computed here in the browser: the file never leaves the computer.
 * Web Crypto is used where the page may use it (HTTPS or localhost); elsewhere a script
 * implementation reads the file in slices, reporting progress.
 */
export async function hashFile(file: File, onProgress?: (percent: number) => void): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle && file.size <= ONE_GO) {
    onProgress?.(10);
    const digest = await subtle.digest('SHA-256', await file.arrayBuffer());
    onProgress?.(100);
    return hex(new Uint8Array(digest));
  }
  const h = sha256.create();
  for (let at = 0; at < file.size; at += SLICE) {
    h.update(new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer()));
    onProgress?.(Math.round(((at + SLICE > file.size ? file.size : at + SLICE) / Math.max(1, file.size)) * 100));
    await new Promise((r) => setTimeout(r, 0));
  }
  onProgress?.(100);
  return hex(h.digest());
}

export const isSha256 = (s: string) => /^[0-9a-f]{64}$/i.test(s.trim());

export const shortHash = (h: string, n = 12) => (h.length > n ? `${h.slice(0, n)}…` : h);
