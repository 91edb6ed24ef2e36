import { stripSpaces, toHalfWidth } from './fullwidth';
import { parseIdNumber } from './id-number';
import { maskIdNumber, maskMobile } from './mobile';
import { isValidUscc } from './uscc';

/**
 * Masking for publication (行政执法公示, open data): stricter than the list masks in mobile.ts,
 * because the text leaves the platform. Natural persons' names keep only the surname, ID numbers
 * and phones keep their ends, addresses stop at the street (乡镇/街道), and the same patterns are
 * found and masked in free text an officer wrote.
 */

/** Two-character surnames, so that 欧阳娜娜 becomes 欧阳** rather than 欧**. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史', '申屠', '万俟', '闻人',
  '东郭', '濮阳', '第五', '左丘', '拓跋', '赫连', '司空', '仲孙', '单于', '亓官',
]);

/** The mask after a surname: fixed, so that the length of the given name is not told either. */
const GIVEN_NAME_MASK = '**';

/** A natural person's name as published: 张三 → 张**, 欧阳娜娜 → 欧阳**. */
export function maskNameForPublic(name: string): string {
  const chars = Array.from(stripSpaces(toHalfWidth(name)));
  if (chars.length === 0) return '';
  const two = chars.slice(0, 2).join('');
  const surname = chars.length > 2 && COMPOUND_SURNAMES.has(two) ? two : (chars[0] as string);
  return surname + GIVEN_NAME_MASK;
}

const HAN = '\\u4e00-\\u9fff';
/** A Han character that is not one of the given ones (JavaScript classes cannot subtract). */
const hanExcept = (chars: string) => `(?:(?![${chars}])[${HAN}])`;

/**
 * The divisions of an address in order: province, prefecture, county or district (or a zone:
 * 管理区, 新区), township or street office. Each is optional; reading stops at the first part that
 * is none of them (a road, a village, a number).
 */
const DIVISIONS = new RegExp(
  '^(?:中华人民共和国|中国)?' +
    `(?:${hanExcept('省市县区路街道村号')}{2,7}?(?:省|自治区|特别行政区))?` +
    `(?:${hanExcept('省市县区镇乡路街道村号')}{2,9}?(?:市|自治州|地区|盟)(?!场))?` +
    `(?:${hanExcept('省市县区镇乡路街道村巷号组')}{1,12}?(?:县|区|市|旗)(?!场))?` +
    `(?:${hanExcept('省市县区镇乡路街道村巷号组')}{1,8}?(?:乡|镇|街道办事处|街道|苏木))?`,
);

/**
 * An address cut to street level for publication: 河南省信阳市固始县城关镇蓼城大道88号 →
 * 河南省信阳市固始县城关镇. Roads, villages and house numbers are dropped. '' when no division
 * can be read (the caller then names the county instead).
 */
export function streetLevelAddress(address: string): string {
  const s = stripSpaces(toHalfWidth(address));
  return DIVISIONS.exec(s)?.[0] ?? '';
}

export interface MaskTextOptions {
  /** Natural persons' names the record knows (the party's, and others the officer listed). */
  names?: readonly string[];
  /** Full values the record knows, replaced wherever they appear, before the patterns run. */
  idNumbers?: readonly string[];
  phones?: readonly string[];
  addresses?: readonly string[];
  /** Text to leave as it is, e.g. an organisation's registered address (public anyway). */
  keep?: readonly string[];
}

const D = '[0-9０-９]';
const NOT_DIGIT_BEFORE = '(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])';
const NOT_DIGIT_AFTER = '(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])';

/** 18-character ID numbers (last may be X) and the old 15-digit ones. */
const ID_PATTERN = new RegExp(`${NOT_DIGIT_BEFORE}(?:${D}{17}[0-9０-９XxＸｘ]|${D}{15})${NOT_DIGIT_AFTER}`, 'g');
/** Bank card and account numbers: long digit runs that are not ID numbers. */
const ACCOUNT_PATTERN = new RegExp(`${NOT_DIGIT_BEFORE}${D}{16,19}${NOT_DIGIT_AFTER}`, 'g');
/** Mainland mobiles, with or without +86 and separators: 13812345678, 138-1234-5678, +86 138 1234 5678. */
const MOBILE_PATTERN = new RegExp(`${NOT_DIGIT_BEFORE}(?:(?:\\+|＋)?86[-\\s]?)?[1１][3-9３-９]${D}[-\\s－]?${D}{4}[-\\s－]?${D}{4}${NOT_DIGIT_AFTER}`, 'g');
/** Landlines with their area code: 0376-6212345, 037662123456. */
const LANDLINE_PATTERN = new RegExp(`${NOT_DIGIT_BEFORE}([0０]${D}{2,3})([-－]?)(${D}{7,8})${NOT_DIGIT_AFTER}`, 'g');

