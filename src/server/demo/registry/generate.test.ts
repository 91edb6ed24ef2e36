import { beforeAll, describe, expect, it } from 'vitest';
import { isPersonName, normaliseIpc, parseLegalStatus, parsePublicationNumber, parseTrademarkStatus } from '../../../shared/registry/normalise';
import type { GiRecord, GiUserRecord, PatentRecord, TrademarkRecord } from '../../../shared/registry/types';
import { validateGiRow, validateGiUserRow, validatePatentRow, validateTrademarkRow } from '../../../shared/registry/validate';
import { areaByCode, parseApplicationNumber, parseUscc, resolveRegionFromAddress } from '../../../shared/validators';
import {
  DEMO_GI_USERS,
  DEMO_GIS,
  DEMO_LATEST_DATE,
  generateGiUsers,
  generatePatents,
  generatePatentsDetailed,
  generateTrademarks,
  type GeneratedPatent,
} from './generate';
import { AREA_PROFILES } from './vocabulary';

const PATENTS = 20_000;
const TRADEMARKS = 5_000;
const today = DEMO_LATEST_DATE;

// Built after the throughput check: once many records are kept alive, V8 allocates later ones
// straight in the old generation and the measured rate no longer reflects streaming use.
let patents: GeneratedPatent[] = [];
let trademarks: TrademarkRecord[] = [];
function buildSamples(): void {
  if (patents.length === 0) patents = [...generatePatentsDetailed(1, PATENTS)];
  if (trademarks.length === 0) trademarks = [...generateTrademarks(1, TRADEMARKS)];
}

const TYPE_LABEL = { invention: '发明', utility: '实用新型', design: '外观设计' } as const;
const joined = (list: ReadonlyArray<string | null>): string => list.map((x) => x ?? '').join(';');

/** A patent as a row of an import file (keys of fields.ts, lists joined with ';'). */
function patentRow(p: PatentRecord): Record<string, unknown> {
  return {
    appNo: p.appNo,
    appDate: p.appDate,
    type: TYPE_LABEL[p.type],
    pubNo: p.pubNo,
    pubDate: p.pubDate,
    grantNo: p.grantNo,
    grantDate: p.grantDate,
    title: p.title,
    abstract: p.abstract,
    applicants: p.applicants.join(';'),
    patentees: p.patentees.join(';'),
    applicantUsccs: joined(p.applicantUsccs),
    address: p.address,
    inventors: p.inventors.join(';'),
    ipcMain: p.ipcMain,
    ipc: p.ipc.join(';'),
    status: p.statusRaw,
    statusDate: p.statusDate,
    agency: p.agency,
    agents: p.agents.join(';'),
    priority: p.priority,
    family: p.family.join(';'),
    claimsCount: p.claimsCount,
    provinceCode: p.provinceCode,
  };
}

function trademarkRow(t: TrademarkRecord): Record<string, unknown> {
  return {
    regNo: t.regNo,
    niceClass: `第${t.niceClass}类`,
    name: t.name,
    appDate: t.appDate,
    regDate: t.regDate,
    termStart: t.termStart,
    termEnd: t.termEnd,
    applicants: t.applicants.join(';'),
    applicantUsccs: joined(t.applicantUsccs),
    address: t.address,
    markType: { ordinary: '普通商标', collective: '集体商标', certification: '证明商标', special: '特殊商标' }[t.markType],
    status: t.statusRaw,
    goods: t.goods,
    agency: t.agency,
  };
}

function giRow(g: GiRecord): Record<string, unknown> {
  return { ...g, kind: { product: '地理标志产品', certification_mark: '地理标志证明商标', collective_mark: '地理标志集体商标' }[g.kind] };
}

function giUserRow(u: GiUserRecord): Record<string, unknown> {
  return { ...u, status: { active: '有效', revoked: '撤销', unknown: '' }[u.status] };
}

