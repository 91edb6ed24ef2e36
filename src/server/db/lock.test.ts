import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockedError, lockHolder } from './lock';

describe('data folder lock', () => {
  it('refuses a folder held by a live process and takes over a dead one’s lock', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xz-lock-'));
    try {
      writeFileSync(path.join(dir, 'lock'), String(process.ppid));
      expect(() => acquireLock(dir)).toThrow(LockedError);
      writeFileSync(path.join(dir, 'lock'), '999999999');
      const lock = acquireLock(dir);
      expect(lockHolder(dir)).toBe(process.pid);
      lock.release();
      expect(lockHolder(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
