import { describe, it, expect } from 'vitest';
import * as validators from './index';

describe('index', () => {
  it('re-exports every validator', () => {
    for (const name of [
      'toHalfWidth',
      'normalizeSpaces',
      'parseApplicationNumber',
      'computeCheckChar',
      'formatApplicationNumber',
      'parseUscc',
      'computeUsccCheck',
      'isValidUscc',
      'parseMobile',
      'maskMobile',
      'maskIdNumber',
      'maskName',
      'maskNameForPublic',
      'streetLevelAddress',
      'maskPersonalText',
      'parseIdNumber',
      'areaByCode',
      'isAreaCode',
      'resolveRegionFromAddress',
      'resolveRegionFromUsccRegionCode',
    ]) {
      expect(typeof (validators as Record<string, unknown>)[name]).toBe('function');
    }
    expect(validators.CITY_CODE).toBe('411500');
    expect(validators.AREAS).toHaveLength(16);
  });
});
