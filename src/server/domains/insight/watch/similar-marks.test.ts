import { describe, expect, it } from 'vitest';
import { markSimilarity } from './similar-marks';

describe('similar trademark names', () => {
  it('finds names that hold one another, read the same, or differ in one character', () => {
    expect(markSimilarity('羚锐', '羚锐')).toBe('same');
    expect(markSimilarity('羚 锐', '羚锐！')).toBe('same');
    expect(markSimilarity('羚锐', '羚锐康')).toBe('contains');
    expect(markSimilarity('羚锐', '灵锐')).toBe('sound');
    expect(markSimilarity('云雾山', '云露山')).toBe('near');
    expect(markSimilarity('ＬＩＮＧＲＵＩ', 'lingrui')).toBe('same');
    expect(markSimilarity('LINGRUI', '羚锐')).toBe('sound');
  });

  it('leaves different names alone', () => {
    expect(markSimilarity('羚锐', '云雾')).toBeNull();
    expect(markSimilarity('羚', '羚锐')).toBeNull(); // one character is too little to hold
    expect(markSimilarity('云雾山', '黄河湾')).toBeNull();
    expect(markSimilarity('毛尖', '毛峰')).toBeNull(); // two characters, one apart: too common to flag
    expect(markSimilarity('', '羚锐')).toBeNull();
  });
});
