/** Offset between a full-width ASCII variant (U+FF01–U+FF5E) and its ASCII counterpart. */
const FULLWIDTH_OFFSET = 0xfee0;

const FULLWIDTH = /[\uFF01-\uFF5E\u3000]/;

/**
 * Converts full-width ASCII variants to ASCII and the ideographic space (U+3000) to a space.
 * Chinese IME users often type digits and letters in full-width mode.
 */
export function toHalfWidth(s: string): string {
  if (!FULLWIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_OFFSET),
  );
}

// \s already covers U+3000, NBSP and the U+2000 block; U+200B (zero-width space) is added because
// it survives copy-paste from web pages.
const SPACE_RUN = /[\s\u200B]+/g;

/** Whitespace other than a single ASCII space between words: only then is there work to do. */
const UNUSUAL_SPACE = /[^\S ]|\u200B| {2}|^ | $/;

/** Collapses any run of whitespace (including ideographic and zero-width spaces) to one space and trims. */
export function normalizeSpaces(s: string): string {
  return UNUSUAL_SPACE.test(s) ? s.replace(SPACE_RUN, ' ').trim() : s;
}

/** Removes all whitespace, including ideographic and zero-width spaces. */
export function stripSpaces(s: string): string {
  return s.replace(SPACE_RUN, '');
}
