import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskMobile, maskName, parseMobile } from './mobile';

describe('parseMobile', () => {
  it('accepts plain 11-digit numbers for every 13–19 prefix', () => {
    for (const n of ['13812345678', '14512345678', '15012345678', '16612345678', '17712345678', '18612345678', '19912345678']) {
      expect(parseMobile(n)).toEqual({ ok: true, canonical: n });
    }
  });

  it('strips country prefixes, spaces, hyphens and brackets', () => {
    for (const input of [
      '+8613812345678',
      '+86 138 1234 5678',
      '008613812345678',
      '0086-138-1234-5678',
      '8613812345678',
      '86 138 1234 5678',
      '(+86) 138-1234-5678',
      ' 138 1234 5678 ',
    ]) {
      expect(parseMobile(input)).toEqual({ ok: true, canonical: '13812345678' });
    }
  });

  it('accepts full-width digits and plus sign', () => {
    expect(parseMobile('＋８６　１３８１２３４５６７８')).toEqual({ ok: true, canonical: '13812345678' });
    expect(parseMobile('１３８－１２３４－５６７８')).toEqual({ ok: true, canonical: '13812345678' });
  });

  it('rejects invalid numbers with a bilingual message', () => {
    for (const input of ['12812345678', '10012345678', '1381234567', '138123456789', '23812345678', '1381234567a', '+1 415 555 0100', '037663123456', '+8612812345678']) {
      const r = parseMobile(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('format');
        expect(r.message.zh).toContain('手机号');
        expect(r.message.en).toContain('mobile number');
      }
    }
  });

  it('does not take a leading 86 as country code unless 11 digits follow', () => {
    expect(parseMobile('861234567890')).toMatchObject({ ok: false });
  });

  it('rejects empty input', () => {
    expect(parseMobile('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseMobile(' - ')).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks short strings entirely', () => {
    expect(maskMobile('12345')).toBe('*****');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last 4 characters of 18-character numbers', () => {
    expect(maskIdNumber('411502199001011234')).toBe('4115**********1234');
    expect(maskIdNumber('41150219900101123x')).toBe('4115**********123X');
  });

  it('handles 15-character numbers', () => {
    expect(maskIdNumber('411502900101123')).toBe('4115*******1123');
  });

  it('normalises full-width characters and spaces', () => {
    expect(maskIdNumber('４１１５０２ １９９００１０１１２３４')).toBe('4115**********1234');
  });

  it('masks strings too short to keep both ends', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李小龙')).toBe('李**');
  });

  it('leaves a single character unchanged', () => {
    expect(maskName('张')).toBe('张');
    expect(maskName('')).toBe('');
  });

  it('counts characters outside the BMP as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });

  it('trims surrounding whitespace', () => {
    expect(maskName(' 张三\u3000')).toBe('张*');
  });
});
