import { describe, it, expect } from 'vitest';
import {
  AREAS,
  CITY_CODE,
  areaByCode,
  isAreaCode,
  resolveRegionFromAddress,
  resolveRegionFromUsccRegionCode,
} from './region';

describe('reference data', () => {
  it('has the city, ten counties/districts and five zones', () => {
    expect(AREAS).toHaveLength(16);
    expect(AREAS.filter((a) => a.kind === 'city').map((a) => a.code)).toEqual([CITY_CODE]);
    expect(AREAS.filter((a) => a.kind === 'county' || a.kind === 'district')).toHaveLength(10);
    expect(AREAS.filter((a) => a.kind === 'zone')).toHaveLength(5);
  });

  it('gives every non-city area a known parent', () => {
    for (const a of AREAS) {
      if (a.kind === 'city') expect(a.parent).toBeNull();
      else expect(a.parent !== null && isAreaCode(a.parent)).toBe(true);
    }
  });

  it('looks areas up by code', () => {
    expect(areaByCode('411525')).toMatchObject({ name: '固始县', kind: 'county', parent: CITY_CODE });
    expect(areaByCode('gaoxin')).toMatchObject({ kind: 'zone', statCode: '411571', parent: '411503' });
    expect(areaByCode('411100')).toBeUndefined();
    expect(isAreaCode('shangtianti')).toBe(true);
    expect(isAreaCode('411571')).toBe(false);
  });
});

describe('resolveRegionFromAddress', () => {
  it.each([
    ['河南省信阳市上天梯管理区某路1号', 'shangtianti', 'zone'],
    ['信阳市高新区新二十四大街', 'gaoxin', 'zone'],
    ['信阳市南湾湖风景区', 'nanwanhu', 'zone'],
    ['河南省信阳市平桥区羊山新区新七大道', 'yangshan', 'zone'],
    ['信阳市浉河区鸡公山管理区', 'jigongshan', 'zone'],
    ['河南省信阳市平桥区信阳工业城', 'gaoxin', 'zone'],
    ['信阳高新技术产业开发区', 'gaoxin', 'zone'],
    ['信阳市固始县城关镇', '411525', 'county'],
    ['河南省固始县蓼城大道', '411525', 'county'],
    ['息县产业集聚区', '411528', 'county'],
    ['新县新集镇', '411523', 'county'],
    ['信阳市浉河区东方红大道', '411502', 'county'],
    ['河南省信阳市平桥区', '411503', 'county'],
    ['商城县赤城街道', '411524', 'county'],
    ['信阳市商城鲇鱼山街道', '411524', 'county'],
    ['信阳固始陈淋子镇', '411525', 'county'],
    ['固始陈淋子镇', '411525', 'county'],
    ['河南光山县弦山街道', '411522', 'county'],
    ['河南省潢川春申街道', '411526', 'county'],
    ['信阳市万达商城3楼', CITY_CODE, 'city'],
    ['信阳市', CITY_CODE, 'city'],
    ['河南信阳', CITY_CODE, 'city'],
  ])('%s → %s', (address, code, level) => {
    expect(resolveRegionFromAddress(address)).toEqual({ code, level });
  });

  it('normalises full-width characters and spaces', () => {
    expect(resolveRegionFromAddress('河南省　信阳市 固始县 城关镇１号')).toEqual({ code: '411525', level: 'county' });
    expect(resolveRegionFromAddress(' 信阳市 高新区 ')).toEqual({ code: 'gaoxin', level: 'zone' });
  });

  it('prefers the longest zone alias and zones over counties', () => {
    expect(resolveRegionFromAddress('信阳市平桥区上天梯非金属矿管理区')).toEqual({ code: 'shangtianti', level: 'zone' });
    expect(resolveRegionFromAddress('信阳市浉河区南湾湖')).toEqual({ code: 'nanwanhu', level: 'zone' });
  });

  it('does not take short county names from ordinary words', () => {
    expect(resolveRegionFromAddress('信阳市浉河区万达商城')).toEqual({ code: '411502', level: 'county' });
    expect(resolveRegionFromAddress('信阳市羊山新区罗山路')).toEqual({ code: 'yangshan', level: 'zone' });
    expect(resolveRegionFromAddress('信阳市中山路光山大厦')).toEqual({ code: CITY_CODE, level: 'city' });
  });

  it.each([
    '河南省郑州市金水区花园路',
    '湖北省武汉市洪山区',
    '河南省郑州市高新区',
    '郑州高新区科学大道',
    '北京市海淀区中关村',
    '河南省南阳市信阳路',
    '湖北省随州市广水市',
    '广西壮族自治区南宁市',
    '万达商城3楼',
    '',
    '   ',
  ])('%s → null', (address) => {
    expect(resolveRegionFromAddress(address)).toBeNull();
  });
});

describe('resolveRegionFromUsccRegionCode', () => {
  it('resolves exact Xinyang codes', () => {
    expect(resolveRegionFromUsccRegionCode('411525')).toEqual({ code: '411525', level: 'county' });
    expect(resolveRegionFromUsccRegionCode('411502')).toEqual({ code: '411502', level: 'county' });
    expect(resolveRegionFromUsccRegionCode('411500')).toEqual({ code: CITY_CODE, level: 'city' });
    expect(resolveRegionFromUsccRegionCode('411571')).toEqual({ code: 'gaoxin', level: 'zone' });
  });

  it('returns null for other prefectures, unknown codes and zone slugs', () => {
    for (const code of ['410100', '411300', '411100', '440300', '411529', '411599', '41150', 'gaoxin', '']) {
      expect(resolveRegionFromUsccRegionCode(code)).toBeNull();
    }
  });
});