/** The area a credit code registered in an area carries: the county, or a zone's host county or statistical code. */
function usccRegionsOf(area: string): string[] {
  const a = areaByCode(area);
  if (!a) return [];
  if (a.kind !== 'zone') return [a.code];
  return [a.parent ?? '', ...(a.statCode ? [a.statCode] : [])];
}

describe('throughput', () => {
  it('streams patents fast (printed, not asserted)', () => {
    const n = 200_000;
    const start = performance.now();
    let count = 0;
    for (const p of generatePatents(3, n)) count += p.applicants.length > 0 ? 1 : 0;
    const seconds = (performance.now() - start) / 1000;
    console.log(`generatePatents: ${count} records in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} records/s`);
  });
});

describe('generatePatents', () => {
  beforeAll(buildSamples);

  it('is deterministic: same seed, same records; another seed, other records; a run is a prefix of a longer one', () => {
    const a = [...generatePatents(1, 1000)];
    const b = [...generatePatents(1, 1000)];
    expect(b).toEqual(a);
    expect(a).toEqual(patents.slice(0, 1000).map((p) => p.record));
    const other = [...generatePatents(2, 1000)];
    expect(other.filter((p, i) => p.appNo === a[i]?.appNo).length).toBeLessThan(50);
    expect(other.map((p) => p.applicants[0])).not.toEqual(a.map((p) => p.applicants[0]));
    expect([...generatePatents(1, 300)]).toEqual(a.slice(0, 300));
  });

  it('gives every record valid numbers, codes, dates and classes', () => {
    // Problems are collected rather than asserted one by one: 20,000 records × 30 checks.
    const problems: string[] = [];
    const check = (ok: boolean, p: PatentRecord, what: string) => {
      if (!ok && problems.length < 20) problems.push(`${p.appNo}: ${what}`);
    };
    for (const { record: p } of patents) {
      const no = parseApplicationNumber(p.appNo);
      check(no.ok && no.canonical === p.appNo && no.type === p.type && no.pct === p.pct, p, 'application number');
      check(no.ok && no.year >= Number(p.appDate.slice(0, 4)), p, 'number year before filing year');

      check(p.applicants.length >= 1 && p.applicants.length <= 3, p, 'applicant count');
      check(p.applicantUsccs.length === p.applicants.length, p, 'credit codes not aligned');
      for (const code of p.applicantUsccs) check(code === null || parseUscc(code).ok, p, `credit code ${code}`);
      for (const name of p.applicants) check(isPersonName(name) === !/公司|大学|学院/.test(name), p, `person or organisation: ${name}`);

      check(p.appDate >= '2000-01-01' && p.appDate <= today, p, 'application date');
      check(!p.pubDate || (p.pubDate >= p.appDate && p.pubDate <= today), p, 'publication date');
      check(!p.grantDate || (p.grantDate >= (p.pubDate ?? p.appDate) && p.grantDate <= today), p, 'grant date');
      check(!p.statusDate || (p.statusDate >= p.appDate && p.statusDate <= today), p, 'status date');
      check(parseLegalStatus(p.statusRaw).status === p.status, p, `status wording ${p.statusRaw}`);

      if (p.type === 'design') {
        check(p.ipc.length === 0 && p.ipcMain === null && p.claimsCount === null, p, 'design with IPC or claims');
      } else {
        check(p.ipcMain === p.ipc[0] && p.ipc.length >= 1 && p.ipc.length <= 4 && new Set(p.ipc).size === p.ipc.length, p, 'IPC list');
        for (const code of p.ipc) {
          const r = normaliseIpc(code);
          check(r.ok && r.code === code, p, `IPC ${code}`);
        }
        check((p.claimsCount ?? 0) >= 1, p, 'claims');
      }

      if (p.pubNo) {
        const r = parsePublicationNumber(p.pubNo);
        check(r.ok && r.kind === 'A' && r.type === 'invention', p, `publication number ${p.pubNo}`);
        // 'CN' + 9 digits + A from 2007, 7 digits before.
        check(p.pubNo.length === (p.pubDate! >= '2007-01-01' ? 12 : 10), p, `publication number length ${p.pubNo}`);
      }
      if (p.grantNo) {
        const r = parsePublicationNumber(p.grantNo);
        check(r.ok && r.grant && r.type === p.type, p, `grant number ${p.grantNo}`);
        if (p.type === 'invention') check(p.grantNo.slice(0, -1) === p.pubNo?.slice(0, -1), p, 'grant number differs from publication');
      }
      check(!(p.type === 'invention' && p.status === 'valid') || p.grantNo !== null, p, 'valid invention without grant');
      check(p.status !== 'pending' || p.grantNo === null, p, 'pending with grant');
      // Inventions are published 18 months after filing: a younger one has no publication number.
      check(!(p.type === 'invention' && !p.pct && p.appDate > '2025-05-20') || p.pubNo === null, p, 'published too early');

      check(p.inventors.length >= 1 && p.inventors.length <= 5, p, 'inventors');
      check(p.title.length >= 2, p, 'title');
      check(p.provinceCode !== null, p, 'province code');
    }
    expect(problems).toEqual([]);
  });

  it('renders rows that the import validator accepts unchanged', () => {
    for (const { record } of patents) {
      const r = validatePatentRow(patentRow(record), { today });
      if (!r.ok) throw new Error(`${record.appNo}: ${JSON.stringify(r.problems)}`);
      expect(r.warnings).toEqual([]);
      expect(r.record).toEqual(record);
    }
  });

  it('has no duplicate application or publication numbers', () => {
    const appNos = new Set(patents.map((p) => p.record.appNo));
    expect(appNos.size).toBe(PATENTS);
    const pubNos = patents.map((p) => p.record.pubNo).filter((n): n is string => n !== null);
    expect(new Set(pubNos).size).toBe(pubNos.length);
    const grants = patents.map((p) => p.record.grantNo).filter((n): n is string => n !== null);
    expect(new Set(grants).size).toBe(grants.length);
  });

  it('mixes types, years, statuses and applicants like a prefecture city', () => {
    const share = (f: (p: PatentRecord) => boolean) => patents.filter((p) => f(p.record)).length / PATENTS;
    expect(Math.abs(share((p) => p.type === 'invention') - 0.22)).toBeLessThan(0.05);
    expect(Math.abs(share((p) => p.type === 'utility') - 0.58)).toBeLessThan(0.05);
    expect(Math.abs(share((p) => p.type === 'design') - 0.2)).toBeLessThan(0.05);
    expect(share((p) => p.appDate >= '2016' && p.appDate < '2026')).toBeGreaterThan(0.6);
    expect(share((p) => p.appDate < '2003-10-01')).toBeGreaterThan(0);
    expect(Math.abs(share((p) => p.status === 'valid') - 0.35)).toBeLessThan(0.06);
    for (const s of ['pending', 'lapsed', 'expired', 'withdrawn', 'rejected'] as const) expect(share((p) => p.status === s)).toBeGreaterThan(0.005);
    expect(share((p) => p.applicants.length > 1)).toBeGreaterThan(0.1);
    expect(share((p) => p.applicants.length > 1)).toBeLessThan(0.2);
    expect(share((p) => /大学|学院/.test(p.applicants[0] ?? ''))).toBeGreaterThan(0.07);
    expect(share((p) => isPersonName(p.applicants[0]))).toBeGreaterThan(0.05);
    expect(share((p) => p.agency !== null)).toBeGreaterThan(0.6);
    expect(share((p) => p.agency !== null)).toBeLessThan(0.8);
    expect(share((p) => p.pct)).toBeGreaterThan(0.002);
    expect(share((p) => p.pct)).toBeLessThan(0.01);
  });

  it('covers every county and zone, and addresses resolve to the intended area', () => {
    const seen = new Set(patents.map((p) => p.area));
    for (const a of AREA_PROFILES) expect(seen.has(a.code), a.code).toBe(true);
    const exact = patents.filter((p) => p.placement === 'exact');
    const resolved = exact.filter((p) => resolveRegionFromAddress(p.record.address ?? '')?.code === p.area);
    expect(resolved.length / exact.length).toBeGreaterThanOrEqual(0.95);
    const resolvedAreas = new Set(exact.map((p) => resolveRegionFromAddress(p.record.address ?? '')?.code));
    for (const a of AREA_PROFILES) expect(resolvedAreas.has(a.code), a.code).toBe(true);
    // A few holders give only the city or an address elsewhere.
    const others = patents.filter((p) => p.placement !== 'exact');
    expect(others.length / PATENTS).toBeGreaterThan(0.005);
    expect(others.length / PATENTS).toBeLessThan(0.04);
    for (const p of others) {
      const m = resolveRegionFromAddress(p.record.address ?? '');
      expect(m === null || m.level === 'city', p.record.address ?? '').toBe(true);
    }
    // Credit codes carry the region of the first applicant's area.
    for (const p of exact) {
      const code = p.record.applicantUsccs[0];
      if (code && !/大学|学院/.test(p.record.applicants[0] ?? '')) expect(usccRegionsOf(p.area)).toContain(code.slice(2, 8));
    }
  });

  it('reuses holders: one firm, one credit code and one address', () => {
    const byName = new Map<string, { uscc: string | null; address: string | null }>();
    const codes = new Map<string, string>();
    const check = (name: string, uscc: string | null, address: string | null) => {
      const seen = byName.get(name);
      if (seen) expect(seen.uscc, name).toBe(uscc);
      else byName.set(name, { uscc, address });
      if (address !== null && seen && seen.address !== null) expect(seen.address, name).toBe(address);
      if (uscc) {
        const owner = codes.get(uscc);
        if (owner) expect(owner, uscc).toBe(name);
        else codes.set(uscc, name);
      }
    };
    const counts = new Map<string, number>();
    for (const { record: p } of patents) {
      p.applicants.forEach((name, i) => {
        if (isPersonName(name)) return;
        check(name, p.applicantUsccs[i] ?? null, i === 0 ? p.address : null);
        if (i === 0) counts.set(name, (counts.get(name) ?? 0) + 1);
      });
    }
    for (const t of trademarks) if (!isPersonName(t.applicants[0])) check(t.applicants[0] ?? '', t.applicantUsccs[0] ?? null, t.address);
    for (const u of generateGiUsers(1)) check(u.firmName, u.uscc, u.address);
    // A pool of about one holder per dozen patents, with a few firms owning many.
    expect(counts.size).toBeGreaterThan(PATENTS / 30);
    expect(counts.size).toBeLessThan(PATENTS / 6);
    expect(Math.max(...counts.values())).toBeGreaterThan(50);
  });

  it('varies its titles', () => {
    const titles = new Set(patents.map((p) => p.record.title));
    expect(titles.size).toBeGreaterThanOrEqual(5000);
  });
});

