import { describe, it, expect } from 'vitest';
import { computeCheckChar, formatApplicationNumber, parseApplicationNumber } from './patent-number';

// Hand-computed check characters (weights 2,3,4,5,6,7,8,9,2,3,4,5; sum mod 11; 10 → X):
//   202110123456: 4+0+8+5+6+0+8+18+6+12+20+30 = 117; 117 mod 11 = 7  → 7
//   200310012345: 4+0+0+15+6+0+0+9+4+9+16+25 = 88;   88 mod 11 = 0   → 0
//   202320000003: 4+0+8+15+12+0+0+0+0+0+0+15 = 54;   54 mod 11 = 10  → X
//   201880012345: 4+0+4+40+48+0+0+9+4+9+16+25 = 159; 159 mod 11 = 5  → 5
//   202430123456: 4+0+8+20+18+0+8+18+6+12+20+30 = 144; 144 mod 11 = 1 → 1
// Old format (weights 2..9):
//   93100123: 18+9+4+0+0+7+16+27 = 81;  81 mod 11 = 4 → 4
//   02210456: 0+6+8+5+0+28+40+54 = 141; 141 mod 11 = 9 → 9

describe('computeCheckChar', () => {
  it.each([
    ['202110123456', '7'],
    ['200310012345', '0'],
    ['202320000003', 'X'],
    ['201880012345', '5'],
    ['202430123456', '1'],
    ['93100123', '4'],
    ['02210456', '9'],
  ])('%s → %s', (digits, check) => {
    expect(computeCheckChar(digits)).toBe(check);
  });

  it('rejects other lengths', () => {
    expect(() => computeCheckChar('1234567')).toThrow(RangeError);
    expect(() => computeCheckChar('2021101234567')).toThrow(RangeError);
    expect(() => computeCheckChar('20211012345A')).toThrow(RangeError);
  });
});

