import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '../../../../shared/validators';

/**
 * When a newly filed trademark name is close to a followed firm's mark in the same Nice class: the
 * three tests examiners start from for word marks (字形、读音、含义 in part):
 *   contains — one name holds the other whole (羚锐 / 羚锐康), the shorter having 2+ characters;
 *   sound    — the same reading without tones (羚锐 / 灵锐 both ling rui);
 *   near     — names of 3+ characters that differ in one character (云雾山 / 云露山).
 * A list to look at, not a legal finding.
 */
export type SimilarityReason = 'same' | 'contains' | 'sound' | 'near';

export function normaliseMarkName(name: string): string {
  return toHalfWidth(name)
    .toUpperCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

const readingCache = new Map<string, string>();
function reading(name: string): string {
  let r = readingCache.get(name);
  if (r === undefined) {
    r = /\p{Script=Han}/u.test(name) ? pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase() : name.toLowerCase();
    if (readingCache.size > 50_000) readingCache.clear();
    readingCache.set(name, r);
  }
  return r;
}

/** Levenshtein distance, stopping early past 1 (all the rule needs). */
function withinOneEdit(a: string[], b: string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export function markSimilarity(a: string, b: string): SimilarityReason | null {
  const x = normaliseMarkName(a);
  const y = normaliseMarkName(b);
  if (!x || !y) return null;
  if (x === y) return 'same';
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if ([...short].length >= 2 && long.includes(short)) return 'contains';
  if ([...short].length >= 2 && reading(x) === reading(y)) return 'sound';
  const cx = [...x];
  const cy = [...y];
  if (Math.min(cx.length, cy.length) >= 3 && withinOneEdit(cx, cy)) return 'near';
  return null;
}
