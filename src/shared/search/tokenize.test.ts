import { describe, expect, it } from 'vitest';
import { filterToken, highlight, indexTokens, queryTokens } from './tokenize';

describe('Chinese search tokens', () => {
  it('indexes Chinese runs as ordered bigrams and Latin or digit runs whole, folding full-width and case', () => {
    expect(indexTokens('一种毛尖茶', 'ＬＥＤ灯 A23F 3/06')).toBe('一种 种毛 毛尖 尖茶 led 灯 a23f 3 06');
    expect(indexTokens(null, undefined, '')).toBe('');
  });

  it('turns a query into phrases of bigrams, ANDed word by word', () => {
    expect(queryTokens('珍珠岩').tsquery).toBe('(珍珠 <-> 珠岩)');
    expect(queryTokens('茶叶').tsquery).toBe('茶叶');
    expect(queryTokens('毛尖 加工').tsquery).toBe('毛尖 & 加工');
    expect(queryTokens('茶').tsquery).toBe('茶:*');
    expect(queryTokens('LED').tsquery).toBe('led:*');
  });

  it('never lets tsquery operators or quotes through', () => {
    for (const q of ["'&|!():*<->\\", "a' | b", '毛尖 & !加工', "'; DROP TABLE patents; --"]) {
      const { tsquery } = queryTokens(q);
      expect(tsquery.replace(/ & | <-> |:\*|[()]/g, ' ')).toMatch(/^[\p{Script=Han}a-z0-9 ]*$/u);
    }
    expect(queryTokens('   ').tsquery).toBe('');
  });

  it('marks the words found, and cuts long text around the first hit', () => {
    expect(highlight('信阳毛尖茶', '毛尖')).toEqual([
      { text: '信阳', hit: false },
      { text: '毛尖', hit: true },
      { text: '茶', hit: false },
    ]);
    const cut = highlight(`${'甲'.repeat(100)}毛尖${'乙'.repeat(100)}`, '毛尖', 30);
    expect(cut[0]).toEqual({ text: '…', hit: false });
    expect(cut.at(-1)).toEqual({ text: '…', hit: false });
    expect(cut.find((s) => s.hit)?.text).toBe('毛尖');
    expect(highlight('<b>x</b>', '')).toEqual([{ text: '<b>x</b>', hit: false }]);
  });

  it('writes filter values as tokens that text cannot produce by accident', () => {
    expect(filterToken('county', '411525')).toBe('zc411525');
    expect(filterToken('industry', '1.1')).not.toBe(filterToken('industry', '11'));
    expect(filterToken('county', '')).toBe('zc');
  });
});
