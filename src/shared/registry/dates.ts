import { normalizeSpaces, toHalfWidth } from '../validators/fullwidth';
import type { Reason } from './cell';

/** The Patent Law of the PRC took effect on 1985-04-01: no Chinese patent was filed earlier. */
export const PATENT_LAW_START = '1985-04-01';
/** Default floor of parseDate: years before 1985 are typing or conversion errors in our data. */
export const DEFAULT_MIN_DATE = '1985-01-01';

export type DateErrorCode = 'empty' | 'format' | 'invalid' | 'too_early' | 'future';

export type DateResult =
  | { ok: true; date: string }
  | {
      ok: false;
      empty: boolean;
      code: DateErrorCode;
      reason: Reason;
      /** The date that was read, when the failure is about its range (too_early, future). */
      date?: string;
    };

export interface DateOptions {
  /** 'YYYY-MM-DD'; defaults to today in China (UTC+8). */
  today?: string;
  /** Earliest accepted date, 'YYYY-MM-DD'; defaults to 1985-01-01. */
  min?: string;
  /** Accept dates after today (e.g. the end of a trademark's term). */
  allowFuture?: boolean;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China (UTC+8, no daylight saving since 1991). */
export function todayInChina(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** This year in China. */
export const yearInChina = (now: number = Date.now()): number => Number(todayInChina(now).slice(0, 4));

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Excel serial day → ISO date. Excel counts 1900-01-01 as day 1 and believes in a 1900-02-29
 * (day 60), so from day 61 on the real date is one day earlier than a plain count gives.
 */
export function excelSerialToIso(serial: number): string | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(days) || days < 1 || days === 60 || days > 2_958_465) return null;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + days * DAY_MS).toISOString().slice(0, 10);
}

const fail = (code: DateErrorCode, zh: string, en: string, date?: string): DateResult => ({
  ok: false,
  empty: code === 'empty',
  code,
  reason: { zh, en },
  ...(date === undefined ? {} : { date }),
});

const formatFailure = (raw: string): DateResult =>
  fail(
    'format',
    `无法识别的日期「${raw}」（应为 2021-03-05、2021/3/5、2021.03.05、20210305 或 2021年3月5日）`,
    `Unrecognised date "${raw}" (expected e.g. 2021-03-05, 2021/3/5, 2021.03.05, 20210305 or 2021年3月5日)`,
  );

function ymd(y: number, m: number, d: number): DateResult {
  const shown = `${y}-${pad2(m)}-${pad2(d)}`;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return fail('invalid', `日期不存在：${shown}`, `No such date: ${shown}`);
  }
  return { ok: true, date: shown };
}

// Year, month, day with -, /, . or 年月日 between them; then optionally a time and a zone.
const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(?:T|\s)\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;
const YEAR_ONLY = /^(?:19|20)\d{2}$/;
const YEAR_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;

/** A time with an explicit zone names an instant: its date is taken in China time. */
function dateInChina(y: number, m: number, d: number, hh: number, mm: number, ss: number, zone: string): DateResult {
  const base = ymd(y, m, d);
  if (!base.ok) return base;
  let offsetMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const utc = Date.UTC(y, m - 1, d, hh, mm, ss) - offsetMin * 60_000;
  return { ok: true, date: new Date(utc + CHINA_OFFSET_MS).toISOString().slice(0, 10) };
}

function parseText(raw: string): DateResult {
  const s = normalizeSpaces(toHalfWidth(raw));
  if (s === '') return fail('empty', '日期为空', 'Date is empty');
  const full = YMD.exec(s);
  if (full) {
    const [, y, m, d, hh, mi, ss, zone] = full;
    if (hh !== undefined && (Number(hh) > 23 || Number(mi) > 59 || Number(ss ?? 0) > 59)) return formatFailure(raw);
    if (zone) return dateInChina(Number(y), Number(m), Number(d), Number(hh), Number(mi), Number(ss ?? 0), zone);
    return ymd(Number(y), Number(m), Number(d));
  }
  const compact = COMPACT.exec(s);
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (YEAR_ONLY.test(s) || YEAR_MONTH.test(s)) {
    return fail('format', `日期不完整「${raw}」：需要年、月、日`, `Incomplete date "${raw}": year, month and day are needed`);
  }
  if (SERIAL.test(s)) return fromSerial(Number(s), raw);
  return formatFailure(raw);
}

