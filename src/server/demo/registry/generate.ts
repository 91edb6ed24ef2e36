/**
 * Deterministic generator of a synthetic Xinyang IP register (演示数据，合成): patents, trademarks,
 * the city's real geographical indications and synthetic firms authorised to use them.
 *
 * Everything is a pure function of the seed: record i depends on (seed, i) and on the records
 * before it (number counters), never on how many are asked for, so a run is a prefix of any longer
 * run. Holders come from a pool keyed by (area, index): the same firm always has the same name,
 * credit code, address and inventors, whether it appears in a patent, a trademark or a GI user
 * list. The generator is built for volume (a million patents): one small PRNG reseeded per record,
 * precomputed date strings, no regular expressions on the hot path.
 */
import { seededRng } from '../../../shared/random';
import type { GiRecord, GiUserRecord, LegalStatus, MarkType, PatentRecord, PatentType, TrademarkRecord, TrademarkStatus } from '../../../shared/registry/types';
import { computeUsccCheck } from '../../../shared/validators/uscc';
import * as vocabulary from './vocabulary';
import type { AreaProfile, DesignItem, IndustryKey, IndustryVocab, Topic, Weighted } from './vocabulary';

// Module-local copies: reading a local binding is cheaper than an imported one on the hot path.
const AREA_PROFILES = vocabulary.AREA_PROFILES;
const BLOCKED_NAMES = vocabulary.BLOCKED_NAMES;
const DEVICE_EFFECTS = vocabulary.DEVICE_EFFECTS;
const GIVEN_CHARS = vocabulary.GIVEN_CHARS;
const INDUSTRIES = vocabulary.INDUSTRIES;
const MARK_HEADS = vocabulary.MARK_HEADS;
const MARK_TAILS = vocabulary.MARK_TAILS;
const NICE_GOODS = vocabulary.NICE_GOODS;
const OUTSIDE_PLACES = vocabulary.OUTSIDE_PLACES;
const PATENT_AGENCIES = vocabulary.PATENT_AGENCIES;
const ROADS = vocabulary.ROADS;
const SHOP_WORDS = vocabulary.SHOP_WORDS;
const SURNAMES = vocabulary.SURNAMES;
const TRADEMARK_AGENCIES = vocabulary.TRADEMARK_AGENCIES;
const UNIVERSITIES = vocabulary.UNIVERSITIES;
const VILLAGES = vocabulary.VILLAGES;

/** Label for screens and exports that show generated data. */
export const DEMO_MARK = '演示数据（合成）';

/** No generated date is later than this (the register's "today" for demo data). */
export const DEMO_LATEST_DATE = '2026-11-20';

/** Seed of the demo data when none is given (XINZHI_DEMO_SEED defaults to the same). */
export const DEMO_DEFAULT_SEED = 2022;

export interface RegistryDemoOptions {
  seed: number;
  patents: number;
  trademarks: number;
}

/** Where a holder's address puts it: in its area, only 河南省信阳市 (vague), or outside the city. */
export type Placement = 'exact' | 'vague' | 'outside';

/** A patent with the area its first applicant was generated for (for checks and statistics). */
export interface GeneratedPatent {
  record: PatentRecord;
  /** Area code of regions.json the first applicant belongs to. */
  area: string;
  placement: Placement;
}

// ---------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------

/** murmur3's finaliser over a pair: a well-mixed 32-bit key for (a, b). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A bijection of 32-bit integers (xor-shift-multiply), so that distinct ids give distinct codes. */
function scramble32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Mulberry32, reseedable: one instance serves every record of a generator. */
class Prng {
  private s = 0;
  seed(s: number): this {
    this.s = s | 0;
    return this;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** Weighted choice by cumulative weights. */
class Picker<T> {
  private readonly values: T[];
  private readonly cum: number[];
  private readonly total: number;
  constructor(entries: readonly Weighted<T>[]) {
    this.values = entries.map((e) => e[0]);
    let sum = 0;
    this.cum = entries.map((e) => (sum += e[1]));
    this.total = sum;
  }
  pick(r: Prng): T {
    const x = r.next() * this.total;
    const cum = this.cum;
    let i = 0;
    while (i < cum.length - 1 && (cum[i] as number) <= x) i++;
    return this.values[i] as T;
  }
}

// Stream tags: every kind of draw has its own key space.
const S_PATENT = 1;
const S_FIRM = 2;
const S_PERSON = 3;
const S_SHOP = 4;
const S_TRADEMARK = 5;
const S_AGENCY = 6;
const S_COUNTER = 7;
const S_GI = 8;
const S_TRADE_NAME = 9;

// ---------------------------------------------------------------------------------------------
// Dates: days since 1999-01-01, with their ISO strings precomputed
// ---------------------------------------------------------------------------------------------

const BASE_YEAR = 1999;
const LAST_YEAR = 2060;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] as number));

/** Day number of the first day of each month, indexed (year - BASE_YEAR) * 12 + month - 1. */
const MONTH_START: number[] = [];
const ISO: string[] = [];
const DAY_YEAR: number[] = [];
const DAY_MONTH: number[] = [];
const DAY_DOM: number[] = [];
{
  let day = 0;
  for (let y = BASE_YEAR; y <= LAST_YEAR; y++) {
    for (let m = 1; m <= 12; m++) {
      MONTH_START.push(day);
      const n = daysIn(y, m);
      const ym = `${y}-${m < 10 ? '0' : ''}${m}-`;
      for (let d = 1; d <= n; d++) {
        ISO.push(`${ym}${d < 10 ? '0' : ''}${d}`);
        DAY_YEAR.push(y);
        DAY_MONTH.push(m);
        DAY_DOM.push(d);
        day++;
      }
    }
  }
}

function dayOf(y: number, m: number, d: number): number {
  return (MONTH_START[(y - BASE_YEAR) * 12 + m - 1] as number) + d - 1;
}
const yearStart = (y: number): number => dayOf(y, 1, 1);
const iso = (day: number): string => ISO[day] as string;
const yearOfDay = (day: number): number => DAY_YEAR[day] as number;

/** The same calendar day k years later (29 February becomes 28 February). */
function addYears(day: number, k: number): number {
  const y = (DAY_YEAR[day] as number) + k;
  const m = DAY_MONTH[day] as number;
  const d = Math.min(DAY_DOM[day] as number, daysIn(y, m));
  return dayOf(y, m, d);
}

const LATEST = dayOf(2026, 11, 20);
const OLD_NUMBERS_END = dayOf(2003, 10, 1);
const KIND_CODES_2010 = dayOf(2010, 4, 1);
const DESIGN_TERM_15 = dayOf(2021, 6, 1);
const FIRST_YEAR = 2000;

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

/** Patent filings per year, relative; most of the register is 2016–2025. */
const PATENT_YEAR_WEIGHTS = [0.4, 0.5, 0.6, 0.8, 1, 1.2, 1.5, 1.9, 2.3, 2.9, 3.6, 4.5, 5.6, 6.6, 7.5, 9.5, 12, 15, 19, 22, 27, 29, 27, 25, 25, 26, 22];
/** Trademark filings per year, relative (the 2017–2021 boom). */
const TRADEMARK_YEAR_WEIGHTS = [0.5, 0.6, 0.7, 0.9, 1.1, 1.3, 1.6, 1.9, 2.2, 2.6, 3, 3.6, 4.3, 5, 5.8, 7, 9.5, 13, 17, 20, 22, 23, 18, 15, 14, 14, 12];
const yearPicker = (weights: readonly number[]): Picker<number> => new Picker(weights.map((w, i) => [FIRST_YEAR + i, w] as const));
const PATENT_YEARS = yearPicker(PATENT_YEAR_WEIGHTS);
const TRADEMARK_YEARS = yearPicker(TRADEMARK_YEAR_WEIGHTS);

