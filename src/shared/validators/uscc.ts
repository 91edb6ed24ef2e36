import { stripSpaces, toHalfWidth } from './fullwidth';
import type { BilingualMessage } from './types';

/** GB 32100-2015 code alphabet: digits and uppercase letters without I, O, Z, S, V. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccResult =
  | {
      ok: true;
      canonical: string;
      /** Characters 3–8: administrative region code of the registering authority. */
      regionCode: string;
    }
  | {
      ok: false;
      code: 'empty' | 'length' | 'charset' | 'check' | 'region';
      message: BilingualMessage;
    };

/** Check character for the first 17 characters of a unified social credit code. */
export function computeUsccCheck(first17: string): string {
  const s = first17.toUpperCase();
  if (s.length !== 17) throw new RangeError(`Expected 17 characters, got ${s.length}`);
  let sum = 0;
  WEIGHTS.forEach((w, i) => {
    const v = ALPHABET.indexOf(s.charAt(i));
    if (v < 0) throw new RangeError(`Invalid character "${s.charAt(i)}" at position ${i + 1}`);
    sum += v * w;
  });
  // 31 − 0 would be 31, which is out of range and is written as 0.
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Parses a unified social credit code, accepting spaces, lowercase and full-width characters. */
export function parseUscc(input: string): UsccResult {
  const code = stripSpaces(toHalfWidth(input)).toUpperCase();
  if (code === '') {
    return { ok: false, code: 'empty', message: { zh: '统一社会信用代码为空', en: 'Unified social credit code is empty' } };
  }
  const chars = Array.from(code);
  if (chars.length !== 18) {
    return {
      ok: false,
      code: 'length',
      message: {
        zh: `统一社会信用代码应为 18 位，实为 ${chars.length} 位`,
        en: `Unified social credit code must be 18 characters long, got ${chars.length}`,
      },
    };
  }
  const badIndex = chars.findIndex((c) => !ALPHABET.includes(c));
  if (badIndex >= 0) {
    const bad = chars[badIndex] ?? '';
    return {
      ok: false,
      code: 'charset',
      message: {
        zh: `第 ${badIndex + 1} 位字符「${bad}」无效：统一社会信用代码只使用数字和除 I、O、Z、S、V 以外的大写字母`,
        en: `Invalid character "${bad}" at position ${badIndex + 1}: the code uses digits and uppercase letters except I, O, Z, S and V`,
      },
    };
  }
  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    return {
      ok: false,
      code: 'region',
      message: {
        zh: `第 3–8 位应为 6 位数字的行政区划代码，实为「${regionCode}」`,
        en: `Characters 3–8 must be a 6-digit administrative region code, got "${regionCode}"`,
      },
    };
  }
  const expected = computeUsccCheck(code.slice(0, 17));
  const given = code.charAt(17);
  if (given !== expected) {
    return {
      ok: false,
      code: 'check',
      message: {
        zh: `统一社会信用代码校验位错误：应为 ${expected}，实为 ${given}`,
        en: `Wrong check character: expected ${expected}, got ${given}`,
      },
    };
  }
  return { ok: true, canonical: code, regionCode };
}

export function isValidUscc(input: string): boolean {
  return parseUscc(input).ok;
}
