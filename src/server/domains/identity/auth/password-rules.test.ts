import { describe, expect, it } from 'vitest';
import { commonPasswordCount, passwordProblems } from './password-rules';

const check = (pw: string, username = 'zhangsan', demo = false) => passwordProblems(pw, username, { minLength: 10, demo }).map((p) => p.en);

describe('password rules', () => {
  it('knows at least 1,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThan(1000);
  });
  it('accepts long mixed passwords', () => {
    expect(check('Maojian-Spring-2026')).toEqual([]);
    expect(check('信阳毛尖Tea#2026')).toEqual([]);
  });
  it('refuses common passwords even when dressed up', () => {
    for (const pw of ['Password123!', 'P@ssw0rd2024', 'Woaini1314!!', 'Qwertyuiop1!', 'Admin@123456']) expect(check(pw), pw).toContain('This password is too common and easy to guess');
  });
  it('names each broken rule', () => {
    expect(check('Ab1!')).toContain('At least 10 characters');
    expect(check('abcdefghijkl')).toContain('Use at least three of: upper case, lower case, digits, symbols');
    expect(check('Zhangsan-2026!')).toContain('The password must not contain the username');
  });
  it('refuses the demo password outside demo mode only', () => {
    expect(check('Xinyang#2022')).toContain('The demo password is not allowed outside demo mode');
    expect(check('Xinyang#2022', 'x', true)).not.toContain('The demo password is not allowed outside demo mode');
  });
});
