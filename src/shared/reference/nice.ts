import niceData from '../../../data/reference/nice.json';

/** A class of the Nice Classification of goods and services for trademarks. */
export interface NiceClass {
  /** 1–45. */
  n: number;
  /** Class heading as CNIPA's 类似商品和服务区分表 prints it. */
  zh: string;
  /** Class heading in English, shortened. */
  en: string;
  /** The common Chinese trade name of the class, e.g. 30 → 方便食品. */
  short: string;
}

export const NICE_CLASSES: readonly NiceClass[] = Object.freeze(
  niceData.classes.map((c) => Object.freeze({ n: c.n, zh: c.zh, en: c.en, short: c.short })),
);

export const NICE_EDITION: string = niceData.edition;

const BY_NUMBER = new Map(NICE_CLASSES.map((c) => [c.n, c]));

/** The Nice class with that number, or null outside 1–45. */
export function niceClass(n: number): NiceClass | null {
  return BY_NUMBER.get(n) ?? null;
}
