import { stripSpaces, toHalfWidth } from './fullwidth';
import type { BilingualMessage } from './types';

export type IdNumberResult = { ok: true; canonical: string } | { ok: false; code: 'empty' | 'format' | 'date' | 'check'; message: BilingualMessage };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of an 18-character resident identity number (GB 11643-1999, ISO 7064 MOD 11-2). */
export function computeIdCheck(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return CHECK[sum % 11] as string;
}

/** Parses an 18-character mainland resident identity number: digits, a real birth date and the check character. */
export function parseIdNumber(input: string): IdNumberResult {
  const s = stripSpaces(toHalfWidth(input)).toUpperCase();
  if (s === '') return { ok: false, code: 'empty', message: { zh: '身份证号为空', en: 'ID number is empty' } };
  if (!/^\d{17}[\dX]$/.test(s)) {
    return { ok: false, code: 'format', message: { zh: '身份证号应为 18 位（最后一位可为 X）', en: 'An ID number has 18 characters (the last may be X)' } };
  }
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, code: 'date', message: { zh: '身份证号中的出生日期不存在', en: 'The birth date in the ID number does not exist' } };
  }
  if (computeIdCheck(s.slice(0, 17)) !== s[17]) {
    return { ok: false, code: 'check', message: { zh: '身份证号校验位不正确，请核对', en: 'The ID number’s check character is wrong; please check it' } };
  }
  return { ok: true, canonical: s };
}
