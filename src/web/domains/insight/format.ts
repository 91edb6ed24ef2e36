import type { IndicatorDefinition } from './api';

/** An indicator value with its own number of decimals; null (no denominator) as a dash. */
export function indicatorText(value: number | null, def: Pick<IndicatorDefinition, 'digits'> | undefined, lang: 'zh' | 'en'): string {
  if (value === null) return '—';
  const digits = def?.digits ?? 0;
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