const AREA_COUNT = AREA_PROFILES.length;
const AREA_WEIGHT_TOTAL = AREA_PROFILES.reduce((s, a) => s + a.weight, 0);
const AREA_SHARE = AREA_PROFILES.map((a) => a.weight / AREA_WEIGHT_TOTAL);
const AREA_PICKER = new Picker(AREA_PROFILES.map((a, i) => [i, a.weight] as const));
const AREA_INDUSTRY = AREA_PROFILES.map((a) => new Picker(a.industries));
const UNIVERSITY_PICKER = new Picker(UNIVERSITIES.map((u, i) => [i, u.weight] as const));
const UNIVERSITY_INDUSTRY = UNIVERSITIES.map((u) => new Picker(u.industries));
const INDUSTRY_CLASSES = Object.fromEntries(Object.values(INDUSTRIES).map((v) => [v.key, new Picker(v.niceClasses)])) as Record<IndustryKey, Picker<number>>;
const SMALL_CLASSES = new Picker(vocabulary.SMALL_BUSINESS_CLASSES);
// Local agencies first: Xinyang firms mostly use a local or a Zhengzhou agency.
const PATENT_AGENCY_PICKER = new Picker(PATENT_AGENCIES.map((_, i) => [i, i < 4 ? 6 : i < 8 ? 3 : 1] as const));
const TRADEMARK_AGENCY_PICKER = new Picker(TRADEMARK_AGENCIES.map((_, i) => [i, i < 2 || i === 4 ? 5 : 2] as const));

/** Shares of applicant kinds among patents. */
const UNIVERSITY_SHARE = 0.1;
const PERSON_SHARE = 0.08;
const FIRM_SHARE = 1 - UNIVERSITY_SHARE - PERSON_SHARE;

/** Type mix per applicant kind; with the shares above it gives about 22 / 58 / 20. */
const TYPE_MIX = {
  firm: [0.18, 0.61],
  university: [0.6, 0.35],
  person: [0.15, 0.55],
} as const;

// ---------------------------------------------------------------------------------------------
// Holders
// ---------------------------------------------------------------------------------------------

type HolderKind = 'firm' | 'university' | 'person' | 'shop';

interface Holder {
  kind: HolderKind;
  name: string;
  uscc: string | null;
  address: string;
  area: string;
  /** Index of the area in AREA_PROFILES. */
  areaIndex: number;
  placement: Placement;
  industry: IndustryKey;
  province: string;
  /** Inventors and designers of the holder (a person: just themself). */
  staff: string[];
  /** Index into PATENT_AGENCIES, or -1 for none. */
  agency: number;
  /** Index into TRADEMARK_AGENCIES, or -1 for none. */
  tmAgency: number;
  /** The trade name (字号) of a firm or shop, '' for others. */
  tradeName: string;
}

const CHARS: readonly string[] = [...new Set(vocabulary.TRADE_CHARS)];
const CHAR_COUNT = CHARS.length;
const PAIRS = CHAR_COUNT * CHAR_COUNT;
/**
 * Third characters of trade names beyond the two-character space. None of them begins an industry
 * word, so 'AB' + word can never spell 'ABx' + word. The last one marks blocked pairs.
 */
const EXTRA_CHARS = ['达', '源', '泰', '丰', '盛', '宏', '鼎', '昌', '隆', '瑞', '祥', '嘉', '润', '远', '通', '成', '利', '兴', '旺', '德', '益', '佳', '优', '泓', '锦', '汇', '沃'];
const EXTRA_COUNT = EXTRA_CHARS.length;
const BLOCKED_MARKER = '乐';
// A multiplier coprime to PAIRS scatters consecutive ids over the name space.
const NAME_STEP = 7919;

