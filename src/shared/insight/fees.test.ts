import { describe, expect, it } from 'vitest';
import { addMonths, currentFee, daysBetween, feeForYear, termEnd } from './fees';

describe('annual fees and terms from the filing date', () => {
  it('fall due on the anniversary of the filing date, with six months of grace', () => {
    expect(feeForYear('2020-03-05', 4)).toEqual({ year: 4, dueDate: '2023-03-05', graceEnd: '2023-09-05' });
    expect(feeForYear('2020-03-05', 1).dueDate).toBe('2020-03-05');
  });

  it('move a 29 February filing to 28 February in common years, and keep it in leap years', () => {
    expect(feeForYear('2016-02-29', 2)).toEqual({ year: 2, dueDate: '2017-02-28', graceEnd: '2017-08-28' });
    expect(feeForYear('2016-02-29', 5).dueDate).toBe('2020-02-29');
    expect(feeForYear('2016-02-29', 5).graceEnd).toBe('2020-08-29');
  });

  it('end grace on the last day of a shorter month, and cross year ends', () => {
    expect(feeForYear('2019-08-31', 3)).toEqual({ year: 3, dueDate: '2021-08-31', graceEnd: '2022-02-28' });
    expect(feeForYear('2019-08-31', 2).graceEnd).toBe('2021-02-28');
    expect(feeForYear('2022-08-31', 2).graceEnd).toBe('2024-02-29');
    expect(feeForYear('2018-12-31', 6)).toEqual({ year: 6, dueDate: '2023-12-31', graceEnd: '2024-06-30' });
    expect(feeForYear('2021-07-01', 2)).toEqual({ year: 2, dueDate: '2022-07-01', graceEnd: '2023-01-01' });
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
  });

  it('ends the term the day before the last anniversary: 20, 10, or 15 years for designs from June 2021', () => {
    expect(termEnd('invention', '2006-01-01')).toBe('2025-12-31');
    expect(termEnd('invention', '2008-02-29')).toBe('2028-02-28');
    expect(termEnd('utility', '2016-02-29')).toBe('2026-02-27');
    expect(termEnd('design', '2021-05-31')).toBe('2031-05-30');
    expect(termEnd('design', '2021-06-01')).toBe('2036-05-31');
  });

  it('finds the fee now current: upcoming, in grace, or none after the last year', () => {
    expect(currentFee('invention', '2020-03-05', '2026-01-10')).toEqual({ year: 7, dueDate: '2026-03-05', graceEnd: '2026-09-05' });
    // Three weeks after the deadline the same fee is in its grace period.
    const late = currentFee('invention', '2020-03-05', '2026-03-26');
    expect(late?.year).toBe(7);
    expect(daysBetween(late?.dueDate ?? '', '2026-03-26')).toBe(21);
    expect(currentFee('utility', '2014-06-01', '2024-01-01')).toBeNull();
    expect(currentFee('utility', '2014-06-01', '2023-11-30')?.year).toBe(10);
  });
});
