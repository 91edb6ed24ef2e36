import { stripSpaces, toHalfWidth } from '../validators/fullwidth';
import { parseApplicationNumber } from '../validators/patent-number';
import type { PatentType } from './types';
import { cellText, emptyFailure, failure, type ParseFailure } from './cell';

/** Cell text in half-width, without any whitespace, upper-cased: the form of codes and numbers. */
export function codeText(value: unknown): string {
  return stripSpaces(toHalfWidth(cellText(value))).toUpperCase();
}

const TYPE_NAMES: Record<PatentType, { zh: string; en: string }> = {
  invention: { zh: '发明', en: 'invention' },
  utility: { zh: '实用新型', en: 'utility model' },
  design: { zh: '外观设计', en: 'design' },
};

export function patentTypeLabel(type: PatentType): { zh: string; en: string } {
  return TYPE_NAMES[type];
}

/** The type a cell states, or null when the wording is not recognised. */
function typeFromText(text: string): PatentType | null {
  const s = text.toLowerCase().replace(/[()\s_-]/g, '');
  if (/实用新型|新型|utility/.test(s) || s === 'u' || s === '2') return 'utility';
  if (/外观|design/.test(s) || s === 'd' || s === '3') return 'design';
  if (/发明|invention/.test(s) || s === 'i' || s === '1') return 'invention';
  return null;
}

export type PatentTypeResult = { ok: true; type: PatentType; source: 'cell' | 'number' } | ParseFailure;

/**
 * The patent type from the type cell; with an application number, the number's type digit
 * (1/8 invention, 2/9 utility model, 3 design) must agree, and fills in an empty cell.
 */
export function parsePatentType(value: unknown, appNo?: string | null): PatentTypeResult {
  const text = toHalfWidth(cellText(value)).trim();
  const parsedNo = appNo ? parseApplicationNumber(appNo) : null;
  const fromNumber = parsedNo?.ok ? parsedNo.type : null;
  if (text === '') {
    if (fromNumber) return { ok: true, type: fromNumber, source: 'number' };
    return emptyFailure({ zh: '专利类型为空', en: 'Patent type is empty' });
  }
  const stated = typeFromText(text);
  if (!stated) {
    return failure(
      `无法识别的专利类型「${text}」（应为 发明、实用新型 或 外观设计）`,
      `Unrecognised patent type "${text}" (expected invention, utility model or design)`,
    );
  }
  if (fromNumber && parsedNo?.ok && fromNumber !== stated) {
    return failure(
      `专利类型与申请号类型位不符：类型为「${TYPE_NAMES[stated].zh}」，申请号 ${parsedNo.canonical} 表示${TYPE_NAMES[fromNumber].zh}`,
      `Patent type does not match the application number: stated ${TYPE_NAMES[stated].en}, but ${parsedNo.canonical} is a${fromNumber === 'invention' ? 'n' : ''} ${TYPE_NAMES[fromNumber].en}`,
    );
  }
  return { ok: true, type: stated, source: 'cell' };
}

export type PublicationNumberResult =
  | {
      ok: true;
      /** 'CN112345678A'; without a kind code when the source gave none. */
      canonical: string;
      /** The 7 or 9 digits. */
      number: string;
      /** Kind code: A/B/C (invention), U/Y (utility model), S/D (design), optionally with 8/9 for corrections. */
      kind: string | null;
      /** The patent type the kind code or first digit implies. */
      type: PatentType | null;
      /** True for kinds published on grant: B, C, U, Y, S, D. */
      grant: boolean;
    }
  | ParseFailure;

// 7-digit numbers until 2007, 9-digit since.
const PUB_NUMBER = /^(?:CN)?(\d{7}|\d{9})([A-Z]\d?)?$/;
const KIND_TYPE: Readonly<Record<string, PatentType>> = { A: 'invention', B: 'invention', C: 'invention', U: 'utility', Y: 'utility', S: 'design', D: 'design' };
const FIRST_DIGIT_TYPE: Readonly<Record<string, PatentType>> = { '1': 'invention', '2': 'utility', '3': 'design' };

