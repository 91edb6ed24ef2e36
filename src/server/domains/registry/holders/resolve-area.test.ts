import { describe, expect, it } from 'vitest';
import { computeUsccCheck } from '../../../../shared/validators/uscc';
import { guessArea } from './resolve-area';

const uscc = (region: string) => `91${region}MA0000001`.replace(/^(.{17}).*$/, (_m, f: string) => `${f}${computeUsccCheck(f)}`);

describe('placing a holder', () => {
  it('takes the county from the credit code, the zone from the address when it lies in that county', () => {
    expect(guessArea(uscc('411525'), null)).toEqual({ areaCode: '411525', source: 'uscc' });
    expect(guessArea(uscc('411503'), '信阳市上天梯非金属矿管理区矿山路8号')).toEqual({ areaCode: 'shangtianti', source: 'address' });
    // An address in another county does not override the code.
    expect(guessArea(uscc('411525'), '河南省潢川县春申街道')).toEqual({ areaCode: '411525', source: 'uscc' });
  });

  it('falls back to the address, and tells outside holders from unresolved ones', () => {
    expect(guessArea(null, '河南省固始县番城街道')).toEqual({ areaCode: '411525', source: 'address' });
    expect(guessArea(uscc('110108'), null)).toEqual({ areaCode: null, source: 'outside' });
    expect(guessArea(null, '北京市海淀区')).toEqual({ areaCode: null, source: 'outside' });
    expect(guessArea(null, '河南省信阳市')).toEqual({ areaCode: null, source: 'unresolved' });
    expect(guessArea(null, null)).toEqual({ areaCode: null, source: 'unresolved' });
  });
});