describe('generateTrademarks', () => {
  beforeAll(buildSamples);

  it('is deterministic and prefix-stable', () => {
    const a = [...generateTrademarks(1, 500)];
    expect([...generateTrademarks(1, 500)]).toEqual(a);
    expect(a).toEqual(trademarks.slice(0, 500));
    expect([...generateTrademarks(2, 500)].map((t) => t.regNo)).not.toEqual(a.map((t) => t.regNo));
  });

  it('gives valid, unique numbers, classes, terms and statuses that the validator accepts', () => {
    const keys = new Set<string>();
    for (const t of trademarks) {
      expect(t.regNo).toMatch(/^\d{7,8}$/);
      expect(t.niceClass).toBeGreaterThanOrEqual(1);
      expect(t.niceClass).toBeLessThanOrEqual(45);
      keys.add(`${t.regNo}/${t.niceClass}`);
      expect([...t.name].length).toBeGreaterThanOrEqual(2);
      expect([...t.name].length).toBeLessThanOrEqual(4);
      expect(t.appDate! >= '2000-01-01' && t.appDate! <= today).toBe(true);
      if (t.regDate) {
        expect(t.regDate >= t.appDate! && t.regDate <= today).toBe(true);
        expect(t.termStart! >= t.regDate).toBe(true);
        // A term of ten years ends the day before the anniversary.
        const start = new Date(`${t.termStart}T00:00:00Z`);
        start.setUTCFullYear(start.getUTCFullYear() + 10);
        start.setUTCDate(start.getUTCDate() - 1);
        if (!t.termStart!.endsWith('02-29')) expect(t.termEnd).toBe(start.toISOString().slice(0, 10));
      } else {
        expect(t.termStart).toBeNull();
        expect(['pending', 'rejected']).toContain(t.status);
      }
      expect(parseTrademarkStatus(t.statusRaw).status).toBe(t.status);
      for (const code of t.applicantUsccs) if (code) expect(parseUscc(code).ok).toBe(true);
      const r = validateTrademarkRow(trademarkRow(t), { today });
      if (!r.ok) throw new Error(`${t.regNo}: ${JSON.stringify(r.problems)}`);
      expect(r.record).toEqual(t);
    }
    expect(keys.size).toBe(TRADEMARKS);
    const share = (f: (t: TrademarkRecord) => boolean) => trademarks.filter(f).length / TRADEMARKS;
    expect(share((t) => t.status === 'registered')).toBeGreaterThan(0.5);
    for (const s of ['pending', 'expired', 'cancelled', 'rejected'] as const) expect(share((t) => t.status === s)).toBeGreaterThan(0.005);
    expect(share((t) => t.niceClass === 30)).toBeGreaterThan(0.15);
    expect(share((t) => t.agency !== null)).toBeGreaterThan(0.45);
    expect(share((t) => t.agency !== null)).toBeLessThan(0.75);
    expect(share((t) => t.termEnd !== null && t.termEnd > today)).toBeGreaterThan(0.3);
    // Firms of the patent pool file marks too.
    const patentFirms = new Set(patents.flatMap((p) => p.record.applicants));
    expect(share((t) => patentFirms.has(t.applicants[0] ?? ''))).toBeGreaterThan(0.3);
  });
});

