import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db/db';
import { indexTokens, searchVector } from '../../src/shared/search/tokenize';
import { createTestDb } from '../support/db';

/** The plain form: every token with its position, in text order, as PostgreSQL would take it unsorted. */
function plainVector(texts: string[], filters: string[]): string {
  let pos = 0;
  const parts: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const t of indexTokens(text).split(' ').filter(Boolean)) parts.push(`${t}:${Math.min(++pos, 16383)}`);
    pos++;
  }
  return [...parts, ...filters].join(' ');
}

describe('search vectors', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb('empty');
  });
  afterAll(() => db.close());

  const cases: Array<[string[], string[]]> = [
    [['一种信阳毛尖茶叶的加工方法', '通过杀青、揉捻和烘干加工毛尖，毛尖茶叶色泽翠绿。'], ['zc411502', 'ztinvention']],
    [['LED 灯具 A23F 3/06 led', '㐀㐁 字 𠀀𠀁 茶'], []],
    [['茶'.repeat(300) + '叶'], ['zy2021']],
    [[('毛尖 ').repeat(9000) + '末尾'], []],
    [['', '只有一个字：茶'], ['zsvalid']],
  ];

  it('are the vectors PostgreSQL builds from the plain token list, already in its order', async () => {
    for (const [texts, filters] of cases) {
      const ours = searchVector(texts, filters);
      const [row] = await db.query<{ same: boolean; canon: string }>('SELECT $1::tsvector = $2::tsvector AS same, $1::tsvector::text AS canon', [ours, plainVector(texts, filters)]);
      expect(row?.same, texts.join('|').slice(0, 40)).toBe(true);
      if (!/[㐀-䶿\u{20000}-\u{3ffff}]/u.test(texts.join(''))) {
        // Sorted and merged as stored (filters aside, which come last): PostgreSQL need not reorder.
        const withPositions = (v: string) => v.split(' ').filter((t) => t.includes(':'));
        expect(withPositions(row?.canon ?? '')).toEqual(withPositions(ours));
      }
    }
  });
});
