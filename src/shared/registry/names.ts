import { normalizeSpaces, stripSpaces, toHalfWidth } from '../validators/fullwidth';
import { cellText } from './cell';

const OPENING = new Set(['(', '（', '[', '［', '【', '〔', '{', '｛', '《', '〈', '「', '『']);
const CLOSING = new Set([')', '）', ']', '］', '】', '〕', '}', '｝', '》', '〉', '」', '』']);
// Always separate names. Commas and 、 separate too, unless one of these is present: then the
// cell is a ;-list and commas belong to names such as 'Apple, Inc.'.
const STRONG = new Set([';', '；', '|', '｜', '\n', '\r']);
const WEAK = new Set([',', '，', '、']);

/** Splits at separator characters that are outside brackets. */
function splitOutsideBrackets(s: string, isSeparator: (ch: string) => boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(ch)) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/**
 * Splits an applicant / inventor / agent cell into names: on ; ； | and line breaks, and on
 * , ， 、 when no stronger separator is present; never inside brackets such as （集团）.
 * Empty entries are dropped; order is kept.
 */
export function splitNames(value: unknown): string[] {
  const s = cellText(value);
  const hasStrong = splitOutsideBrackets(s, (ch) => STRONG.has(ch)).length > 1;
  const parts = splitOutsideBrackets(s, (ch) => STRONG.has(ch) || (!hasStrong && WEAK.has(ch)));
  return parts.map((p) => normalizeSpaces(p)).filter((p) => p !== '');
}

/**
 * Like splitNames, but keeps empty positions, for columns aligned with the applicants
 * (申请人统一社会信用代码: '91411500…;;91411502…').
 */
export function splitAligned(value: unknown): string[] {
  const s = cellText(value);
  if (normalizeSpaces(s) === '') return [];
  const hasStrong = splitOutsideBrackets(s, (ch) => STRONG.has(ch)).length > 1;
  return splitOutsideBrackets(s, (ch) => STRONG.has(ch) || (!hasStrong && WEAK.has(ch))).map((p) => normalizeSpaces(p));
}

const BRACKETS_TO_ROUND: Readonly<Record<string, string>> = {
  '[': '(', ']': ')', '【': '(', '】': ')', '〔': '(', '〕': ')', '{': '(', '}': ')', '〈': '(', '〉': ')',
};
const TRAILING_PUNCTUATION = /[。.,，;；:：、!！?？~·\s]+$/;
const LEADING_PUNCTUATION = /^[。.,，;；:：、!！?？~·\s]+/;

/**
 * The key two spellings of one holder share: half-width, no spaces, every bracket as ( ),
 * upper-case Latin, no punctuation at either end, and 有限责任公司 written 有限公司 (exports
 * abbreviate the legal form; two firms differing only by it cannot both be registered).
 */
export function normaliseHolderName(name: unknown): string {
  let s = stripSpaces(toHalfWidth(cellText(name)));
  s = s.replace(/[[\]【】〔〕{}〈〉]/g, (ch) => BRACKETS_TO_ROUND[ch] ?? ch);
  s = s.replace(/[•・･]/g, '·');
  s = s.replace(/有限责任公司/g, '有限公司');
  s = s.replace(TRAILING_PUNCTUATION, '').replace(LEADING_PUNCTUATION, '');
  return s.toUpperCase();
}

// Words that only organisations carry. Single characters count only at the end of the name
// (信阳茶厂 is a firm; 厂 inside a name proves nothing). 会 and 园 end too many given names.
const ORG_WORDS = /公司|大学|学院|研究院|研究所|研究中心|中心|合作社|事务所|医院|委员会|委会|协会|学会|商会|联合会|集团|银行|学校|中学|小学|幼儿园|政府|办事处|工作室|经营部|门市|商行|商店|超市|农庄|基地|苗圃|茶园|茶叶|茶业|制药|科技|实业|农业|林业|食品|电子|机械|工业|商贸|贸易|有限|股份|合伙|个体|部队|企业|工厂|车间|联社|信用社|出版社|电视台|科学院|管理处|管理局|管委会|实验室/;
const ORG_FINAL = /[厂局站场社所院部店馆队处司校室坊铺]$/;
const HAN_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,4}$/u;
// Names of ethnic minorities: 阿卜杜·热合曼.
const HAN_DOTTED_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]+(?:·[\u3400-\u4dbf\u4e00-\u9fff]+)+$/u;
const LATIN_NAME = /^[A-Za-z][A-Za-z'’.-]*(?:[ ,]+[A-Za-z][A-Za-z'’.-]*){1,3}$/;
const LATIN_ORG = /\b(?:co|corp|corporation|company|ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|sa|sas|bv|nv|kk|ab|oy|spa|srl|univ|university|universit[äa]t|college|institute|institut|school|academy|hospital|foundation|association|society|center|centre|lab|labs|laboratory|laboratories|group|holdings?|industries|industrial|technology|technologies|tech|systems|bank|trust|agency|office|council|ministry|department|government)\b\.?/i;

/**
 * True for a person's name rather than an organisation's: a 2–4 character Chinese name (or a
 * dotted minority name) without organisation words, or a Latin 'Wang Wei' without Co./Ltd/Inc.
 */
export function isPersonName(name: unknown): boolean {
  const s = stripSpaces(toHalfWidth(cellText(name))).replace(/[•・･]/g, '·');
  if (HAN_NAME.test(s) || (HAN_DOTTED_NAME.test(s) && s.length <= 20)) {
    return !ORG_WORDS.test(s) && !ORG_FINAL.test(s);
  }
  const latin = normalizeSpaces(toHalfWidth(cellText(name)));
  return LATIN_NAME.test(latin) && !LATIN_ORG.test(latin);
}
