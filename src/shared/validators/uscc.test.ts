import { describe, it, expect } from 'vitest';
import { computeUsccCheck, isValidUscc, parseUscc } from './uscc';

// Publicly listed codes (business licences / credit China):
const HUAWEI = '914403001922038216'; // 华为技术有限公司
const HANGZHOU = '91330100716105852F';
const SHENZHEN = '9144030071526726XG';

describe('computeUsccCheck', () => {
  it.each([
    [HUAWEI, '6'],
    [HANGZHOU, 'F'],
    [SHENZHEN, 'G'],
  ])('%s', (code, check) => {
    expect(computeUsccCheck(code.slice(0, 17))).toBe(check);
  });

  it('writes 31 − 0 as check character 0', () => {
    // "10000000000000000": 1×1 = 1 → 31 − 1 = 30 → Y.
    expect(computeUsccCheck('10000000000000000')).toBe('Y');
    // "1000000000000000U": 1 + U(27)×28 = 757 = 31×24 + 13 → 31 − 13 = 18 → J.
    expect(computeUsccCheck('1000000000000000U')).toBe('J');
    // "1A000000000000000": 1 + A(10)×3 = 31 ≡ 0 → 31 → written as 0.
    expect(computeUsccCheck('1A000000000000000')).toBe('0');
  });

  it('rejects invalid input', () => {
    expect(() => computeUsccCheck('9144030019220382')).toThrow(RangeError);
    expect(() => computeUsccCheck('9144030019220382I')).toThrow(RangeError);
  });
});

describe('parseUscc', () => {
  it('accepts real codes', () => {
    expect(parseUscc(HUAWEI)).toEqual({ ok: true, canonical: HUAWEI, regionCode: '440300' });
    expect(parseUscc(HANGZHOU)).toEqual({ ok: true, canonical: HANGZHOU, regionCode: '330100' });
    expect(parseUscc(SHENZHEN)).toEqual({ ok: true, canonical: SHENZHEN, regionCode: '440300' });
  });

  it('normalises lowercase, full-width characters and spaces', () => {
    expect(parseUscc('91330100716105852f')).toMatchObject({ ok: true, canonical: HANGZHOU });
    expect(parseUscc('９１４４０３００１９２２０３８２１６')).toMatchObject({ ok: true, canonical: HUAWEI });
    expect(parseUscc(' 9144 0300 7152 6726\u3000ｘｇ ')).toMatchObject({ ok: true, canonical: SHENZHEN });
  });

  it('rejects any single changed character with a check error', () => {
    const variants = [
      '914403001922038217', // check character changed
      '914403001922038226', // position 17
      '924403001922038216', // position 2
      '914403001922138216', // position 13
      '91330100716105852G',
      '9144030071526726YG',
    ];
    for (const v of variants) {
      expect(parseUscc(v)).toMatchObject({ ok: false, code: 'check' });
    }
    expect(parseUscc('914403001922038217')).toMatchObject({
      message: { zh: '统一社会信用代码校验位错误：应为 6，实为 7', en: 'Wrong check character: expected 6, got 7' },
    });
  });

  it('rejects letters outside the alphabet', () => {
    for (const v of ['9144030019220I8216', '91440300192203O216', '9S4403001922038216', '91440300192203821Z', '91330100716105852V']) {
      expect(parseUscc(v)).toMatchObject({ ok: false, code: 'charset' });
    }
    const r = parseUscc('9144030019220I8216');
    if (!r.ok) expect(r.message.en).toContain('position 14');
  });

  it('rejects wrong lengths', () => {
    expect(parseUscc(HUAWEI.slice(0, 17))).toMatchObject({ ok: false, code: 'length' });
    expect(parseUscc(`${HUAWEI}0`)).toMatchObject({ ok: false, code: 'length' });
  });

  it('rejects a non-numeric region code', () => {
    expect(parseUscc('91A403001922038216')).toMatchObject({ ok: false, code: 'region' });
  });

  it('rejects empty input', () => {
    expect(parseUscc('')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseUscc('  ')).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('isValidUscc', () => {
  it('mirrors parseUscc', () => {
    expect(isValidUscc(HUAWEI)).toBe(true);
    expect(isValidUscc('914403001922038217')).toBe(false);
  });
});
