import { describe, it, expect } from 'vitest';
import { normalizeSpaces, stripSpaces, toHalfWidth } from './fullwidth';

describe('toHalfWidth', () => {
  it('converts full-width ASCII variants and the ideographic space', () => {
    expect(toHalfWidth('ＡＢＣａｂｃ０１２３')).toBe('ABCabc0123');
    expect(toHalfWidth('！～＋－．（）')).toBe('!~+-.()');
    expect(toHalfWidth('信阳\u3000市')).toBe('信阳 市');
  });

  it('leaves other characters alone', () => {
    expect(toHalfWidth('信阳市，浉河区。abc 123')).toBe('信阳市,浉河区。abc 123');
    expect(toHalfWidth('\uFF00\uFF5F')).toBe('\uFF00\uFF5F');
  });
});

describe('normalizeSpaces', () => {
  it('collapses and trims all kinds of whitespace', () => {
    expect(normalizeSpaces('  a\u3000\u3000b\t\nc\u00A0d\u200Be  ')).toBe('a b c d e');
    expect(normalizeSpaces('')).toBe('');
  });
});

describe('stripSpaces', () => {
  it('removes all whitespace', () => {
    expect(stripSpaces(' 138 1234\u30005678\u200B ')).toBe('13812345678');
  });
});
