import locarnoData from '../../../data/reference/locarno.json';

/** A class of the Locarno Classification for industrial designs. */
export interface LocarnoClass {
  /** 1–32. */
  n: number;
  zh: string;
  en: string;
}

export const LOCARNO_CLASSES: readonly LocarnoClass[] = Object.freeze(
  locarnoData.classes.map((c) => Object.freeze({ n: c.n, zh: c.zh, en: c.en })),
);

export const LOCARNO_EDITION: string = locarnoData.edition;

const BY_NUMBER = new Map(LOCARNO_CLASSES.map((c) => [c.n, c]));

/** The Locarno class with that number, or null outside 1–32. */
export function locarnoClass(n: number): LocarnoClass | null {
  return BY_NUMBER.get(n) ?? null;
}
