import regionsData from '../../../data/reference/regions.json';
import { stripSpaces, toHalfWidth } from './fullwidth';

export type AreaKind = 'city' | 'district' | 'county' | 'zone';

export interface Area {
  /** GB/T 2260 code for the city, districts and counties; a slug for management zones. */
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
  kind: AreaKind;
  parent: string | null;
  /** Statistical code some zones have (e.g. 411571 for the hi-tech zone). */
  statCode?: string;
  aliases: readonly string[];
}

export type RegionLevel = 'zone' | 'county' | 'city';

export interface RegionMatch {
  code: string;
  level: RegionLevel;
}

export const CITY_CODE = '411500';

type RawArea = (typeof regionsData.areas)[number];

const AREA_KINDS: readonly string[] = ['city', 'district', 'county', 'zone'];

function isAreaKind(kind: string): kind is AreaKind {
  return AREA_KINDS.includes(kind);
}

function toArea(raw: RawArea): Area {
  if (!isAreaKind(raw.kind)) throw new Error(`regions.json: unknown kind "${raw.kind}" for ${raw.code}`);
  return Object.freeze({
    code: raw.code,
    name: raw.name,
    shortName: raw.shortName,
    nameEn: raw.nameEn,
    kind: raw.kind,
    parent: raw.parent,
    ...(raw.statCode ? { statCode: raw.statCode } : {}),
    aliases: Object.freeze([...raw.aliases]),
  });
}

export const AREAS: readonly Area[] = Object.freeze(regionsData.areas.map(toArea));

const AREA_BY_CODE = new Map(AREAS.map((a) => [a.code, a]));

export function areaByCode(code: string): Area | undefined {
  return AREA_BY_CODE.get(code);
}

export function isAreaCode(code: string): boolean {
  return AREA_BY_CODE.has(code);
}

function levelOf(area: Area): RegionLevel {
  if (area.kind === 'zone') return 'zone';
  return area.kind === 'city' ? 'city' : 'county';
}

const XINYANG = '信阳';
const XINYANG_CITY = '信阳市';
// Country and province names that may precede a Xinyang name without changing its meaning.
const HOME_PREFIX = /^(?:中华人民共和国|中国)?(?:河南省|河南)?/;
// Any of these before the first Xinyang name means the address is in another province or city.
const FOREIGN_DIVISION = /省|市|自治区|特别行政区/;
// Every prefecture has a 高新区, so these only count next to a Xinyang name.
const CONTEXT_ONLY_ZONE_ALIASES: ReadonlySet<string> = new Set(['高新区', '高新技术产业开发区']);

interface Needle {
  text: string;
  area: Area;
}

function uniqueNames(area: Area, names: readonly string[]): Needle[] {
  return [...new Set(names)].map((text) => ({ text, area }));
}

const byLengthDesc = (a: Needle, b: Needle): number => b.text.length - a.text.length;

const ZONE_NEEDLES: readonly Needle[] = AREAS.filter((a) => a.kind === 'zone')
  .flatMap((a) => uniqueNames(a, [a.name, a.shortName, ...a.aliases]))
  .sort(byLengthDesc);

const COUNTY_AREAS = AREAS.filter((a) => a.kind === 'county' || a.kind === 'district');

const COUNTY_NEEDLES: readonly Needle[] = COUNTY_AREAS.map((a) => ({ text: a.name, area: a }));

// Short names such as 商城 or 平桥 also occur in ordinary words (万达商城), so they are only
// trusted right after 信阳(市) or at the start of the address.
const COUNTY_SHORT_NEEDLES: readonly Needle[] = COUNTY_AREAS.flatMap((a) =>
  uniqueNames(a, [a.shortName, ...a.aliases].filter((n) => n !== a.name)),
).sort(byLengthDesc);

function indicesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

interface Hit {
  area: Area;
  index: number;
}

/** Earliest accepted occurrence among the needles; ties go to the longer needle. */
function earliestHit(s: string, needles: readonly Needle[], accept: (index: number) => boolean): Hit | null {
  let best: Hit | null = null;
  for (const n of needles) {
    const index = indicesOf(s, n.text).find(accept);
    if (index !== undefined && (best === null || index < best.index)) best = { area: n.area, index };
  }
  return best;
}

/**
 * Resolves the most specific Xinyang area an address names: a management zone, then a county or
 * district, then the city itself. Returns null for addresses outside Xinyang or with no Xinyang name.
 */
export function resolveRegionFromAddress(address: string): RegionMatch | null {
  const s = stripSpaces(toHalfWidth(address));
  if (s === '') return null;
  const start = HOME_PREFIX.exec(s)?.[0].length ?? 0;

  const xinyangIndex = s.indexOf(XINYANG);
  const county = earliestHit(s, COUNTY_NEEDLES, () => true);
  const shortCounty = earliestHit(
    s,
    COUNTY_SHORT_NEEDLES,
    (i) => i === start || s.slice(0, i).endsWith(XINYANG_CITY) || s.slice(0, i).endsWith(XINYANG),
  );
  const firstMarker = Math.min(
    ...[xinyangIndex, county?.index ?? -1, shortCounty?.index ?? -1].filter((i) => i >= 0),
  );

  // Longest alias first, so 上天梯管理区 wins over 上天梯 and 信阳高新区 over 高新区.
  let zone: Hit | null = null;
  for (const n of ZONE_NEEDLES) {
    const contextOnly = CONTEXT_ONLY_ZONE_ALIASES.has(n.text);
    const index = indicesOf(s, n.text).find((i) => !contextOnly || i === start || firstMarker < i);
    if (index !== undefined) {
      zone = { area: n.area, index };
      break;
    }
  }

  const anchor = Math.min(firstMarker, zone?.index ?? Infinity);
  if (!Number.isFinite(anchor)) return null;
  if (FOREIGN_DIVISION.test(s.slice(start, anchor))) return null;

  const hit = zone ?? county ?? shortCounty;
  if (hit) return { code: hit.area.code, level: levelOf(hit.area) };
  return { code: CITY_CODE, level: 'city' };
}

/**
 * Maps the region code in a unified social credit code (characters 3–8) to a Xinyang area.
 * Only exact GB/T 2260 or zone statistical codes are recognised.
 */
export function resolveRegionFromUsccRegionCode(code6: string): RegionMatch | null {
  if (!/^\d{6}$/.test(code6)) return null;
  const area = AREAS.find((a) => (a.kind === 'zone' ? a.statCode === code6 : a.code === code6));
  return area ? { code: area.code, level: levelOf(area) } : null;
}
