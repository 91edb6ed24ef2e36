import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, it, expect } from 'vitest';
import { IPC_CLASSES, IPC_SECTIONS, IPC_SUBCLASSES, ipcClass, ipcSection, ipcSubclass, ipcTitle } from './ipc';
import { LOCARNO_CLASSES, locarnoClass } from './locarno';
import { NICE_CLASSES, niceClass } from './nice';

const INDUSTRIES_CSV = new URL('../../../data/reference/industries-demo.csv', import.meta.url);

describe('IPC reference data', () => {
  it('has the eight sections A–H', () => {
    expect(IPC_SECTIONS.map((s) => s.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    for (const s of IPC_SECTIONS) expect(s.zh && s.en).toBeTruthy();
  });

  it('has every class once, each inside a known section and titled in both languages', () => {
    const codes = IPC_CLASSES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(130);
    const sections = new Set(IPC_SECTIONS.map((s) => s.code));
    for (const c of IPC_CLASSES) {
      expect(c.code).toMatch(/^[A-H]\d{2}$/);
      expect(sections.has(c.code.charAt(0))).toBe(true);
      expect(c.zh.trim()).not.toBe('');
      expect(c.en.trim()).not.toBe('');
    }
    // Each section ends with its catch-all class.
    for (const s of sections) expect(codes).toContain(`${s}99`);
  });

  it('lists subclasses only under known classes', () => {
    const classes = new Set(IPC_CLASSES.map((c) => c.code));
    for (const s of IPC_SUBCLASSES) {
      expect(s.code).toMatch(/^[A-H]\d{2}[A-Z]$/);
      expect(classes.has(s.code.slice(0, 3))).toBe(true);
    }
  });

  it('knows the titles of familiar classes', () => {
    expect(ipcClass('A01')).toMatchObject({ zh: '农业；林业；畜牧业；狩猎；诱捕；捕鱼' });
    expect(ipcClass('A01')?.en).toMatch(/^Agriculture/);
    expect(ipcClass('C04')?.zh).toBe('水泥；混凝土；人造石；陶瓷；耐火材料');
    expect(ipcClass('C04')?.en).toMatch(/Cements.*ceramics/);
    expect(ipcClass('H04')).toMatchObject({ zh: '电通信技术', en: 'Electric communication technique' });
  });

  it('finds the section and class of a code at any level', () => {
    expect(ipcSection('C04B 14/18')?.code).toBe('C');
    expect(ipcSection('C')?.zh).toBe('化学；冶金');
    expect(ipcClass('C04B 14/18')?.code).toBe('C04');
    expect(ipcClass('C04B1418')?.code).toBe('C04');
    expect(ipcClass('C')).toBeNull();
    expect(ipcSubclass('H04W 4/00')?.code).toBe('H04W');
    expect(ipcSubclass('A01K 61/00')).toBeNull();
  });

  it('gives the most specific known title', () => {
    const title = ipcTitle('C04B 14/18', 'zh');
    expect([ipcClass('C04')?.zh, ipcSubclass('C04B')?.zh]).toContain(title);
    expect(ipcTitle('A01B 1/00', 'en')).toBe(ipcSubclass('A01B')?.en ?? ipcClass('A01')?.en);
    expect(ipcTitle('A01K 61/00', 'zh')).toBe('农业；林业；畜牧业；狩猎；诱捕；捕鱼');
    expect(ipcTitle('A01', 'en')).toBe('Agriculture; forestry; animal husbandry; hunting; trapping; fishing');
    expect(ipcTitle('A', 'zh')).toBe('人类生活必需');
    expect(ipcTitle('h04w', 'en')).toBe('Wireless communication networks');
  });

  it('returns null for codes it does not know', () => {
    for (const code of ['', 'Z', 'I01', 'A00', 'A02B 1/00', 'A01BB', 'A01B 1/', '01B', 'C04B 14/18 extra']) {
      expect(ipcTitle(code, 'zh'), code).toBeNull();
    }
    expect(ipcSection('Y02E')).toBeNull();
    expect(ipcClass('A02')).toBeNull();
  });
});

describe('Nice reference data', () => {
  it('has exactly the 45 classes 1–45 with both headings and a short name', () => {
    expect(NICE_CLASSES.map((c) => c.n)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    for (const c of NICE_CLASSES) {
      expect(c.zh.trim()).not.toBe('');
      expect(c.en.trim()).not.toBe('');
      expect(c.short.trim()).not.toBe('');
      expect([...c.short].length).toBeLessThanOrEqual(8);
    }
  });

  it('looks classes up by number', () => {
    expect(niceClass(30)).toMatchObject({ n: 30, short: '方便食品' });
    expect(niceClass(30)?.zh).toMatch(/^咖啡、茶、可可及其代用品/);
    expect(niceClass(5)?.short).toBe('医药');
    expect(niceClass(35)?.en).toMatch(/^Advertising/);
    expect(niceClass(0)).toBeNull();
    expect(niceClass(46)).toBeNull();
    expect(niceClass(1.5)).toBeNull();
  });
});

describe('Locarno reference data', () => {
  it('has exactly the 32 classes 1–32', () => {
    expect(LOCARNO_CLASSES.map((c) => c.n)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const c of LOCARNO_CLASSES) {
      expect(c.zh.trim()).not.toBe('');
      expect(c.en.trim()).not.toBe('');
    }
  });

  it('looks classes up by number', () => {
    expect(locarnoClass(1)).toMatchObject({ zh: '食品', en: 'Foodstuffs' });
    expect(locarnoClass(33)).toBeNull();
  });
});

describe('industries-demo.csv', () => {
  const records = Papa.parse<string[]>(readFileSync(INDUSTRIES_CSV, 'utf8'), { skipEmptyLines: true }).data;
  const [header, ...rows] = records;

  it('starts with the exact header', () => {
    expect(header).toEqual(['industry_code', 'industry_name', 'ipc', 'keywords']);
  });

  it('maps IPC prefixes to the nine industries', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const names = new Map<string, string>();
    const keys = new Set<string>();
    for (const row of rows) {
      expect(row).toHaveLength(4);
      const [code = '', name = '', ipc = '', keywords = ''] = row;
      expect(code).toMatch(/^[1-9]$/);
      expect(name).not.toBe('');
      expect(names.get(code) ?? name, `one name per industry code ${code}`).toBe(name);
      names.set(code, name);
      expect(ipc).toMatch(/^[A-H](\d{2}([A-Z]( \d{1,4}(\/\d{1,6})?)?)?)?$/);
      for (const k of keywords ? keywords.split('|') : []) expect(k.trim()).not.toBe('');
      expect(keys.has(`${code} ${ipc}`), `duplicate row ${code} ${ipc}`).toBe(false);
      keys.add(`${code} ${ipc}`);
    }
    expect([...names.keys()].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it("covers Xinyang's industries and leaves tea processing out", () => {
    const has = (code: string, ipc: string) => rows.some((r) => r[0] === code && r[2] === ipc);
    for (const ipc of ['C04B 14', 'C01B 33', 'C04B 35', 'B01J 20']) expect(has('3', ipc), ipc).toBe(true);
    for (const ipc of ['A61K', 'A61P', 'C12N', 'A61K 9/70', 'A61K 36']) expect(has('4', ipc), ipc).toBe(true);
    for (const ipc of ['H01M', 'H02J', 'F03D', 'H02S']) expect(has('6', ipc), ipc).toBe(true);
    expect(has('5', 'B60L') && has('5', 'H01M 10')).toBe(true);
    expect(has('8', 'G06T') && has('8', 'H04N 21')).toBe(true);
    expect(rows.some((r) => (r[2] ?? '').startsWith('A23F'))).toBe(false);
  });
});