describe('parseApplicationNumber', () => {
  it('parses a canonical new-format invention number', () => {
    expect(parseApplicationNumber('202110123456.7')).toEqual({
      ok: true,
      canonical: '202110123456.7',
      year: 2021,
      type: 'invention',
      pct: false,
      format: 'new',
      checkAdded: false,
    });
  });

  it('recognises utility, design and PCT types', () => {
    // 200320012345: 4+0+0+15+12+0+0+9+4+9+16+25 = 94; 94 mod 11 = 6
    expect(parseApplicationNumber('200320012345.6')).toMatchObject({ ok: true, type: 'utility', pct: false, year: 2003 });
    const design = parseApplicationNumber('202430123456.1');
    expect(design).toMatchObject({ ok: true, type: 'design', pct: false, year: 2024 });
    const pct = parseApplicationNumber('201880012345.5');
    expect(pct).toMatchObject({ ok: true, type: 'invention', pct: true, year: 2018 });
    // 202390000001: 4+0+8+15+54+0+0+0+0+0+0+5 = 86; 86 mod 11 = 9
    expect(parseApplicationNumber('202390000001.9')).toMatchObject({ ok: true, type: 'utility', pct: true });
    // 202120000001: 4+0+8+5+12+0+0+0+0+0+0+5 = 34; 34 mod 11 = 1
    expect(parseApplicationNumber('202120000001.1')).toMatchObject({ ok: true, type: 'utility', pct: false });
  });

  it('accepts CN / ZL prefixes in any case, spaces and hyphens', () => {
    for (const input of [
      'CN202110123456.7',
      'cn202110123456.7',
      'ZL202110123456.7',
      'Zl 2021 1 0123456.7',
      'CN 2021-1-0123456.7',
      '  202110123456 . 7  ',
    ]) {
      expect(parseApplicationNumber(input)).toMatchObject({ ok: true, canonical: '202110123456.7' });
    }
  });

  it('accepts a missing dot, full-width characters and lowercase x', () => {
    expect(parseApplicationNumber('2021101234567')).toMatchObject({ ok: true, canonical: '202110123456.7', checkAdded: false });
    expect(parseApplicationNumber('ＣＮ２０２１１０１２３４５６．７')).toMatchObject({ ok: true, canonical: '202110123456.7' });
    expect(parseApplicationNumber('ｚｌ２０２１１０１２３４５６．７')).toMatchObject({ ok: true, canonical: '202110123456.7' });
    expect(parseApplicationNumber('202320000003.x')).toMatchObject({ ok: true, canonical: '202320000003.X' });
    expect(parseApplicationNumber('202320000003ｘ')).toMatchObject({ ok: true, canonical: '202320000003.X' });
    expect(parseApplicationNumber('zl202320000003X')).toMatchObject({ ok: true, canonical: '202320000003.X' });
  });

  it('computes a missing check character and reports it', () => {
    expect(parseApplicationNumber('202110123456')).toMatchObject({ ok: true, canonical: '202110123456.7', checkAdded: true });
    expect(parseApplicationNumber('CN 200310012345')).toMatchObject({ ok: true, canonical: '200310012345.0', checkAdded: true });
    expect(parseApplicationNumber('93100123')).toMatchObject({ ok: true, canonical: '93100123.4', checkAdded: true });
  });

  it('rejects a wrong check character with a bilingual message', () => {
    expect(parseApplicationNumber('202110123456.3')).toEqual({
      ok: false,
      code: 'check',
      message: { zh: '申请号校验位错误：应为 7，实为 3', en: 'Wrong check character: expected 7, got 3' },
    });
    expect(parseApplicationNumber('202320000003.0')).toMatchObject({ ok: false, code: 'check' });
    expect(parseApplicationNumber('202110123456.X')).toMatchObject({ ok: false, code: 'check' });
    expect(parseApplicationNumber('93100123.5')).toMatchObject({ ok: false, code: 'check' });
  });

  it('parses old-format numbers', () => {
    expect(parseApplicationNumber('93100123.4')).toEqual({
      ok: true,
      canonical: '93100123.4',
      year: 1993,
      type: 'invention',
      pct: false,
      format: 'old',
      checkAdded: false,
    });
    expect(parseApplicationNumber('CN02210456.9')).toMatchObject({ ok: true, year: 2002, type: 'utility', format: 'old' });
    expect(parseApplicationNumber('022104569')).toMatchObject({ ok: true, canonical: '02210456.9' });
    // 85300001: 16+15+12+0+0+0+0+9 = 52; 52 mod 11 = 8
    expect(parseApplicationNumber('85300001.8')).toMatchObject({ ok: true, year: 1985, type: 'design' });
  });

  it('rejects old-format years outside 1985–2003 and new-format years before 2003', () => {
    expect(parseApplicationNumber('84100001')).toMatchObject({ ok: false, code: 'format' });
    expect(parseApplicationNumber('04100001')).toMatchObject({ ok: false, code: 'format' });
    expect(parseApplicationNumber('200210012345')).toMatchObject({ ok: false, code: 'format' });
  });

  it('rejects wrong lengths and stray characters', () => {
    for (const input of ['20211012345.6', '2021101234567.8', '2021101234', '9310012.3', '202110123456.', 'CN202110123456.7A', '2021１0123456/7', 'abc']) {
      expect(parseApplicationNumber(input)).toMatchObject({ ok: false, code: 'format' });
    }
  });

  it('rejects unknown type digits', () => {
    const r = parseApplicationNumber('202140123456');
    expect(r).toMatchObject({ ok: false, code: 'type' });
    if (!r.ok) {
      expect(r.message.zh).toContain('「4」');
      expect(r.message.en).toContain('"4"');
    }
    expect(parseApplicationNumber('202150123456')).toMatchObject({ ok: false, code: 'type' });
    expect(parseApplicationNumber('93700123')).toMatchObject({ ok: false, code: 'type' });
  });

  it('rejects empty input', () => {
    expect(parseApplicationNumber('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseApplicationNumber(' \u3000 ')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseApplicationNumber('CN')).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('formatApplicationNumber', () => {
  it('adds the CN prefix', () => {
    expect(formatApplicationNumber('202110123456.7')).toBe('CN202110123456.7');
    expect(formatApplicationNumber('93100123.4')).toBe('CN93100123.4');
  });

  it('returns unparseable input unchanged', () => {
    expect(formatApplicationNumber('not a number')).toBe('not a number');
  });
});