/** Reads a Chinese publication or grant number ('CN 112345678 A', '112345678A', 'CN1234567A'…). */
export function parsePublicationNumber(value: unknown): PublicationNumberResult {
  const s = codeText(value).replace(/[-.]/g, '');
  if (s === '') return emptyFailure({ zh: '公开（公告）号为空', en: 'Publication number is empty' });
  const m = PUB_NUMBER.exec(s);
  const shown = cellText(value).trim();
  if (!m || m[1] === undefined) {
    const foreign = /^[A-Z]{2}/.test(s) && !s.startsWith('CN');
    return failure(
      foreign
        ? `「${shown}」不是中国专利的公开（公告）号`
        : `公开（公告）号格式有误「${shown}」（应如 CN112345678A）`,
      foreign ? `"${shown}" is not a Chinese publication number` : `Malformed publication number "${shown}" (expected e.g. CN112345678A)`,
    );
  }
  const number = m[1];
  const kind = m[2] ?? null;
  const byDigit = FIRST_DIGIT_TYPE[number.charAt(0)] ?? null;
  const letter = kind?.charAt(0) ?? null;
  const byKind = letter ? (KIND_TYPE[letter] ?? null) : null;
  if (letter && !byKind) {
    return failure(`公开（公告）号的文献类型码「${kind}」无效（应为 A、B、C、U、Y、S 或 D）`, `Unknown kind code "${kind}" (expected A, B, C, U, Y, S or D)`);
  }
  if (!byDigit) {
    return failure(`公开（公告）号「${shown}」的首位数字应为 1（发明）、2（实用新型）或 3（外观设计）`, `Publication number "${shown}" must start with 1 (invention), 2 (utility model) or 3 (design)`);
  }
  if (byKind && byKind !== byDigit) {
    return failure(
      `公开（公告）号「${shown}」的类型码 ${letter} 与号码首位 ${number.charAt(0)} 不符`,
      `Kind code ${letter} of "${shown}" does not match its first digit ${number.charAt(0)}`,
    );
  }
  return { ok: true, canonical: `CN${number}${kind ?? ''}`, number, kind, type: byDigit, grant: letter !== null && letter !== 'A' };
}

export type IntegerResult = { ok: true; value: number } | ParseFailure;

/** An integer such as 权利要求数: '12', '1,234', '10项', 12.0 (Excel), full-width digits. */
export function parseInteger(value: unknown, range: { min?: number; max?: number } = {}): IntegerResult {
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else {
    const s = codeText(value).replace(/,/g, '').replace(/(?:项|条|个|件)$/, '');
    if (s === '') return emptyFailure({ zh: '数值为空', en: 'Number is empty' });
    if (!/^[+-]?\d+(?:\.0+)?$/.test(s)) return failure(`「${cellText(value).trim()}」不是整数`, `"${cellText(value).trim()}" is not a whole number`);
    n = Number(s);
  }
  if (!Number.isSafeInteger(n)) return failure(`「${cellText(value).trim()}」不是整数`, `"${cellText(value).trim()}" is not a whole number`);
  const { min = -Infinity, max = Infinity } = range;
  if (n < min || n > max) {
    return failure(`数值 ${n} 超出范围 ${min}–${max}`, `Value ${n} is outside ${min}–${max}`);
  }
  return { ok: true, value: n };
}

export type NiceClassResult = { ok: true; value: number } | ParseFailure;

/** Nice class 1–45: '第30类', '30类', '030', 'Class 30', full-width digits, 30 from Excel. */
export function parseNiceClass(value: unknown): NiceClassResult {
  const shown = cellText(value).trim();
  const s = codeText(value).replace(/^(?:第|CLASS|CL\.?|NICE)/, '').replace(/类(?:别)?$/, '');
  if (s === '') return emptyFailure({ zh: '国际分类为空', en: 'Nice class is empty' });
  const n = /^\d{1,3}(?:\.0+)?$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 45) {
    return failure(`国际分类应为 1–45，实为「${shown}」`, `The Nice class must be 1–45, got "${shown}"`);
  }
  return { ok: true, value: n };
}

export type TrademarkNumberResult = { ok: true; value: string } | ParseFailure;

/**
 * A trademark registration / application number: up to 10 digits, leading zeros dropped (Excel
 * number and text cells must give the same key); Madrid numbers keep their 'G' prefix.
 */
export function parseTrademarkNumber(value: unknown): TrademarkNumberResult {
  const shown = cellText(value).trim();
  const s = codeText(value).replace(/^第/, '').replace(/号$/, '').replace(/\.0+$/, '');
  if (s === '') return emptyFailure({ zh: '注册号为空', en: 'Registration number is empty' });
  const m = /^(G?)(\d{1,10})$/.exec(s);
  const digits = m?.[2]?.replace(/^0+/, '') ?? '';
  if (!m || digits === '') {
    return failure(
      `商标注册号格式有误「${shown}」（应为 1–10 位数字，马德里国际注册可带前缀 G）`,
      `Malformed trademark number "${shown}" (expected 1–10 digits; Madrid registrations may start with G)`,
    );
  }
  return { ok: true, value: `${m[1]}${digits}` };
}
