import { describe, expect, it } from 'vitest';
import { normaliseIpcArea } from './ipc';

describe('IPC areas', () => {
  it('takes a class, subclass, main group or subgroup in the forms people type them', () => {
    const code = (v: string) => {
      const r = normaliseIpcArea(v);
      return r.ok ? r.code : `bad: ${r.reason.en}`;
    };
    expect(code('c04')).toBe('C04');
    expect(code(' c04b ')).toBe('C04B');
    expect(code('C04B 14/00')).toBe('C04B 14');
    expect(code('C04B14')).toBe('C04B 14');
    expect(code('C04B 14')).toBe('C04B 14');
    expect(code('ｃ０４Ｂ１４／１８')).toBe('C04B 14/18');
    expect(code('A23F 3/06')).toBe('A23F 3/06');
    expect(code('Q04')).toMatch(/^bad/);
    expect(code('C04B 0')).toMatch(/^bad/);
  });
});