function fromSerial(n: number, raw: string): DateResult {
  const iso = excelSerialToIso(n);
  if (iso === null) return formatFailure(raw);
  return { ok: true, date: iso };
}

function fromNumber(n: number): DateResult {
  if (!Number.isFinite(n)) return formatFailure(String(n));
  // A number like 20210305 is a compact date typed into a number cell, not a serial day.
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) return parseText(String(n));
  return fromSerial(n, String(n));
}

function read(value: unknown): DateResult {
  if (value === null || value === undefined) return fail('empty', '日期为空', 'Date is empty');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return formatFailure('Invalid Date');
    return { ok: true, date: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'string') return parseText(value);
  return formatFailure(String(value));
}

/**
 * Reads a date in any of the spellings Chinese databases and Excel produce and checks it lies
 * between `min` and today.
 */
export function parseDate(value: unknown, opts: DateOptions = {}): DateResult {
  const r = read(value);
  if (!r.ok) return r;
  const min = opts.min ?? DEFAULT_MIN_DATE;
  if (r.date < min) {
    return fail('too_early', `日期 ${r.date} 早于 ${min}`, `Date ${r.date} is before ${min}`, r.date);
  }
  if (!opts.allowFuture) {
    const today = opts.today ?? todayInChina();
    if (r.date > today) {
      return fail('future', `日期晚于今天：${r.date}（今天是 ${today}）`, `Date ${r.date} is later than today (${today})`, r.date);
    }
  }
  return r;
}

export type DateRangeResult =
  | { ok: true; start: string; end: string }
  | { ok: false; empty: boolean; reason: Reason };

const DATE_PART = String.raw`\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{8}`;
// 至 / 到 / ~ / dashes of every width between two dates.
const RANGE = new RegExp(`^(${DATE_PART})\\s*(?:至|到|~|〜|-|–|—|―|－)\\s*(${DATE_PART})$`);

/**
 * A period such as 专用期限 '2015-01-07至2025-01-06'. The end may lie in the future; the start
 * of a renewed term may too, so neither is checked against today.
 */
export function parseDateRange(value: unknown, opts: Omit<DateOptions, 'allowFuture'> = {}): DateRangeResult {
  const s = normalizeSpaces(toHalfWidth(typeof value === 'string' ? value : value == null ? '' : String(value)));
  if (s === '') return { ok: false, empty: true, reason: { zh: '期限为空', en: 'Period is empty' } };
  const m = RANGE.exec(s);
  const unrecognised: Reason = {
    zh: `无法识别的期限「${s}」（应为 2015-01-07至2025-01-06 等）`,
    en: `Unrecognised period "${s}" (expected e.g. 2015-01-07至2025-01-06)`,
  };
  if (!m || m[1] === undefined || m[2] === undefined) return { ok: false, empty: false, reason: unrecognised };
  const start = parseDate(m[1], { ...opts, allowFuture: true });
  if (!start.ok) return { ok: false, empty: false, reason: start.reason };
  const end = parseDate(m[2], { ...opts, allowFuture: true });
  if (!end.ok) return { ok: false, empty: false, reason: end.reason };
  if (end.date < start.date) {
    return {
      ok: false,
      empty: false,
      reason: { zh: `期限结束日 ${end.date} 早于开始日 ${start.date}`, en: `The period ends (${end.date}) before it starts (${start.date})` },
    };
  }
  return { ok: true, start: start.date, end: end.date };
}
