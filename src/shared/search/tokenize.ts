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

/** Longer Latin/digit runs are cut: they are codes or noise, and lexemes have a size limit. */
const MAX_WORD = 40;

/** Full-width to half-width, lower case, compatibility forms folded (NFKC). */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Character classes by code unit: the tokenizer runs over every title and abstract of an import.
const OTHER = 0;
const WORD = 1;
const HAN = 2;
const HIGH_SURROGATE = 3;

function classOf(c: number): number {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return WORD;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return HAN;
  // Extensions B–H (U+20000–U+3FFFF) start with a high surrogate D840–D8BF.
  if (c >= 0xd840 && c <= 0xd8bf) return HIGH_SURROGATE;
  return OTHER;
}

/**
 * Calls `emit` for every token of the text in order: each bigram of a Chinese run (a 1-character
 * run as itself), each Latin/digit run whole. Returns how many tokens it emitted.
 */
function scan(text: string, emit: (token: string) => void): number {
  const s = foldText(text);
  let n = 0;
  let i = 0;
  const len = s.length;
  while (i < len) {
    const k = classOf(s.charCodeAt(i));
    if (k === WORD) {
      let j = i + 1;
      while (j < len && classOf(s.charCodeAt(j)) === WORD) j++;
      emit(s.slice(i, Math.min(j, i + MAX_WORD)));
      n++;
      i = j;
    } else if (k === HAN || k === HIGH_SURROGATE) {
      // The run as a list of characters (a supplementary character is two code units).
      const chars: string[] = [];
      let j = i;
      for (;;) {
        const c = j < len ? classOf(s.charCodeAt(j)) : OTHER;
        if (c === HAN) chars.push(s.charAt(j++));
        else if (c === HIGH_SURROGATE && j + 1 < len) {
          chars.push(s.slice(j, j + 2));
          j += 2;
        } else break;
      }
      if (chars.length === 1) {
        emit(chars[0] as string);
        n++;
      } else {
        for (let c = 0; c + 1 < chars.length; c++) emit(`${chars[c]}${chars[c + 1]}`);
        n += chars.length - 1;
      }
      i = j;
    } else i++;
  }
  return n;
}

/** The index tokens of some texts, in order, space-separated. */
export function indexTokens(...texts: Array<string | null | undefined>): string {
  const out: string[] = [];
  for (const text of texts) if (text) scan(text, (t) => out.push(t));
  return out.join(' ');
}

/**
 * The text form of the search tsvector of some texts: each token with its position (so that
 * phrases work), a gap between texts (a phrase never spans two fields), then the filter tokens
 * without positions. Repeats are left in: PostgreSQL merges them, caps positions per lexeme at
 * 256 and positions at 16383 itself. Tokens are Han or [a-z0-9] only, so nothing needs quoting.
 */
export function searchVector(texts: ReadonlyArray<string | null | undefined>, filters: readonly string[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const text of texts) {
    if (!text) continue;
    scan(text, (t) => parts.push(`${t}:${Math.min(++pos, 16383)}`));
    pos++;
  }
  for (const f of filters) parts.push(f);
  return parts.join(' ');
}

/** The tokens of a query, in order, without bigrams: Chinese and Latin/digit runs. */
function runs(folded: string): Array<{ text: string; han: boolean }> {
  const out: Array<{ text: string; han: boolean }> = [];
  let i = 0;
  const len = folded.length;
  while (i < len) {
    const k = classOf(folded.charCodeAt(i));
    if (k === OTHER) {
      i++;
      continue;
    }
    const han = k !== WORD;
    let j = i;
    while (j < len) {
      const c = classOf(folded.charCodeAt(j));
      if (han && c === HIGH_SURROGATE && j + 1 < len) j += 2;
      else if ((han && c === HAN) || (!han && c === WORD)) j++;
      else break;
    }
    out.push({ text: folded.slice(i, j), han });
    i = j;
  }
  return out;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
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
