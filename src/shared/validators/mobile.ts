import { stripSpaces, toHalfWidth } from './fullwidth';
import type { BilingualMessage } from './types';

export type MobileResult =
  | { ok: true; canonical: string }
  | { ok: false; code: 'empty' | 'format'; message: BilingualMessage };

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Parses a mainland China mobile number, accepting +86 / 0086 / 86, spaces, hyphens, brackets and full-width digits. */
export function parseMobile(input: string): MobileResult {
  let s = stripSpaces(toHalfWidth(input)).replace(/[-()]/g, '');
  if (s === '') {
    return { ok: false, code: 'empty', message: { zh: '手机号为空', en: 'Mobile number is empty' } };
  }
  // A bare "86" is only a country code when 11 digits follow it.
  s = s.replace(/^(?:\+86|0086|86(?=\d{11}$))/, '');
  if (!MOBILE_PATTERN.test(s)) {
    return {
      ok: false,
      code: 'format',
      message: {
        zh: '手机号格式不正确：应为以 13–19 开头的 11 位中国大陆手机号',
        en: 'Invalid mobile number: expected an 11-digit mainland China number starting with 13–19',
      },
    };
  }
  return { ok: true, canonical: s };
}

/** Masks the middle of a string, keeping `head` and `tail` characters (by code point). */
function maskMiddle(s: string, head: number, tail: number): string {
  const chars = Array.from(s);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** "13812345678" → "138****5678". Input is normalised first, so "+86 138 1234 5678" works too. */
export function maskMobile(mobile: string): string {
  const parsed = parseMobile(mobile);
  return maskMiddle(parsed.ok ? parsed.canonical : stripSpaces(toHalfWidth(mobile)), 3, 4);
}

/** Keeps the first 4 (province/prefecture) and last 4 characters of an ID number, for 15- and 18-character numbers alike. */
export function maskIdNumber(id: string): string {
  return maskMiddle(stripSpaces(toHalfWidth(id)).toUpperCase(), 4, 4);
}

/** Keeps the first character of a name: "张三" → "张*", "欧阳娜娜" → "欧***". */
export function maskName(name: string): string {
  const chars = Array.from(toHalfWidth(name).trim());
  const [first = '', ...rest] = chars;
  return first + '*'.repeat(rest.length);
}

