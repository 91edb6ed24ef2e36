import { AREAS } from '../../../../shared/validators/region';
import type { Lang, Translate } from '../../../app/i18n';
import type { LandscapeKind, LandscapeView } from '../api';

/** An IPC area as users write it: a main group 'A23F 3' shows as 'A23F 3/00' (the whole group). */
export function ipcAreaText(code: string): string {
  return /^[A-H]\d{2}[A-Z] \d+$/.test(code) ? `${code}/00` : code;
}

export const kindName = (t: Translate, kind: LandscapeKind | string) => t(`ls.kind.${kind as LandscapeKind}`);
export const kindHint = (t: Translate, kind: LandscapeKind | string) => t(`ls.kindHint.${kind as LandscapeKind}`);

export const KIND_COLORS: Record<LandscapeKind, string> = { regional: 'blue', industry: 'green', enterprise: 'purple', research: 'cyan', talent: 'gold' };

type Field = Pick<LandscapeView, 'ipc' | 'keywords' | 'combine' | 'yearFrom' | 'yearTo'>;

/** The years a field covers: 2015–2025. */
export const yearSpan = (f: Pick<Field, 'yearFrom' | 'yearTo'>) => (f.yearFrom === f.yearTo ? String(f.yearFrom) : `${f.yearFrom}–${f.yearTo}`);

/** The parts of a field in words: IPC areas, words, how they combine, years. */
export function fieldParts(t: Translate, f: Field): string[] {
  const sep = t('ls.listSep');
  const out: string[] = [];
  // A code never breaks across lines (C01B 39/02).
  if (f.ipc.length) out.push(`${t('ls.ipc')} ${f.ipc.map((c) => ipcAreaText(c).replace(' ', '\u00a0')).join(sep)}`);
  if (f.keywords.length) out.push(`${t('ls.words')} ${f.keywords.join(sep)}`);
  const years = t('ls.filedIn', { years: yearSpan(f) });
  out.push(f.ipc.length && f.keywords.length ? `${years} · ${t(f.combine === 'all' ? 'ls.combineAllShort' : 'ls.combineAnyShort')}` : years);
  return out;
}

/** Two fields are the same search (a run made before the project was edited differs). */
export const sameField = (a: Field, b: Field) =>
  a.combine === b.combine && a.yearFrom === b.yearFrom && a.yearTo === b.yearTo && a.ipc.join('|') === b.ipc.join('|') && a.keywords.join('|') === b.keywords.join('|');

/** A county, district or zone by its code, in the UI language (as the dashboard names them). */
export function areaText(code: string | null, lang: Lang, fallback?: string | null): string | null {
  if (!code) return fallback ?? null;
  const a = AREAS.find((x) => x.code === code);
  return a ? (lang === 'zh' ? a.name : a.nameEn) : (fallback ?? code);
}

/** 0.667 → 66.7%. */
export const percentText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** +12 / −3 / ±0. */
export const deltaText = (n: number) => (n > 0 ? `+${n.toLocaleString('en-US')}` : n < 0 ? `−${Math.abs(n).toLocaleString('en-US')}` : '±0');
