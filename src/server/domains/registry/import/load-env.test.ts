import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from './load-env';

describe('content hash', () => {
  const record = { appNo: '202110123456.7', title: '一种"毛尖"茶', ipc: ['A23F 3/06', 'A23F 3/08'], claims: 8, pct: false, priority: null };

  it('is the SHA-256 of the record as JSON with its keys in sorted order, whatever their order', () => {
    const expected = createHash('sha256').update(JSON.stringify(record, Object.keys(record).sort())).digest('hex');
    expect(contentHash(record)).toBe(expected);
    const reordered = { pct: false, ipc: ['A23F 3/06', 'A23F 3/08'], priority: null, claims: 8, title: '一种"毛尖"茶', appNo: '202110123456.7' };
    expect(contentHash(reordered)).toBe(expected);
  });

  it('changes with any value', () => {
    expect(contentHash({ ...record, ipc: ['A23F 3/06'] })).not.toBe(contentHash(record));
    expect(contentHash({ ...record, priority: 'CN2020' })).not.toBe(contentHash(record));
  });
});
