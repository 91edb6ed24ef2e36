import { describe, expect, it } from 'vitest';
import { computeIdCheck, parseIdNumber } from './id-number';

describe('resident identity numbers', () => {
  it('accepts a number whose check character is right, in any width and case', () => {
    // 11010519491231002X is the standard's own worked example.
    expect(parseIdNumber('11010519491231002X')).toEqual({ ok: true, canonical: '11010519491231002X' });
    expect(parseIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toEqual({ ok: true, canonical: '11010519491231002X' });
    expect(computeIdCheck('41150219900307123')).toBe('3');
    expect(parseIdNumber('411502199003071233')).toEqual({ ok: true, canonical: '411502199003071233' });
  });

  it('names what is wrong', () => {
    expect(parseIdNumber('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseIdNumber('4115021990030712')).toMatchObject({ ok: false, code: 'format' });
    expect(parseIdNumber('411502199002301230')).toMatchObject({ ok: false, code: 'date' });
    expect(parseIdNumber('110105194912310021')).toMatchObject({ ok: false, code: 'check' });
  });
});
