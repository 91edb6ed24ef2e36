import { describe, expect, it } from 'vitest';
import { maskNameForPublic, maskPersonalText, streetLevelAddress } from './masking';

describe('maskNameForPublic', () => {
  it('keeps the surname and hides the given name behind a fixed mask', () => {
    expect(maskNameForPublic('张三')).toBe('张**');
    expect(maskNameForPublic('李小龙')).toBe('李**');
    expect(maskNameForPublic('欧阳娜娜')).toBe('欧阳**');
    expect(maskNameForPublic('司马光')).toBe('司马**');
    expect(maskNameForPublic(' 王　强 ')).toBe('王**');
  });

  it('does not read a two-character name as a compound surname', () => {
    expect(maskNameForPublic('欧阳')).toBe('欧**');
    expect(maskNameForPublic('')).toBe('');
  });
});

describe('streetLevelAddress', () => {
  it('keeps province, city, county and township, and drops road and number', () => {
    expect(streetLevelAddress('河南省信阳市固始县城关镇蓼城大道88号')).toBe('河南省信阳市固始县城关镇');
    expect(streetLevelAddress('河南省信阳市固始县番城街道农贸市场3排12号')).toBe('河南省信阳市固始县番城街道');
    expect(streetLevelAddress('信阳市浉河区南湖路237号')).toBe('信阳市浉河区');
    expect(streetLevelAddress('商城县汪桥镇李湾村3组')).toBe('商城县汪桥镇');
  });

  it('reads zones and county-level names without being fooled by 市场', () => {
    expect(streetLevelAddress('河南省信阳市上天梯非金属矿管理区工业园5号')).toBe('河南省信阳市上天梯非金属矿管理区');
    expect(streetLevelAddress('信阳市羊山新区新七大道')).toBe('信阳市羊山新区');
    expect(streetLevelAddress('河南省信阳市固始县史河湾茶叶市场A区12号')).toBe('河南省信阳市固始县');
    expect(streetLevelAddress('信阳市茶叶市场二楼')).toBe('信阳市');
    expect(streetLevelAddress('新县新集镇将军路16号')).toBe('新县新集镇');
  });

  it('gives nothing when the address names no division', () => {
    expect(streetLevelAddress('蓼城大道168号')).toBe('');
    expect(streetLevelAddress('')).toBe('');
  });
});

describe('maskPersonalText', () => {
  it('masks the party’s own name, ID number, phone and address wherever the officer wrote them', () => {
    const facts =
      '经查，当事人刘建军（身份证号411525198003150011，电话13903760021）于2026年3月在河南省信阳市固始县城关镇蓼城大道168号门店销售假冒“信阳毛尖”茶叶，刘建军对违法事实无异议。';
    const out = maskPersonalText(facts, { names: ['刘建军'], idNumbers: ['411525198003150011'], phones: ['13903760021'], addresses: ['河南省信阳市固始县城关镇蓼城大道168号'] });
    expect(out).toBe('经查，当事人刘**（身份证号4115**********0011，电话139****0021）于2026年3月在河南省信阳市固始县城关镇门店销售假冒“信阳毛尖”茶叶，刘**对违法事实无异议。');
  });

  it('finds ID numbers, mobiles, landlines and bank accounts the record does not know', () => {
    const out = maskPersonalText('证人身份证号码41150219900101123X，手机 138-1234-5678，座机0376-6212345，收款账户6216610200001234567。');
    expect(out).toContain('4115**********123X');
    expect(out).toContain('138****5678');
    expect(out).toContain('0376-****345');
    expect(out).toContain('****4567');
    expect(out).not.toMatch(/\d{7,}/);
  });

  it('masks full-width digits and +86 numbers too', () => {
    expect(maskPersonalText('联系电话＋86 138 1234 5678')).toBe('联系电话138****5678');
    expect(maskPersonalText('身份证４１１５０２１９９００１０１１２３４')).toBe('身份证4115**********1234');
  });

  it('masks a name after a role word, but not a firm or an already anonymised name', () => {
    expect(maskPersonalText('该店经营者：李四，负责人为王小明。')).toBe('该店经营者：李**，负责人为王**。');
    expect(maskPersonalText('当事人为某公司，负责人：张某。')).toBe('当事人为某公司，负责人：张某。');
  });

  it('cuts house addresses and villages out of free text, keeping the township', () => {
    expect(maskPersonalText('在固始县蓼城大道168号经营的药房')).toBe('在固始县***经营的药房');
    expect(maskPersonalText('家住商城县汪桥镇李湾村3组')).toBe('家住商城县汪桥镇***');
    expect(maskPersonalText('仓库位于光山县弦山街道王湾村')).toBe('仓库位于光山县弦山街道***');
  });

  it('leaves law citations, decision numbers, dates, amounts and credit codes alone', () => {
    const text = '依据《中华人民共和国商标法》第六十条第二款，作出固市监处罚〔2026〕41号决定：没收侵权茶叶312千克，罚款人民币86000元。统一社会信用代码91411525MA9GK0P235。2026年11月20日';
    expect(maskPersonalText(text)).toBe(text);
  });

  it('leaves text it is told to keep, such as a firm’s registered address', () => {
    const text = '当事人住所：河南省信阳市固始县蓼城大道168号。';
    expect(maskPersonalText(text, { keep: ['河南省信阳市固始县蓼城大道168号'] })).toBe(text);
    expect(maskPersonalText(text)).toBe('当事人住所：河南省信阳市固始县***。');
  });
});