describe('geographical indications', () => {
  it('lists GIs that the validator accepts unchanged', () => {
    expect(new Set(DEMO_GIS.map((g) => `${g.name}/${g.kind}`)).size).toBe(DEMO_GIS.length);
    for (const g of DEMO_GIS) {
      const r = validateGiRow(giRow(g), { today });
      if (!r.ok) throw new Error(`${g.name}: ${JSON.stringify(r.problems)}`);
      expect(r.record).toEqual(g);
    }
  });

  it('has synthetic users of those GIs, taken from the holder pool', () => {
    expect(DEMO_GI_USERS.length).toBeGreaterThanOrEqual(40);
    expect(DEMO_GI_USERS.length).toBeLessThanOrEqual(80);
    const names = new Set(DEMO_GIS.map((g) => g.name));
    const pairs = new Set<string>();
    for (const u of DEMO_GI_USERS) {
      expect(names.has(u.giName), u.giName).toBe(true);
      pairs.add(`${u.giName}/${u.firmName}`);
      if (u.uscc) expect(parseUscc(u.uscc).ok).toBe(true);
      expect(resolveRegionFromAddress(u.address ?? '')?.level).not.toBe('city');
      const r = validateGiUserRow(giUserRow(u), { today });
      if (!r.ok) throw new Error(`${u.firmName}: ${JSON.stringify(r.problems)}`);
      expect(r.record).toEqual(u);
    }
    expect(pairs.size).toBe(DEMO_GI_USERS.length);
    expect(generateGiUsers(1)).toEqual(generateGiUsers(1));
  });
});
