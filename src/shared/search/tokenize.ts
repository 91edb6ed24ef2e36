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

/*
 * A token of the common CJK block (U+4E00–U+9FFF), one character or a bigram, is handed on as a
 * number rather than a string: no string is made per bigram, and sorting numbers is cheap. The
 * numbers sort like the tokens' UTF-8 bytes (PostgreSQL's order), a character before its bigrams.
 */
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
const CJK_SPAN = CJK_LAST - CJK_FIRST + 2;
const isCommonHan = (c: number) => c >= CJK_FIRST && c <= CJK_LAST;
const hanCode = (c1: number, c2: number) => (c1 - CJK_FIRST) * CJK_SPAN + (c2 === 0 ? 0 : c2 - CJK_FIRST + 1);
function hanToken(code: number): string {
  const c1 = Math.floor(code / CJK_SPAN) + CJK_FIRST;
  const c2 = code % CJK_SPAN;
  return c2 === 0 ? String.fromCharCode(c1) : String.fromCharCode(c1, c2 - 1 + CJK_FIRST);
}

/**
 * Hands on every token of the text in order: each bigram of a Chinese run (a 1-character run as
 * itself), each Latin/digit run whole. Common-block Han tokens go to `onHan` as numbers (see
 * hanCode), all others to `onWord`.
 */
function scan(text: string, onWord: (token: string) => void, onHan: (code: number) => void): void {
  const s = foldText(text);
  let i = 0;
  const len = s.length;
  while (i < len) {
    const k = classOf(s.charCodeAt(i));
    if (k === WORD) {
      let j = i + 1;
      while (j < len && classOf(s.charCodeAt(j)) === WORD) j++;
      onWord(s.slice(i, Math.min(j, i + MAX_WORD)));
      i = j;
    } else if (k === HAN || k === HIGH_SURROGATE) {
      let j = i;
      let common = true;
      for (;;) {
        const c = j < len ? s.charCodeAt(j) : 0;
        const kc = j < len ? classOf(c) : OTHER;
        if (kc === HAN) {
          if (!isCommonHan(c)) common = false;
          j++;
        } else if (kc === HIGH_SURROGATE && j + 1 < len) {
          common = false;
          j += 2;
        } else break;
      }
      if (common) {
        if (j - i === 1) onHan(hanCode(s.charCodeAt(i), 0));
        else for (let c = i; c + 1 < j; c++) onHan(hanCode(s.charCodeAt(c), s.charCodeAt(c + 1)));
      } else {
        // Rarer characters (extension blocks, supplementary planes) as strings.
        const chars = [...s.slice(i, j)];
        if (chars.length === 1) onWord(chars[0] as string);
        else for (let c = 0; c + 1 < chars.length; c++) onWord(`${chars[c]}${chars[c + 1]}`);
      }
      i = j;
    } else i++;
  }
}

/** The index tokens of some texts, in order, space-separated. */
export function indexTokens(...texts: Array<string | null | undefined>): string {
  const out: string[] = [];
  for (const text of texts) if (text) scan(text, (t) => out.push(t), (code) => out.push(hanToken(code)));
  return out.join(' ');
}

/** PostgreSQL keeps at most this many positions of a lexeme, and no position above MAX_POSITION. */
const MAX_POSITIONS = 256;
const MAX_POSITION = 16383;
const POSITION_SPAN = MAX_POSITION + 1;

/** Common Han tokens with their positions, as code × 2^14 + position: one number sort orders both. */
let hanScratch = new Float64Array(1024);

/**
 * The vector's text is written as UTF-16 code units and turned into a string once: building it
 * from a hundred small strings per row cost more than all the tokenising.
 */
class CodeUnits {
  private buf = new Uint16Array(4096);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = new Uint16Array(Math.max(this.buf.length * 2, this.length + n));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  unit(c: number): void {
    this.room(1);
    this.buf[this.length++] = c;
  }

  text(s: string): void {
    this.room(s.length);
    for (let k = 0; k < s.length; k++) this.buf[this.length++] = s.charCodeAt(k);
  }