/** Alphabet of credit codes (GB 32100-2015). */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Organisation code check character (GB 11714-1997) of 8 digits. */
function orgCodeCheck(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (ORG_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * The pool of holders of one seed. Holders are made on first use and depend only on (seed, kind,
 * area, index), so any generator of the same seed sees the same firm under the same index.
 */
class HolderPool {
  private readonly firms = new Map<number, Holder>();
  private readonly persons = new Map<number, Holder>();
  private readonly shops = new Map<number, Holder>();
  private readonly agencyStaff = new Map<number, string[]>();
  readonly universities: Holder[];
  private readonly r = new Prng();
  private readonly nameOffset: number;

  constructor(readonly key: number) {
    this.nameOffset = mix(key, S_TRADE_NAME) % PAIRS;
    this.universities = UNIVERSITIES.map((u, i) => {
      this.r.seed(mix(mix(key, S_FIRM), 0x7fff0000 + i));
      const staff: string[] = [];
      for (let k = 0; k < 120; k++) staff.push(personName(this.r));
      return {
        kind: 'university',
        name: u.name,
        uscc: null,
        address: u.address,
        area: u.area,
        areaIndex: AREA_PROFILES.findIndex((a) => a.code === u.area),
        placement: 'exact',
        industry: (u.industries[0] as Weighted<IndustryKey>)[0],
        province: '41',
        staff,
        agency: i % 4,
        tmAgency: -1,
        tradeName: '',
      } satisfies Holder;
    });
  }

  /**
   * A unique trade name for id g: two characters, then one or two extra characters for ids beyond
   * the two-character space (room for about twenty million).
   */
  tradeName(g: number): string {
    const scattered = ((g % PAIRS) * NAME_STEP + this.nameOffset) % PAIRS;
    const ab = `${CHARS[scattered % CHAR_COUNT] as string}${CHARS[Math.floor(scattered / CHAR_COUNT)] as string}`;
    const block = Math.floor(g / PAIRS);
    if (block === 0) return BLOCKED_NAMES.has(ab) ? `${ab}${BLOCKED_MARKER}` : ab;
    if (block <= EXTRA_COUNT) return `${ab}${EXTRA_CHARS[block - 1] as string}`;
    const b = block - EXTRA_COUNT - 1;
    if (b >= EXTRA_COUNT * EXTRA_COUNT) throw new RangeError(`Too many demo holders (${g}) for the trade-name space`);
    return `${ab}${EXTRA_CHARS[Math.floor(b / EXTRA_COUNT)] as string}${EXTRA_CHARS[b % EXTRA_COUNT] as string}`;
  }

  firm(areaIndex: number, j: number): Holder {
    const g = j * AREA_COUNT + areaIndex;
    const cached = this.firms.get(g);
    if (cached) return cached;
    const r = this.r.seed(mix(mix(this.key, S_FIRM), g));
    const area = AREA_PROFILES[areaIndex] as AreaProfile;
    const industry = (AREA_INDUSTRY[areaIndex] as Picker<IndustryKey>).pick(r);
    const vocab = INDUSTRIES[industry];
    const u = r.next();
    // The largest firms (low indexes) always have a proper address.
    const placement: Placement = j < 4 ? 'exact' : u < 0.022 ? 'vague' : u < 0.04 ? 'outside' : 'exact';
    const outside = placement === 'outside' ? r.pick(OUTSIDE_PLACES) : null;
    const tradeName = this.tradeName(g);
    let prefix: string;
    if (outside) prefix = outside.prefix;
    else {
      const p = r.next();
      prefix = p < 0.5 ? '信阳' : p < 0.7 ? '河南' : p < 0.88 && area.firmPrefix ? area.firmPrefix : '信阳市';
    }
    const f = r.next();
    const form = f < 0.7 ? '有限公司' : f < 0.86 ? '有限责任公司' : '股份有限公司';
    const name = `${prefix}${tradeName}${r.pick(vocab.firmWords)}${form}`;
    let region: string | null;
    if (outside) region = outside.region;
    else if (placement === 'vague') region = r.next() < 0.5 ? '411500' : null;
    else region = r.next() < 0.85 ? area.usccRegion : null;
    const uscc = region ? this.uscc('91', region, g, r) : null;
    const address = outside ? `${outside.address}${r.pick(ROADS)}${1 + r.below(300)}号` : placement === 'vague' ? '河南省信阳市' : areaAddress(r, area);
    const staff: string[] = [];
    const staffCount = 3 + r.below(10);
    for (let k = 0; k < staffCount; k++) staff.push(personName(r));
    const holder: Holder = {
      kind: 'firm',
      name,
      uscc,
      address,
      area: area.code,
      areaIndex,
      placement,
      industry,
      province: outside ? outside.province : '41',
      staff,
      agency: r.next() < 0.8 ? PATENT_AGENCY_PICKER.pick(r) : -1,
      tmAgency: r.next() < 0.72 ? TRADEMARK_AGENCY_PICKER.pick(r) : -1,
      tradeName,
    };
    this.firms.set(g, holder);
    return holder;
  }

  person(areaIndex: number, j: number): Holder {
    const g = j * AREA_COUNT + areaIndex;
    const cached = this.persons.get(g);
    if (cached) return cached;
    const r = this.r.seed(mix(mix(this.key, S_PERSON), g));
    const area = AREA_PROFILES[areaIndex] as AreaProfile;
    const name = personName(r);
    const holder: Holder = {
      kind: 'person',
      name,
      uscc: null,
      address: areaAddress(r, area),
      area: area.code,
      areaIndex,
      placement: 'exact',
      industry: (AREA_INDUSTRY[areaIndex] as Picker<IndustryKey>).pick(r),
      province: '41',
      staff: [name],
      agency: r.next() < 0.45 ? PATENT_AGENCY_PICKER.pick(r) : -1,
      tmAgency: r.next() < 0.4 ? TRADEMARK_AGENCY_PICKER.pick(r) : -1,
      tradeName: '',
    };
    this.persons.set(g, holder);
    return holder;
  }

  /** A sole trader (个体工商户): 固始县…土特产商行. */
  shop(areaIndex: number, j: number): Holder {
    const g = j * AREA_COUNT + areaIndex;
    const cached = this.shops.get(g);
    if (cached) return cached;
    const r = this.r.seed(mix(mix(this.key, S_SHOP), g));
    const area = AREA_PROFILES[areaIndex] as AreaProfile;
    const industry = (AREA_INDUSTRY[areaIndex] as Picker<IndustryKey>).pick(r);
    // The same id space as firms: a shop's name ends in a shop word, a firm's in 公司.
    const tradeName = this.tradeName(g);
    const place = area.firmPrefix ?? `信阳市${area.code.startsWith('4115') ? area.addressName : ''}`;
    const name = `${place}${tradeName}${r.pick(SHOP_WORDS[industry])}`;
    const holder: Holder = {
      kind: 'shop',
      name,
      uscc: r.next() < 0.7 ? this.uscc('92', area.usccRegion, 0x1000000 + g, r) : null,
      address: areaAddress(r, area),
      area: area.code,
      areaIndex,
      placement: 'exact',
      industry,
      province: '41',
      staff: [personName(r)],
      agency: -1,
      tmAgency: r.next() < 0.45 ? TRADEMARK_AGENCY_PICKER.pick(r) : -1,
      tradeName,
    };
    this.shops.set(g, holder);
    return holder;
  }

  /** A credit code unique to id g: either a post-2015 'MA…' code or an old organisation code. */
  private uscc(head: string, region: string, g: number, r: Prng): string {
    let org: string;
    if (r.next() < 0.55) {
      let x = scramble32((g ^ this.key) >>> 0);
      let s = '';
      for (let k = 0; k < 7; k++) {
        s = USCC_ALPHABET.charAt(x % 31) + s;
        x = Math.floor(x / 31);
      }
      org = `MA${s}`;
    } else {
      // 48271 is coprime to 10^8: distinct ids give distinct eight-digit codes.
      const n = (g * 48271 + (this.key % 1_000_000) + 10_000_000) % 100_000_000;
      const digits = String(n).padStart(8, '0');
      org = `${digits}${orgCodeCheck(digits)}`;
    }
    const first17 = `${head}${region}${org}`;
    return `${first17}${computeUsccCheck(first17)}`;
  }

  agents(agency: number): string[] {
    const cached = this.agencyStaff.get(agency);
    if (cached) return cached;
    const r = this.r.seed(mix(mix(this.key, S_AGENCY), agency));
    const staff: string[] = [];
    for (let k = 0; k < 6; k++) staff.push(personName(r));
    this.agencyStaff.set(agency, staff);
    return staff;
  }
}

function personName(r: Prng): string {
  const s = SURNAMES[Math.floor(SURNAMES.length * r.next() ** 1.8)] as string;
  const a = r.pick(GIVEN_CHARS);
  if (r.next() < 0.3) return `${s}${a}`;
  let b = r.pick(GIVEN_CHARS);
  if (b === a && r.next() < 0.7) b = r.pick(GIVEN_CHARS);
  return `${s}${a}${b}`;
}

/** An address that resolves to the area: 河南省信阳市固始县陈淋子镇王湾村. */
function areaAddress(r: Prng, area: AreaProfile): string {
  const head = r.next() < 0.12 ? '信阳市' : '河南省信阳市';
  let place = area.addressName;
  if (area.code === 'gaoxin' && r.next() < 0.4) place = '高新区';
  else if (area.code === 'shangtianti' && r.next() < 0.4) place = '上天梯管理区';
  const town = r.pick(area.towns);
  const last = town.charAt(town.length - 1);
  let rest: string;
  if (town.endsWith('街道')) rest = `${town}${r.pick(ROADS)}${1 + r.below(400)}号`;
  else if (last === '镇' || last === '乡') rest = r.next() < 0.5 ? `${town}${r.pick(VILLAGES)}村` : `${town}${r.pick(ROADS)}${1 + r.below(200)}号`;
  else rest = `${town}${1 + r.below(300)}号`;
  return `${head}${place}${rest}`;
}

const pools = new Map<number, HolderPool>();

function poolFor(seed: number): HolderPool {
  const key = Math.floor(seededRng(seed).next() * 4294967296) >>> 0;
  let pool = pools.get(key);
  if (!pool) {
    if (pools.size >= 4) pools.clear();
    pool = new HolderPool(key);
    pools.set(key, pool);
  }
  return pool;
}

/**
 * Index into an area's firm pool for the i-th draw: the range grows with i (a longer register has
 * more firms) and low indexes are drawn far more often (a few firms own many patents).
 */
function firmIndex(r: Prng, i: number, areaIndex: number): number {
  const range = Math.max(4, Math.ceil(((i + 1) * FIRM_SHARE * (AREA_SHARE[areaIndex] as number)) / 10));
  const u = r.next();
  return Math.floor(range * u * u);
}

function personIndex(r: Prng, i: number, areaIndex: number): number {
  const range = Math.max(3, Math.ceil(((i + 1) * PERSON_SHARE * (AREA_SHARE[areaIndex] as number)) / 2.5));
  return r.below(range);
}

// ---------------------------------------------------------------------------------------------
// Number counters
// ---------------------------------------------------------------------------------------------

/**
 * Increasing serial numbers per bucket (year and type), starting at a seed-dependent offset and
 * advancing by random gaps, so that numbers are unique without being consecutive.
 */
class Counters {
  private readonly next = new Map<number, number>();
  constructor(private readonly key: number) {}
  take(bucket: number, start: number, spread: number, gap: number, r: Prng): number {
    let n = this.next.get(bucket);
    if (n === undefined) n = start + (mix(mix(this.key, S_COUNTER), bucket) % spread);
    this.next.set(bucket, n + 1 + r.below(gap));
    return n;
  }
}

/** First publication number of each year (2000…2026), by kind: invention A, utility model, design. */
const PUB_START: Record<'A' | 'U' | 'S', readonly number[]> = {
  A: [1255000, 1300000, 1350000, 1410000, 1480000, 1560000, 1730000, 100990000, 101100000, 101350000, 101630000, 101950000, 102300000, 102850000, 103500000, 104300000, 105200000, 106300000, 107500000, 109200000, 111000000, 112200000, 113900000, 115500000, 117300000, 119100000, 121000000],
  U: [2370000, 2420000, 2480000, 2540000, 2610000, 2680000, 2760000, 200940000, 201000000, 201250000, 201450000, 201800000, 202200000, 202850000, 203400000, 204100000, 205000000, 206000000, 207000000, 208300000, 210200000, 212500000, 215300000, 218000000, 220300000, 222300000, 224200000],
  S: [3100000, 3160000, 3220000, 3290000, 3370000, 3450000, 3530000, 300600000, 300750000, 300900000, 301150000, 301500000, 301900000, 302350000, 302800000, 303200000, 303600000, 304100000, 304600000, 305200000, 305800000, 306500000, 307200000, 308000000, 308700000, 309400000, 310000000],
};
/** First trademark application number of each year 2000…2026. */
const TRADEMARK_START = [1500000, 2000000, 3100000, 3400000, 3900000, 4400000, 5100000, 5800000, 6500000, 7100000, 8000000, 9000000, 10400000, 12000000, 13900000, 16000000, 18900000, 22500000, 28500000, 35500000, 43500000, 52500000, 61500000, 68500000, 75500000, 81500000, 87500000, 92000000];

/**
 * Largest gap between numbers of one bucket so that a run of a million records stays within the
 * bucket's range (count-independent: it only uses the year weights).
 */
function gapFor(range: number, yearWeight: number, totalWeight: number, share: number): number {
  const expected = (1_000_000 * share * yearWeight) / totalWeight;
  return Math.max(1, Math.min(40, Math.floor(range / (expected * 1.3 + 1))));
}

const PATENT_WEIGHT_TOTAL = PATENT_YEAR_WEIGHTS.reduce((a, b) => a + b, 0);
const TRADEMARK_WEIGHT_TOTAL = TRADEMARK_YEAR_WEIGHTS.reduce((a, b) => a + b, 0);

function pubGap(kind: 'A' | 'U' | 'S', year: number): number {
  const starts = PUB_START[kind];
  const i = year - FIRST_YEAR;
  const start = starts[i] as number;
  const next = i + 1 < starts.length ? (starts[i + 1] as number) : start + (start >= 100_000_000 ? 2_000_000 : 60_000);
  // A 7-digit year followed by a 9-digit one: the 7-digit range ends at the next million.
  const end = next > start * 10 ? Math.ceil((start + 1) / 1_000_000) * 1_000_000 : next;
  const share = kind === 'A' ? 0.22 : kind === 'U' ? 0.58 : 0.2;
  return gapFor(end - start - 5000, PATENT_YEAR_WEIGHTS[Math.max(0, i - 1)] ?? 1, PATENT_WEIGHT_TOTAL, share);
}

const PUB_GAPS: Record<'A' | 'U' | 'S', number[]> = {
  A: PATENT_YEAR_WEIGHTS.map((_, i) => pubGap('A', FIRST_YEAR + i)),
  U: PATENT_YEAR_WEIGHTS.map((_, i) => pubGap('U', FIRST_YEAR + i)),
  S: PATENT_YEAR_WEIGHTS.map((_, i) => pubGap('S', FIRST_YEAR + i)),
};

/** Check character of an application number's 8 or 12 digits (weights 2..9 repeating, mod 11). */
function checkChar(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * (2 + (i & 7));
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

const pad = (n: number, width: number): string => {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
};

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const POSITIONS = ['顶部', '底部', '一侧', '内侧', '外壁', '上端', '下端', '两侧', '前端', '后端'];
const CONNECTIONS = ['固定连接', '转动连接', '可拆卸连接', '螺纹连接', '滑动连接', '焊接固定'];
const DESIGN_POINTS = ['形状', '图案', '形状与图案的结合', '形状与色彩的结合', '图案与色彩的结合'];
const DESIGN_VIEWS = ['立体图', '主视图', '设计1立体图', '使用状态参考图'];

/** Two or three distinct items. */
function distinct(r: Prng, items: readonly string[], n: number): string[] {
  const out: string[] = [];
  let guard = 0;
  while (out.length < n && guard++ < 20) {
    const x = r.pick(items);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/** Topics with few products are about devices only (conveyors, formwork…). */
const deviceOnly = (t: Topic): boolean => t.products.length < 3;

/** Industries whose methods read as a process (…工艺). */
const PROCESS_INDUSTRIES: ReadonlySet<IndustryKey> = new Set(['tea', 'minerals', 'pharma', 'food', 'textiles', 'construction']);

/** Invention title templates: 0–4 and 8 claim a method or product, 5–7 a device (5 and 6 name it). */
function inventionTemplate(r: Prng, v: IndustryVocab, t: Topic): number {
  const k = deviceOnly(t) ? 5 + r.below(3) : r.below(9);
  return k === 4 && !PROCESS_INDUSTRIES.has(v.key) ? 3 : k;
}

const isMethodTemplate = (k: number): boolean => k < 5 || k === 8;
/** Utility-model templates that name the device. */
const UTILITY_NAMES_DEVICE = [true, true, false, true, true, true, false];

function inventionTitle(r: Prng, v: IndustryVocab, t: Topic, k: number, device: string): string {
  switch (k) {
    case 0:
      return `一种${r.pick(t.qualifiers)}${r.pick(t.products)}的制备方法`;
    case 1:
      return `一种${r.pick(t.products)}及其制备方法`;
    case 2:
      return `一种${r.pick(t.qualifiers)}${r.pick(t.products)}及其制备方法`;
    case 3:
      return `一种${r.pick(t.products)}的${r.pick(t.methods)}方法`;
    case 4:
      return `一种${r.pick(t.products)}${r.pick(t.methods)}工艺`;
    case 5:
      return `一种${r.pick(v.features)}${device}`;
    case 6:
      return `一种${device}及其使用方法`;
    case 7:
      return `一种${r.pick(t.objects)}${r.pick(t.methods)}方法及装置`;
    default:
      return `一种${r.pick(t.qualifiers)}${r.pick(t.products)}的${r.pick(t.methods)}方法`;
  }
}

function utilityTitle(r: Prng, v: IndustryVocab, t: Topic, k: number, device: string): string {
  switch (k) {
    case 0:
      return `一种${r.pick(v.features)}${device}`;
    case 1:
      return `一种${device}`;
    case 2:
      return `一种${r.pick(t.objects)}${r.pick(t.methods)}装置`;
    case 3:
      return `一种带有${r.pick(t.parts)}的${device}`;
    case 4:
      return `一种${device}的${r.pick(t.parts)}结构`;
    case 5:
      return `一种${device}用${r.pick(t.parts)}`;
    default:
      return `一种${r.pick(v.features)}${r.pick(t.objects)}${r.pick(t.methods)}设备`;
  }
}

/** Two or three steps of a process, kept in process order. */
function orderedSteps(r: Prng, steps: readonly string[], n: number): string {
  const picked: number[] = [];
  for (let guard = 0; picked.length < n && guard < 20; guard++) {
    const k = r.below(steps.length);
    if (!picked.includes(k)) picked.push(k);
  }
  picked.sort((a, b) => a - b);
  return picked.map((k) => steps[k] as string).join('；');
}

function methodAbstract(r: Prng, v: IndustryVocab, t: Topic, title: string): string {
  const steps = orderedSteps(r, t.steps ?? v.steps, 2 + r.below(2));
  const effects = distinct(r, v.effects, 1 + r.below(2));
  const lead = `本发明公开了${title}，包括以下步骤：${steps}。`;
  return r.next() < 0.5 ? `${lead}本发明${effects.join('，')}。` : `${lead}采用本方法，${effects.join('，')}。`;
}

function deviceAbstract(r: Prng, t: Topic, title: string, utility: boolean): string {
  const parts = distinct(r, t.parts, 4);
  const [a, b, c, d] = [parts[0] ?? '机架', parts[1] ?? '壳体', parts[2] ?? '底座', parts[3] ?? '支架'];
  const effects = distinct(r, DEVICE_EFFECTS, 1 + r.below(2));
  const who = utility ? '本实用新型' : '本发明';
  const lead = `${who}公开了${title}，包括${a}、${b}和${c}，所述${a}的${r.pick(POSITIONS)}设置有${b}，所述${c}与${a}${r.pick(CONNECTIONS)}。`;
  const tail = `${who}${effects.join('，')}。`;
  return r.next() < 0.3 ? `${lead}所述${b}的${r.pick(POSITIONS)}还设有${d}。${tail}` : `${lead}${tail}`;
}

function designTitle(r: Prng, item: DesignItem): string {
  return item.variants.length > 0 && r.next() < 0.75 ? `${item.product}（${r.pick(item.variants)}）` : item.product;
}

function designAbstract(r: Prng, title: string, use: string): string {
  return `1．本外观设计产品的名称：${title}。2．本外观设计产品的用途：本外观设计产品${use}。3．本外观设计产品的设计要点：在于${r.pick(DESIGN_POINTS)}。4．最能表明设计要点的图片或照片：${r.pick(DESIGN_VIEWS)}。`;
}

// ---------------------------------------------------------------------------------------------
// Patents
// ---------------------------------------------------------------------------------------------

const TYPE_DIGIT: Record<PatentType, number> = { invention: 1, utility: 2, design: 3 };

const RAW_VALID = ['有效', '授权', '有效;授权', '专利权维持'];
const RAW_PENDING_PUBLISHED = ['审中', '实质审查', '审中-实审', '公开'];
const RAW_LAPSED = ['未缴年费专利权终止', '失效;未缴年费', '专利权终止'];
const RAW_EXPIRED = ['期限届满', '失效;期限届满', '专利权有效期届满'];
const RAW_WITHDRAWN = ['视为撤回', '失效;视为撤回', '撤回'];
const RAW_REJECTED = ['驳回', '失效;驳回'];

/** Annual chance that a granted right is let lapse, by type and holder kind. */
const LAPSE: Record<PatentType, Record<'firm' | 'university' | 'person', number>> = {
  invention: { firm: 0.06, university: 0.11, person: 0.13 },
  utility: { firm: 0.12, university: 0.28, person: 0.22 },
  design: { firm: 0.15, university: 0.32, person: 0.25 },
};

interface Outcome {
  status: LegalStatus;
  raw: string;
  date: number;
}

/** The life of a granted right: fees paid each year until a lapse, the end of the term, or today. */
function maintain(r: Prng, appDay: number, grantDay: number, term: number, hazard: number): Outcome {
  let k = yearOfDay(grantDay) - yearOfDay(appDay);
  if (addYears(appDay, k) <= grantDay) k++;
  for (; k < term; k++) {
    const due = addYears(appDay, k);
    if (due > LATEST) return { status: 'valid', raw: r.pick(RAW_VALID), date: -1 };
    if (r.next() < hazard) return { status: 'lapsed', raw: r.pick(RAW_LAPSED), date: due };
  }
  const end = addYears(appDay, term);
  if (end <= LATEST) return { status: 'expired', raw: r.pick(RAW_EXPIRED), date: end };
  return { status: 'valid', raw: r.pick(RAW_VALID), date: -1 };
}

class PatentFactory {
  private readonly r = new Prng();
  private readonly counters: Counters;
  private readonly stream: number;

  constructor(private readonly pool: HolderPool) {
    this.counters = new Counters(pool.key);
    this.stream = mix(pool.key, S_PATENT);
  }

  /** Area and placement of the first applicant of the last record made. */
  area = '';
  placement: Placement = 'exact';

  make(i: number): PatentRecord {
    const r = this.r.seed(mix(this.stream, i));
    const pool = this.pool;

    // Applicant.
    const kindDraw = r.next();
    let holder: Holder;
    let industry: IndustryKey;
    let kind: 'firm' | 'university' | 'person';
    if (kindDraw < UNIVERSITY_SHARE) {
      const u = UNIVERSITY_PICKER.pick(r);
      holder = pool.universities[u] as Holder;
      industry = (UNIVERSITY_INDUSTRY[u] as Picker<IndustryKey>).pick(r);
      kind = 'university';
    } else if (kindDraw < UNIVERSITY_SHARE + PERSON_SHARE) {
      const a = AREA_PICKER.pick(r);
      holder = pool.person(a, personIndex(r, i, a));
      industry = holder.industry;
      kind = 'person';
    } else {
      const a = AREA_PICKER.pick(r);
      holder = pool.firm(a, firmIndex(r, i, a));
      industry = r.next() < 0.9 ? holder.industry : r.next() < 0.5 ? 'machinery' : (AREA_INDUSTRY[a] as Picker<IndustryKey>).pick(r);
      kind = 'firm';
    }
    const vocab = INDUSTRIES[industry];

    // Type and filing date.
    const mixes = TYPE_MIX[kind];
    const t = r.next();
    const type: PatentType = t < mixes[0] ? 'invention' : t < mixes[0] + mixes[1] ? 'utility' : 'design';
    const year = PATENT_YEARS.pick(r);
    const start = yearStart(year);
    const appDay = start + r.below(Math.min(yearStart(year + 1), LATEST + 1) - start);
    // PCT national phase (type digit 8): filed abroad ~30 months before it enters China.
    const pct = type === 'invention' && kind !== 'person' && year >= 2004 && r.next() < 0.035 && appDay + 1000 < LATEST;
    const entryDay = pct ? appDay + 850 + r.below(100) : appDay;

    // Application number.
    const digit = pct ? 8 : TYPE_DIGIT[type];
    let appNo: string;
    if (appDay < OLD_NUMBERS_END) {
      const yy = year % 100;
      const serial = this.counters.take(100_000 + yy * 10 + digit, 1, 3000, 4, r);
      const digits = `${pad(yy, 2)}${digit}${pad(serial, 5)}`;
      appNo = `${digits}.${checkChar(digits)}`;
    } else {
      const numberYear = yearOfDay(entryDay);
      const serial = this.counters.take(numberYear * 10 + digit, 1, 40_000, 16, r);
      const digits = `${numberYear}${digit}${pad(serial, 7)}`;
      appNo = `${digits}.${checkChar(digits)}`;
    }

    // Classification, title, abstract.
    const topic = r.pick(vocab.topics);
    let title: string;
    let abstract: string;
    let ipcMain: string | null = null;
    const ipc: string[] = [];
    if (type === 'design') {
      const item = r.pick(vocab.designs);
      title = designTitle(r, item);
      abstract = designAbstract(r, title, item.use);
    } else {
      const device = r.pick(topic.devices);
      let namesDevice: boolean;
      if (type === 'invention') {
        const k = inventionTemplate(r, vocab, topic);
        title = inventionTitle(r, vocab, topic, k, device);
        abstract = isMethodTemplate(k) ? methodAbstract(r, vocab, topic, title) : deviceAbstract(r, topic, title, false);
        namesDevice = k === 5 || k === 6;
      } else {
        const k = r.below(7);
        title = utilityTitle(r, vocab, topic, k, device);
        abstract = deviceAbstract(r, topic, title, true);
        namesDevice = UTILITY_NAMES_DEVICE[k] === true;
      }
      const deviceMain = namesDevice ? topic.deviceIpc?.[device] : undefined;
      ipcMain = deviceMain ?? (topic.ipc[r.below(Math.min(3, topic.ipc.length))] as string);
      ipc.push(ipcMain);
      const more = r.below(4);
      for (let k = 0; k < more; k++) {
        const other = r.next() < 0.75 ? topic.ipc : r.pick(vocab.topics).ipc;
        const code = r.pick(other);
        if (!ipc.includes(code)) ipc.push(code);
      }
    }

    // Applicants.
    const applicants = [holder.name];
    const usccs: Array<string | null> = [holder.uscc];
    const coChance = kind === 'firm' ? 0.155 : kind === 'university' ? 0.2 : 0.08;
    if (r.next() < coChance) {
      const extra = r.next() < 0.7 ? 1 : 2;
      for (let k = 0; k < extra; k++) {
        const c = this.coApplicant(r, i, kind, holder.areaIndex);
        if (!applicants.includes(c.name)) {
          applicants.push(c.name);
          usccs.push(c.uscc);
        }
      }
    }

    // Inventors.
    const n = 1 + Math.min(4, Math.floor(r.next() * r.next() * 6));
    const inventors: string[] = [];
    if (kind === 'person') inventors.push(holder.name);
    const staff = holder.staff;
    for (let k = 0; inventors.length < n && k < n * 3; k++) {
      const p = kind === 'person' ? personName(r) : r.pick(staff);
      if (!inventors.includes(p)) inventors.push(p);
    }

    // Dates, numbers and status.
    let pubNo: string | null = null;
    let pubDate: string | null = null;
    let grantNo: string | null = null;
    let grantDate: string | null = null;
    let outcome: Outcome;
    if (type === 'invention') {
      // Published once 18 months have passed (at most 550 days), national-phase entries a few months after entry.
      const pubDay = entryDay + (pct ? 90 + r.below(120) : 550 + r.below(25));
      if (pubDay > LATEST) {
        outcome = { status: 'pending', raw: '审中', date: -1 };
      } else {
        const pubYear = yearOfDay(pubDay);
        const number = this.pubNumber('A', pubYear, r);
        pubNo = `CN${number}A`;
        pubDate = iso(pubDay);
        const g = r.next();
        const pGrant = kind === 'university' ? 0.62 : kind === 'firm' ? 0.55 : 0.3;
        const pWithdraw = kind === 'person' ? 0.5 : 0.3;
        if (g < pGrant) {
          const base = year < 2010 ? 1100 + r.below(700) : year < 2018 ? 800 + r.below(700) : 600 + r.below(600);
          const grantDay = Math.max(entryDay + base, pubDay + 90 + r.below(60));
          if (grantDay > LATEST) {
            outcome = { status: 'pending', raw: r.pick(RAW_PENDING_PUBLISHED), date: -1 };
          } else {
            grantNo = `CN${number}${grantDay < KIND_CODES_2010 ? 'C' : 'B'}`;
            grantDate = iso(grantDay);
            outcome = maintain(r, appDay, grantDay, 20, LAPSE.invention[kind]);
            if (outcome.status === 'valid' && r.next() < 0.004 && grantDay + 400 < LATEST) {
              outcome = { status: 'invalidated', raw: '专利权全部无效', date: grantDay + 300 + r.below(Math.min(1500, LATEST - grantDay - 300)) };
            }
          }
        } else {
          const withdrawn = g < pGrant + pWithdraw;
          const decision = Math.max(entryDay + (withdrawn ? 700 + r.below(900) : 1000 + r.below(700)), pubDay + 30);
          outcome =
            decision > LATEST
              ? { status: 'pending', raw: r.pick(RAW_PENDING_PUBLISHED), date: -1 }
              : withdrawn
                ? { status: 'withdrawn', raw: r.pick(RAW_WITHDRAWN), date: decision }
                : { status: 'rejected', raw: r.pick(RAW_REJECTED), date: decision };
        }
      }
    } else {
      const utility = type === 'utility';
      const delay = utility
        ? year < 2010 ? 240 + r.below(180) : year < 2019 ? 180 + r.below(180) : year < 2022 ? 200 + r.below(200) : 150 + r.below(150)
        : 120 + r.below(180);
      const grantDay = appDay + delay;
      if (grantDay > LATEST) {
        outcome = { status: 'pending', raw: '审中', date: -1 };
      } else if (r.next() < 0.03) {
        outcome = r.next() < 0.75 ? { status: 'withdrawn', raw: '视为撤回', date: grantDay } : { status: 'rejected', raw: '驳回', date: grantDay };
      } else {
        const kindLetter = utility ? 'U' : 'S';
        const number = this.pubNumber(kindLetter, yearOfDay(grantDay), r);
        const code = grantDay < KIND_CODES_2010 ? (utility ? 'Y' : 'D') : kindLetter;
        grantNo = `CN${number}${code}`;
        grantDate = iso(grantDay);
        const term = utility || appDay < DESIGN_TERM_15 ? 10 : 15;
        outcome = maintain(r, appDay, grantDay, term, LAPSE[type][kind]);
        if (utility && outcome.status === 'valid' && kind === 'firm' && r.next() < 0.02 && grantDay + 500 < LATEST) {
          // 一案双申: the utility model is given up when the invention on the same matter is granted.
          outcome = { status: 'abandoned', raw: '避免重复授权放弃专利权', date: grantDay + 400 + r.below(Math.min(700, LATEST - grantDay - 400)) };
        }
      }
    }

    // Agency.
    let agency: string | null = null;
    let agents: string[] = [];
    const ag = holder.agency >= 0 && r.next() < 0.92 ? holder.agency : r.next() < 0.12 ? PATENT_AGENCY_PICKER.pick(r) : -1;
    if (ag >= 0) {
      agency = PATENT_AGENCIES[ag] as string;
      const names = pool.agents(ag);
      const a1 = r.pick(names);
      const a2 = r.pick(names);
      agents = r.next() < 0.6 && a2 !== a1 ? [a1, a2] : [a1];
    }

    const record: PatentRecord = {
      appNo,
      appDate: iso(appDay),
      type,
      pct,
      pubNo,
      pubDate,
      grantNo,
      grantDate,
      title,
      abstract,
      applicants,
      patentees: [],
      applicantUsccs: usccs,
      address: holder.address,
      inventors,
      ipcMain,
      ipc,
      status: outcome.status,
      statusRaw: outcome.raw,
      statusDate: outcome.date >= 0 ? iso(outcome.date) : null,
      agency,
      agents,
      priority: null,
      family: pct ? [`WO${yearOfDay(appDay) + 1}${pad(mix(this.stream, ~i) % 1_000_000, 6)}A1`] : [],
      claimsCount: type === 'invention' ? 3 + r.below(8) + r.below(6) : type === 'utility' ? 1 + r.below(6) + r.below(5) : null,
      provinceCode: holder.province,
    };
    this.area = holder.area;
    this.placement = holder.placement;
    return record;
  }

  private coApplicant(r: Prng, i: number, kind: 'firm' | 'university' | 'person', home: number): Holder {
    const c = r.next();
    if (kind === 'person' || (kind === 'firm' && c >= 0.3 && c < 0.45)) {
      const a = AREA_PICKER.pick(r);
      return this.pool.person(a, personIndex(r, i, a));
    }
    if (kind === 'firm' && c < 0.3) return this.pool.universities[UNIVERSITY_PICKER.pick(r)] as Holder;
    // Partner firms are mostly from the same county.
    const a = home >= 0 && r.next() < 0.7 ? home : AREA_PICKER.pick(r);
    return this.pool.firm(a, firmIndex(r, i, a));
  }

  private pubNumber(kind: 'A' | 'U' | 'S', year: number, r: Prng): number {
    const y = Math.min(Math.max(year, FIRST_YEAR), FIRST_YEAR + PUB_START[kind].length - 1);
    const idx = y - FIRST_YEAR;
    const start = PUB_START[kind][idx] as number;
    const bucket = (kind === 'A' ? 1 : kind === 'U' ? 2 : 3) * 10_000 + y;
    return this.counters.take(bucket, start, 3000, PUB_GAPS[kind][idx] as number, r);
  }
}

/** Patents with the area each first applicant was generated for. */
export function* generatePatentsDetailed(seed: number, count: number): Generator<GeneratedPatent> {
  const factory = new PatentFactory(poolFor(seed));
  for (let i = 0; i < count; i++) {
    const record = factory.make(i);
    yield { record, area: factory.area, placement: factory.placement };
  }
}

/** `count` synthetic patents of Xinyang; the same seed gives the same records, a longer run extends a shorter one. */
export function* generatePatents(seed: number, count: number): Generator<PatentRecord> {
  const factory = new PatentFactory(poolFor(seed));
  for (let i = 0; i < count; i++) yield factory.make(i);
}

// ---------------------------------------------------------------------------------------------
// Trademarks
// ---------------------------------------------------------------------------------------------

const TM_RAW_REGISTERED = ['已注册', '注册', '商标已注册', '注册商标'];
const TM_RAW_PENDING = ['等待实质审查', '申请中', '初审公告', '等待驳回复审'];
const TM_RAW_EXPIRED = ['注册商标期满未续展', '已过期'];
const TM_RAW_CANCELLED = ['连续三年不使用撤销', '注销'];

const TM_GAPS = TRADEMARK_YEAR_WEIGHTS.map((w, i) =>
  gapFor((TRADEMARK_START[i + 1] as number) - (TRADEMARK_START[i] as number) - 5000, w, TRADEMARK_WEIGHT_TOTAL, 1),
);

class TrademarkFactory {
  private readonly r = new Prng();
  private readonly counters: Counters;
  private readonly stream: number;

  constructor(private readonly pool: HolderPool) {
    this.counters = new Counters(mix(pool.key, S_TRADEMARK));
    this.stream = mix(pool.key, S_TRADEMARK);
  }

  make(i: number): TrademarkRecord {
    const r = this.r.seed(mix(this.stream, i));
    const a = AREA_PICKER.pick(r);
    const who = r.next();
    let holder: Holder;
    let niceClass: number;
    if (who < 0.55) {
      // Firms of the patent pool; the index range grows like the patents' (about two patents per mark).
      holder = this.pool.firm(a, firmIndex(r, 2 * i, a));
      niceClass = INDUSTRY_CLASSES[holder.industry].pick(r);
    } else if (who < 0.85) {
      holder = this.pool.shop(a, r.below(Math.max(4, Math.ceil(((i + 1) * 0.3 * (AREA_SHARE[a] as number)) / 1.3))));
      niceClass = r.next() < 0.5 ? INDUSTRY_CLASSES[holder.industry].pick(r) : SMALL_CLASSES.pick(r);
    } else {
      holder = this.pool.person(a, personIndex(r, 3 * i, a));
      niceClass = SMALL_CLASSES.pick(r);
    }

    const name = this.markName(r, holder, niceClass);

    const year = TRADEMARK_YEARS.pick(r);
    const start = yearStart(year);
    const appDay = start + r.below(Math.min(yearStart(year + 1), LATEST + 1) - start);
    const idx = year - FIRST_YEAR;
    const regNo = this.counters.take(year, TRADEMARK_START[idx] as number, 20_000, TM_GAPS[idx] as number, r);

    const delay = year < 2014 ? 400 + r.below(500) : year < 2019 ? 270 + r.below(180) : 180 + r.below(150);
    const regDay = appDay + delay;
    let status: TrademarkStatus;
    let statusRaw: string;
    let regDate: string | null = null;
    let termStart: string | null = null;
    let termEnd: string | null = null;
    if (regDay > LATEST) {
      status = 'pending';
      statusRaw = regDay - LATEST < 90 ? '初审公告' : r.pick(TM_RAW_PENDING);
    } else if (r.next() < 0.08) {
      status = 'rejected';
      statusRaw = '驳回';
    } else {
      regDate = iso(regDay);
      let from = regDay;
      let to = addYears(regDay, 10) - 1;
      status = 'registered';
      statusRaw = r.pick(TM_RAW_REGISTERED);
      if (to < LATEST) {
        if (r.next() < 0.45) {
          from = to + 1;
          to = addYears(from, 10) - 1;
          statusRaw = r.next() < 0.5 ? '续展注册' : statusRaw;
        } else {
          status = 'expired';
          statusRaw = r.pick(TM_RAW_EXPIRED);
        }
      }
      const c = r.next();
      if (status === 'registered' && regDay + 3 * 365 < LATEST && c < 0.03) {
        status = 'cancelled';
        statusRaw = r.pick(TM_RAW_CANCELLED);
      } else if (status === 'registered' && c < 0.037) {
        status = 'invalidated';
        statusRaw = '宣告无效';
      }
      termStart = iso(from);
      termEnd = iso(to);
    }

    const markType: MarkType = r.next() < 0.005 ? 'special' : 'ordinary';
    const tmAgency = holder.tmAgency >= 0 && r.next() < 0.9 ? holder.tmAgency : r.next() < 0.1 ? TRADEMARK_AGENCY_PICKER.pick(r) : -1;

    return {
      regNo: String(regNo),
      niceClass,
      name,
      appDate: iso(appDay),
      regDate,
      termStart,
      termEnd,
      applicants: [holder.name],
      applicantUsccs: [holder.uscc],
      address: holder.address,
      markType,
      status,
      statusRaw,
      goods: NICE_GOODS[niceClass] ?? null,
      agency: tmAgency >= 0 ? (TRADEMARK_AGENCIES[tmAgency] as string) : null,
    };
  }

  /** 2–4 invented characters: a firm's trade name, or a head and a tail (贤岭香, 淮源春). */
  private markName(r: Prng, holder: Holder, niceClass: number): string {
    const m = r.next();
    if (holder.tradeName.length === 2 && m < 0.35) return holder.tradeName;
    if (holder.tradeName.length === 2 && m < 0.45) return `${holder.tradeName}${r.pick(MARK_TAILS).charAt(0)}`;
    if (niceClass === 30 && holder.industry === 'tea' && m < 0.55) {
      const head = r.pick(MARK_HEADS);
      const h = head.length === 1 ? `${head}${r.pick(MARK_TAILS).charAt(0)}` : head;
      return `${h}毛尖`;
    }
    for (let k = 0; k < 4; k++) {
      const head = r.pick(MARK_HEADS);
      const tail = r.pick(MARK_TAILS);
      const name = `${head}${tail}`;
      if (head.charAt(head.length - 1) !== tail.charAt(0) && !BLOCKED_NAMES.has(name)) return name;
    }
    return `${r.pick(MARK_HEADS)}${r.pick(MARK_TAILS).charAt(0)}`;
  }
}

/** `count` synthetic trademarks of Xinyang applicants, deterministic like generatePatents. */
export function* generateTrademarks(seed: number, count: number): Generator<TrademarkRecord> {
  const factory = new TrademarkFactory(poolFor(seed));
  for (let i = 0; i < count; i++) yield factory.make(i);
}

// ---------------------------------------------------------------------------------------------
// Geographical indications
// ---------------------------------------------------------------------------------------------

/**
 * Registered geographical indications of Xinyang (public facts). Only indications known to be
 * registered are listed; a field that could not be confirmed is null rather than guessed.
 */
export const DEMO_GIS: GiRecord[] = [
  {
    name: '信阳毛尖',
    kind: 'product',
    // Announced in 2002 as a protected designation of origin (原产地标记).
    regNo: '2002年第87号',
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '信阳市产茶区域',
    approvedOn: null,
    authority: '原国家质量监督检验检疫总局',
    standard: 'GB/T 22737-2008',
    productCategory: '茶叶',
  },
  {
    name: '信阳毛尖',
    kind: 'certification_mark',
    regNo: '3047772',
    niceClass: 30,
    holder: '信阳市茶叶协会',
    holderUscc: null,
    areaText: '信阳市产茶区域',
    approvedOn: null,
    authority: '原国家工商行政管理总局商标局',
    standard: null,
    productCategory: '茶叶',
  },
  {
    name: '信阳红',
    kind: 'certification_mark',
    regNo: null,
    niceClass: 30,
    holder: '信阳市茶叶协会',
    holderUscc: null,
    areaText: '信阳市产茶区域',
    approvedOn: null,
    authority: '原国家工商行政管理总局商标局',
    standard: null,
    productCategory: '茶叶',
  },
  {
    name: '商城高山茶',
    kind: 'certification_mark',
    regNo: null,
    niceClass: 30,
    holder: null,
    holderUscc: null,
    areaText: '商城县',
    approvedOn: null,
    authority: '国家知识产权局',
    standard: null,
    productCategory: '茶叶',
  },
  {
    name: '商城黑猪',
    kind: 'certification_mark',
    regNo: null,
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '商城县',
    approvedOn: null,
    authority: null,
    standard: null,
    productCategory: '畜禽',
  },
  {
    name: '商城筒鲜鱼',
    kind: 'certification_mark',
    regNo: null,
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '商城县',
    approvedOn: null,
    authority: null,
    standard: null,
    productCategory: '水产品',
  },
  {
    name: '固始鸡',
    kind: 'certification_mark',
    regNo: null,
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '固始县',
    approvedOn: null,
    authority: null,
    standard: null,
    productCategory: '畜禽',
  },
  {
    name: '潢川甲鱼',
    kind: 'product',
    regNo: null,
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '潢川县',
    approvedOn: null,
    authority: '原国家质量监督检验检疫总局',
    standard: null,
    productCategory: '水产品',
  },
  {
    name: '固始萝卜',
    kind: 'product',
    regNo: null,
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '固始县境内史河两岸',
    approvedOn: null,
    authority: '国家知识产权局',
    standard: null,
    productCategory: '蔬菜',
  },
  {
    name: '固始甲鱼',
    kind: 'product',
    regNo: null,
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '固始县境内史河以东区域',
    approvedOn: null,
    authority: '国家知识产权局',
    standard: null,
    productCategory: '水产品',
  },
  {
    name: '固始皇姑山茶',
    kind: 'product',
    regNo: null,
    niceClass: null,
    holder: null,
    holderUscc: null,
    areaText: '固始县武庙集镇境内皇姑山',
    approvedOn: null,
    authority: '国家知识产权局',
    standard: null,
    productCategory: '茶叶',
  },
];

/** Which synthetic firms use which GI: the GI, how many firms, their areas and industry. */
const GI_USER_PLAN: ReadonlyArray<{ gi: string; count: number; areas: readonly string[]; industry: IndustryKey; since: number }> = [
  { gi: '信阳毛尖', count: 30, areas: ['411502', '411503', '411521', '411522', '411523', '411524', 'nanwanhu', 'jigongshan'], industry: 'tea', since: 2006 },
  { gi: '信阳红', count: 10, areas: ['411502', '411503', '411521', '411524'], industry: 'tea', since: 2014 },
  { gi: '商城高山茶', count: 5, areas: ['411524'], industry: 'tea', since: 2022 },
  { gi: '固始鸡', count: 6, areas: ['411525'], industry: 'food', since: 2010 },
  { gi: '潢川甲鱼', count: 4, areas: ['411526'], industry: 'food', since: 2014 },
  { gi: '固始皇姑山茶', count: 3, areas: ['411525'], industry: 'tea', since: 2025 },
];

/**
 * Synthetic authorised users of the GIs: firms of the seed's holder pool (the same names, codes
 * and addresses as in its patents and trademarks). Announcement numbers are left empty.
 */
export function generateGiUsers(seed: number): GiUserRecord[] {
  const pool = poolFor(seed);
  const r = new Prng().seed(mix(pool.key, S_GI));
  const out: GiUserRecord[] = [];
  for (const plan of GI_USER_PLAN) {
    const areaIndexes = plan.areas.map((code) => AREA_PROFILES.findIndex((a) => a.code === code));
    const chosen = new Set<string>();
    for (let j = 0; chosen.size < plan.count && j < 400; j++) {
      for (const a of areaIndexes) {
        if (chosen.size >= plan.count) break;
        const firm = pool.firm(a, j);
        if (firm.industry !== plan.industry || firm.placement !== 'exact' || chosen.has(firm.name)) continue;
        chosen.add(firm.name);
        const sinceDay = yearStart(plan.since);
        const day = sinceDay + r.below(Math.max(1, LATEST - sinceDay));
        out.push({
          giName: plan.gi,
          firmName: firm.name,
          uscc: firm.uscc,
          address: firm.address,
          announcementNo: null,
          announcedOn: iso(day),
          status: r.next() < 0.9 ? 'active' : 'revoked',
        });
      }
    }
  }
  return out;
}

/** The GI users of the default demo seed. */
export const DEMO_GI_USERS: GiUserRecord[] = generateGiUsers(DEMO_DEFAULT_SEED);
