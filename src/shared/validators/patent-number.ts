import { toHalfWidth } from './fullwidth';
import type { BilingualMessage } from './types';

export type PatentType = 'invention' | 'utility' | 'design';

export type ApplicationNumberResult =
  | {
      ok: true;
      /** Digits, a dot and the check character, e.g. "202110123456.7" or "93100123.4". */
      canonical: string;
      year: number;
      type: PatentType;
      pct: boolean;
      /** 'new': 12-digit numbers from 1 Oct 2003; 'old': 8-digit numbers before that. */
      format: 'new' | 'old';
      /** True when the input had no check character and it was computed. */
      checkAdded: boolean;
    }
  | {
      ok: false;
      code: 'empty' | 'format' | 'check' | 'type';
      message: BilingualMessage;
    };

const TYPE_BY_DIGIT: Readonly<Record<string, { type: PatentType; pct: boolean }>> = {
  '1': { type: 'invention', pct: false },
  '2': { type: 'utility', pct: false },
  '3': { type: 'design', pct: false },
  '8': { type: 'invention', pct: true },
  '9': { type: 'utility', pct: true },
};

/**
 * Check character of an 8-digit (pre-2003) or 12-digit application number.
 * Weights are 2..9 repeating, so the old scheme is the first 8 weights of the new one.
 */
export function computeCheckChar(digits: string): string {
  if (!/^(?:\d{8}|\d{12})$/.test(digits)) {
    throw new RangeError(`Expected 8 or 12 digits, got "${digits}"`);
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[i]) * (2 + (i % 8));
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

function fail(code: 'empty' | 'format' | 'check' | 'type', message: BilingualMessage): ApplicationNumberResult {
  return { ok: false, code, message };
}

const FORMAT_MESSAGE: BilingualMessage = {
  zh: '申请号格式不正确：应为 12 位数字加校验位（如 202110123456.7），2003 年以前的申请号为 8 位数字加校验位（如 93100123.4）',
  en: 'Invalid application number: expected 12 digits and a check character (e.g. 202110123456.7), or 8 digits and a check character for applications filed before 2003 (e.g. 93100123.4)',
};

// 8 or 12 digits, then optionally an (optionally dotted) check character.
const NUMBER_PATTERN = /^(\d{8}|\d{12})(?:\.?([0-9X]))?$/;

/**
 * Parses a Chinese patent application number as people type it: with a CN/ZL prefix, spaces,
 * hyphens, full-width characters, lowercase x, with or without the dot or the check character.
 */
export function parseApplicationNumber(input: string): ApplicationNumberResult {
  const cleaned = toHalfWidth(input)
    .toUpperCase()
    .replace(/[\s\u200B-]+/g, '')
    .replace(/^(?:CN|ZL)/, '');
  if (cleaned === '') {
    return fail('empty', { zh: '申请号为空', en: 'Application number is empty' });
  }

  const m = NUMBER_PATTERN.exec(cleaned);
  const digits = m?.[1];
  if (!m || digits === undefined) return fail('format', FORMAT_MESSAGE);
  const given = m[2];

  const format = digits.length === 12 ? 'new' : 'old';
  let year: number;
  let typeDigit: string;
  if (format === 'new') {
    year = Number(digits.slice(0, 4));
    typeDigit = digits.charAt(4);
    // The 12-digit scheme started in 2003; an earlier year means a mistyped number.
    if (year < 2003) return fail('format', FORMAT_MESSAGE);
  } else {
    const yy = Number(digits.slice(0, 2));
    typeDigit = digits.charAt(2);
    if (yy >= 85) year = 1900 + yy;
    else if (yy <= 3) year = 2000 + yy;
    // The patent law took effect in 1985 and the 8-digit scheme ended in 2003.
    else return fail('format', FORMAT_MESSAGE);
  }

  const kind = TYPE_BY_DIGIT[typeDigit];
  if (!kind) {
    return fail('type', {
      zh: `申请号类型位无效：「${typeDigit}」不是已知的专利类型（1 发明、2 实用新型、3 外观设计、8 PCT 发明、9 PCT 实用新型）`,
      en: `Unknown patent type digit "${typeDigit}" (expected 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model)`,
    });
  }

  const expected = computeCheckChar(digits);
  if (given !== undefined && given !== expected) {
    return fail('check', {
      zh: `申请号校验位错误：应为 ${expected}，实为 ${given}`,
      en: `Wrong check character: expected ${expected}, got ${given}`,
    });
  }

  return {
    ok: true,
    canonical: `${digits}.${expected}`,
    year,
    type: kind.type,
    pct: kind.pct,
    format,
    checkAdded: given === undefined,
  };
}

/** Display form with the country prefix, e.g. "CN202110123456.7"; unparseable input is returned unchanged. */
export function formatApplicationNumber(canonical: string): string {
  const parsed = parseApplicationNumber(canonical);
  return parsed.ok ? `CN${parsed.canonical}` : canonical;
}