  /** A position, 1–16383, in decimal. */
  int(n: number): void {
    this.room(5);
    if (n >= 10000) this.buf[this.length++] = 0x30 + Math.floor(n / 10000);
    if (n >= 1000) this.buf[this.length++] = 0x30 + (Math.floor(n / 1000) % 10);
    if (n >= 100) this.buf[this.length++] = 0x30 + (Math.floor(n / 100) % 10);
    if (n >= 10) this.buf[this.length++] = 0x30 + (Math.floor(n / 10) % 10);
    this.buf[this.length++] = 0x30 + (n % 10);
  }

  take(): string {
    let out = '';
    for (let at = 0; at < this.length; at += 8192) {
      out += String.fromCharCode.apply(null, this.buf.subarray(at, Math.min(this.length, at + 8192)) as unknown as number[]);
    }
    this.length = 0;
    return out;
  }
}
const vectorText = new CodeUnits();

const QUOTE = 0x27;

/** Filter tokens as tsvector text, to append to a searchVector. */
export const vectorFilters = (filters: readonly string[]): string => filters.map((f) => `'${f}'`).join(' ');

/**
 * The text form of the search tsvector of some texts: each distinct token once with its positions
 * (so that phrases work), a gap between texts (a phrase never spans two fields), then the filter
 * tokens without positions. Tokens come merged, quoted and (but for rare characters) sorted as
 * PostgreSQL stores them: its parsing of a long vector is then about half as costly (an unquoted
 * Chinese character is checked for being a space, a quoted one is not). Tokens are Han or [a-z0-9]
 * only, so the quotes never need escaping.
 */
export function searchVector(texts: ReadonlyArray<string | null | undefined>, filters: readonly string[]): string {
  const words = new Map<string, number[]>();
  let hanCount = 0;
  let pos = 0;
  const onWord = (token: string) => {
    const p = Math.min(++pos, MAX_POSITION);
    const list = words.get(token);
    if (!list) words.set(token, [p]);
    else if (list.length < MAX_POSITIONS && list[list.length - 1] !== p) list.push(p);
  };
  const onHan = (code: number) => {
    if (hanCount === hanScratch.length) {
      const grown = new Float64Array(hanScratch.length * 2);
      grown.set(hanScratch);
      hanScratch = grown;
    }
    hanScratch[hanCount++] = code * POSITION_SPAN + Math.min(++pos, MAX_POSITION);
  };
  for (const text of texts) {
    if (!text) continue;
    scan(text, onWord, onHan);
    pos++;
  }
  const out = vectorText;
  const separate = () => {
    if (out.length > 0) out.unit(0x20);
  };
  // ASCII words sort before every Han token in PostgreSQL's byte order.
  for (const w of [...words.keys()].sort()) {
    separate();
    out.unit(QUOTE);
    out.text(w);
    out.unit(QUOTE);
    (words.get(w) as number[]).forEach((p, k) => {
      out.unit(k === 0 ? 0x3a : 0x2c);
      out.int(p);
    });
  }
  const han = hanScratch.subarray(0, hanCount).sort();
  let last = -1;
  let lastCode = -1;
  let kept = 0;
  for (let i = 0; i < hanCount; i++) {
    const v = han[i] as number;
    const code = Math.floor(v / POSITION_SPAN);
    const p = v - code * POSITION_SPAN;
    if (code !== lastCode) {
      separate();
      const c1 = Math.floor(code / CJK_SPAN);
      const c2 = code - c1 * CJK_SPAN;
      out.unit(QUOTE);
      out.unit(c1 + CJK_FIRST);
      if (c2 !== 0) out.unit(c2 - 1 + CJK_FIRST);
      out.unit(QUOTE);
      out.unit(0x3a);
      out.int(p);
      lastCode = code;
      kept = 1;
    } else if (p !== last && kept < MAX_POSITIONS) {
      out.unit(0x2c);
      out.int(p);
      kept++;
    }
    last = p;
  }
  const vector = out.take();
  return filters.length === 0 ? vector : vector ? `${vector} ${vectorFilters(filters)}` : vectorFilters(filters);
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
