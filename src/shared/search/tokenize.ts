/**
 * Chinese full-text search without a segmenter: every Chinese run is indexed as its character
 * bigrams in order (a 1-character run as itself), Latin letters and digits as whole words. A query
 * becomes the same bigrams joined by `<->`, so 珍珠岩 matches only where 珍珠 is followed by 珠岩,
 * and a 2-character word such as 茶叶 is one exact lexeme. Domain words that a segmenter would split
 * (毛尖, 羚锐) need no dictionary.
 *
 * Every token is made of Han characters or [a-z0-9] only, so it is one lexeme for PostgreSQL's
 * 'simple' parser and needs no quoting in a tsvector or tsquery: user text can never inject
 * tsquery operators.
 */

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{Script=Han}a-z0-9]/u;
/** Longer Latin/digit runs are cut: they are codes or noise, and lexemes have a size limit. */
const MAX_WORD = 40;

/** Full-width to half-width, lower case, compatibility forms folded (NFKC). */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

type Run = { text: string; han: boolean };

/** Splits folded text into runs of Han characters and runs of [a-z0-9]; everything else separates. */
function runs(folded: string): Run[] {
  const out: Run[] = [];
  let current = '';
  let currentHan = false;
  for (const ch of folded) {
    const isWord = WORD_CHAR.test(ch);
    const isHan = isWord && HAN.test(ch);
    if (!isWord || (current !== '' && isHan !== currentHan)) {
      if (current) out.push({ text: current, han: currentHan });
      current = '';
    }
    if (isWord) {
      current += ch;
      currentHan = isHan;
    }
  }
  if (current) out.push({ text: current, han: currentHan });
  return out;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** The index tokens of some texts, in order, space-separated (positions follow that order). */
export function indexTokens(...texts: Array<string | null | undefined>): string {
  const out: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const run of runs(foldText(text))) {
      if (run.han) out.push(...bigrams(run.text));
      else out.push(run.text.slice(0, MAX_WORD));
    }
  }
  return out.join(' ');
}

export interface QueryTokens {
  /** The words searched for, folded, as they will be highlighted. */
  terms: string[];
  /** A to_tsquery('simple', …) expression, or '' when the query has no searchable characters. */
  tsquery: string;
}

/**
 * A search box's text as a tsquery: words separated by spaces are ANDed; a Chinese word is a
 * phrase of its bigrams; a single Chinese character matches bigrams that start with it; a Latin
 * or digit word matches as a prefix (LED matches led, ledd…).
 */
export function queryTokens(q: string): QueryTokens {
  const terms: string[] = [];
  const parts: string[] = [];
  for (const run of runs(foldText(q))) {
    if (terms.includes(run.text)) continue;
    terms.push(run.text);
    if (run.han) {
      const grams = bigrams(run.text);
      parts.push(grams.length === 1 && [...run.text].length === 1 ? `${run.text}:*` : grams.length === 1 ? run.text : `(${grams.join(' <-> ')})`);
    } else {
      parts.push(`${run.text.slice(0, MAX_WORD)}:*`);
    }
  }
  return { terms, tsquery: parts.join(' & ') };
}

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * Splits text into segments marking where the query's words occur, for bold highlights. With
 * maxLen the text is cut to a window around the first hit (with … where cut).
 */
export function highlight(text: string, q: string, maxLen?: number): Segment[] {
  const terms = q ? queryTokens(q).terms.filter((t) => t.length > 0) : [];
  const lower = text.toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      for (let i = at; i < at + term.length; i++) marks[i] = true;
    }
  }
  let start = 0;
  let end = text.length;
  if (maxLen !== undefined && text.length > maxLen) {
    const first = marks.indexOf(true);
    start = first > maxLen / 3 ? Math.min(first - Math.floor(maxLen / 3), text.length - maxLen) : 0;
    end = start + maxLen;
  }
  const out: Segment[] = [];
  for (let i = start; i < end; i++) {
    const hit = marks[i] ?? false;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += text.charAt(i);
    else out.push({ text: text.charAt(i), hit });
  }
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < text.length) out.push({ text: '…', hit: false });
  return out;
}

/** Prefixes of filter tokens; 'z' + a letter never starts an indexed word in practice. */
const FILTER_PREFIX = {
  type: 'zt',
  county: 'zc',
  status: 'zs',
  year: 'zy',
  section: 'zp',
  industry: 'zi',
  holder: 'zh',
  visibility: 'zv',
  class: 'zn',
  mark: 'zm',
  gikind: 'zg',
} as const;

export type FilterKind = keyof typeof FILTER_PREFIX;

/**
 * The token that stands for a filter value inside the search index (e.g. county 411502 → zc411502),
 * so that text and filters are answered by one GIN lookup. filterToken(kind, '') is the prefix of
 * all tokens of that kind. Values are reduced to [a-z0-9] ('.' becomes 'x', keeping 1.1 ≠ 11).
 */
export function filterToken(kind: FilterKind, value: string): string {
  const safe = foldText(value).replace(/\./g, 'x').replace(/[^a-z0-9]/g, '');
  return `${FILTER_PREFIX[kind]}${safe}`;
}
