import { stripSpaces, toHalfWidth } from '../validators/fullwidth';
import { cellText, emptyFailure, failure, type ParseFailure } from './cell';

export type IpcResult = { ok: true; code: string; level: 'subclass' | 'group' } | ParseFailure;

export interface IpcParts {
  /** 'A' */
  section: string;
  /** 'A01' */
  cls: string;
  /** 'A01B' */
  subclass: string;
  /** 'A01B 1/00', or null for a subclass-only code. */
  group: string | null;
}

// A version indication such as (2006.01) or [2006.01] after the symbol.
const VERSION = /[([]\s*\d{4}\s*\.\s*\d{2}\s*[)\]]$/;
const SLASH_GROUP = /^(\d{1,4})\/(\d{1,6})$/;
// WIPO's fixed-width form: 4-digit main group and 6-digit subgroup, both zero-padded.
const FIXED_GROUP = /^(\d{4})(\d{6})$/;

const bad = (code: string, zh: string, en: string): ParseFailure =>
  failure(`IPC 分类号格式有误：${code}（${zh}）`, `Malformed IPC code ${code} (${en})`);

/** Subgroup digits with trailing zeros trimmed to at least two: '020000' → '02', '123000' → '123'. */
function trimSubgroup(digits: string): string {
  const t = digits.replace(/0+$/, '');
  return t.length >= 2 ? t : t.padEnd(2, '0');
}

/**
 * Normalises an IPC symbol to 'A01B 1/00' (or 'A01B' for a subclass). Accepts 'A01B1/00',
 * 'A01B0001000000', a trailing version '(2006.01)', lower case and full-width characters.
 */
export function normaliseIpc(value: unknown): IpcResult {
  const shown = toHalfWidth(cellText(value)).trim();
  const s = stripSpaces(shown.replace(VERSION, '')).toUpperCase();
  if (s === '') return emptyFailure({ zh: 'IPC 分类号为空', en: 'IPC code is empty' });
  const section = s.charAt(0);
  if (!/^[A-Z]$/.test(section)) return bad(shown, '应以部的字母 A–H 开头', 'must start with a section letter A–H');
  if (section > 'H') return bad(shown, `部「${section}」不存在，应为 A–H`, `section "${section}" does not exist; expected A–H`);
  const cls = s.slice(1, 3);
  if (!/^\d{2}$/.test(cls)) return bad(shown, '部后应为两位数字的大类号', 'the section must be followed by a 2-digit class');
  if (cls === '00') return bad(shown, '大类号不能为 00', 'class 00 does not exist');
  const letter = s.charAt(3);
  if (!/^[A-Z]$/.test(letter)) return bad(shown, '缺少小类字母', 'the subclass letter is missing');
  // Subclass Z exists only in the catch-all classes A99Z…H99Z, which have no other subclass.
  if ((letter === 'Z') !== (cls === '99')) {
    return bad(shown, `小类「${section}${cls}${letter}」不存在`, `subclass ${section}${cls}${letter} does not exist`);
  }
  const subclass = `${section}${cls}${letter}`;
  const rest = s.slice(4);
  if (rest === '') return { ok: true, code: subclass, level: 'subclass' };
  const m = SLASH_GROUP.exec(rest) ?? FIXED_GROUP.exec(rest);
  if (!m || m[1] === undefined || m[2] === undefined) {
    return bad(shown, '组号应为「大组/小组」，如 1/00、33/02', 'the group must be "main group/subgroup", e.g. 1/00 or 33/02');
  }
  const mainGroup = Number(m[1]);
  if (mainGroup === 0) return bad(shown, '大组号不能为 0', 'main group 0 does not exist');
  if (m[2].length < 2) return bad(shown, '小组号至少两位，如 33/02', 'the subgroup has at least two digits, e.g. 33/02');
  return { ok: true, code: `${subclass} ${mainGroup}/${trimSubgroup(m[2])}`, level: 'group' };
}

/**
 * An IPC area, as watches, navigation projects and lists take it: a class ('C04'), a subclass, a
 * main group ('C04B 14'; 'C04B 14/00' means the main group with all its subgroups) or a subgroup.
 */
export function normaliseIpcArea(value: unknown): { ok: true; code: string } | ParseFailure {
  const up = stripSpaces(toHalfWidth(cellText(value))).toUpperCase();
  if (/^[A-H]\d{2}$/.test(up)) return { ok: true, code: up };
  const main = /^([A-H]\d{2}[A-Z])(\d{1,4})$/.exec(up);
  if (main && Number(main[2]) > 0) return normaliseIpcArea(`${main[1]} ${Number(main[2])}/00`);
  const r = normaliseIpc(value);
  if (!r.ok) return r;
  return { ok: true, code: r.code.endsWith('/00') ? r.code.slice(0, -3) : r.code };
}

export interface IpcListResult {
  /** Normalised, de-duplicated, in source order. */
  codes: string[];
  invalid: Array<{ value: string; reason: ParseFailure['reason'] }>;
}

const LIST_SEPARATORS = /[;；,，|、\r\n]+/;
// A word that continues the previous symbol: '1/00' after 'A01B', or a version '(2006.01)'.
const CONTINUATION = /^(?:\d|\/|\(|\[)/;

/** Cuts a cell of IPC symbols into symbols: 'A23F3/06;A23F3/14', 'A01B 1/00 A01B 3/00', … */
function ipcWords(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(LIST_SEPARATORS)) {
    let current: string | null = null;
    for (const word of piece.trim().split(/\s+/)) {
      if (word === '') continue;
      if (current !== null && CONTINUATION.test(word)) {
        current += ` ${word}`;
        continue;
      }
      if (current !== null) out.push(current);
      current = word;
    }
    if (current !== null) out.push(current);
  }
  return out;
}

/** Splits and normalises a list of IPC symbols, de-duplicating; malformed ones are listed apart. */
export function splitIpcList(value: unknown): IpcListResult {
  const codes: string[] = [];
  const invalid: IpcListResult['invalid'] = [];
  for (const word of ipcWords(toHalfWidth(cellText(value)))) {
    const r = normaliseIpc(word);
    if (r.ok) {
      if (!codes.includes(r.code)) codes.push(r.code);
    } else if (!r.empty) {
      invalid.push({ value: word, reason: r.reason });
    }
  }
  return { codes, invalid };
}

/** Section, class, subclass and group of an IPC symbol, or null when it is not one. */
export function ipcParts(code: unknown): IpcParts | null {
  const r = normaliseIpc(code);
  if (!r.ok) return null;
  const subclass = r.code.slice(0, 4);
  return {
    section: subclass.slice(0, 1),
    cls: subclass.slice(0, 3),
    subclass,
    group: r.level === 'group' ? r.code : null,
  };
}