/**
 * A role word, a colon (or 为) and a name right after it: 经营者：李四，. Only a short run of Han
 * characters followed by something else counts, and firm-like words are left alone.
 */
const ROLE_NAME_PATTERN = new RegExp(
  `(当事人|经营者|实际经营者|负责人|法定代表人|股东|店主|业主|户主|员工|证人|联系人|委托代理人|被处罚人)((?:\\s*[:：]\\s*)|为)([${HAN}·]{2,5})(?![${HAN}])`,
  'g',
);
const NOT_A_NAME = /某|\*|公司|厂|店|行|部|社|中心|局|所|院|个体|不详|无$/;

/** A road or village and a number after it: 蓼城大道168号, 和平路3号院2单元, 李湾村3组. */
const DOOR_PLATE_PATTERN = new RegExp(
  `${hanExcept('省市县区镇乡在于位的了和与及、，。；：')}{1,10}?(?:大道|大街|路|街|巷|弄|胡同|村|社区|小区|组)` +
    `[A-Za-z0-9０-９\\-－#${HAN}]{0,12}?${D}+(?:号院|号楼|号|栋|幢|单元|室|组|层)(?:${D}+(?:号院|号楼|号|栋|幢|单元|室|组|层|楼))*`,
  'g',
);
/** A village or community named right after its township: 汪桥镇李湾村 → 汪桥镇***. */
const VILLAGE_PATTERN = new RegExp(`(乡|镇|街道)(${hanExcept('省市县区镇乡，。；、')}{1,6}?(?:村|社区|居委会))`, 'g');

const DETAIL_MASK = '***';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every occurrence of each value (longest first), leaving shielded text alone. */
function replaceKnown(text: string, values: readonly string[] | undefined, mask: (v: string) => string): string {
  const list = [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v.length >= 2))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of list) out = out.replace(new RegExp(escapeRegExp(v), 'g'), () => mask(v));
  return out;
}

/**
 * Masks personal data in free text before it is published: the record's own known values first
 * (names, ID numbers, phones, addresses), then anything that looks like an ID number, a bank
 * account, a mobile or landline, a name after a role word, or a house address.
 */
export function maskPersonalText(text: string, opts: MaskTextOptions = {}): string {
  // Shield what must stay, with private-use characters no pattern matches.
  const kept: string[] = [];
  let out = replaceKnown(text, opts.keep, (v) => {
    kept.push(v);
    return `\ue000${String.fromCharCode(0xe100 + kept.length - 1)}\ue001`;
  });
  out = replaceKnown(out, opts.addresses, (v) => streetLevelAddress(v) || DETAIL_MASK);
  out = replaceKnown(out, opts.idNumbers, maskIdNumber);
  out = replaceKnown(out, opts.phones, maskMobile);
  out = replaceKnown(out, opts.names, maskNameForPublic);

  out = out.replace(ID_PATTERN, (m) => {
    const half = toHalfWidth(m).toUpperCase();
    // A credit code that happens to be all digits is a firm's, and public.
    if (half.length === 18 && isValidUscc(half) && !parseIdNumber(half).ok) return m;
    return maskIdNumber(half);
  });
  out = out.replace(ACCOUNT_PATTERN, (m) => {
    const half = toHalfWidth(m);
    return isValidUscc(half) ? m : `****${half.slice(-4)}`;
  });
  out = out.replace(MOBILE_PATTERN, (m) => maskMobile(m));
  out = out.replace(LANDLINE_PATTERN, (_m, area: string, dash: string, number: string) => `${toHalfWidth(area)}${dash ? '-' : ''}****${toHalfWidth(number).slice(-3)}`);
  out = out.replace(ROLE_NAME_PATTERN, (m, role: string, sep: string, name: string) => (NOT_A_NAME.test(name) ? m : `${role}${sep}${maskNameForPublic(name)}`));
  out = out.replace(DOOR_PLATE_PATTERN, DETAIL_MASK);
  out = out.replace(VILLAGE_PATTERN, (_m, town: string) => `${town}${DETAIL_MASK}`);

  return out.replace(/\ue000([\ue100-\ue1ff])\ue001/g, (_m, c: string) => kept[c.charCodeAt(0) - 0xe100] ?? '');
}
