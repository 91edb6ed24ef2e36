import type { AreaView } from '../../app/api-types';
import type { Lang } from '../../app/i18n';

export const areaLabel = (a: Pick<AreaView, 'name' | 'nameEn'>, lang: Lang) => (lang === 'zh' ? a.name : a.nameEn);

/** Counties and districts: the units that carry population figures. */
export const isCountyLevel = (a: Pick<AreaView, 'kind'>) => a.kind === 'county' || a.kind === 'district';

export const OFFICIAL_COLOR = '#1d4ed8';
export const ESTIMATE_COLOR = '#fa8c16';
/** Diagonal hatching, so estimates differ from official figures without relying on colour alone. */
export const ESTIMATE_DECAL = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' };

export function axisNumber(v: number, lang: Lang): string {
  if (lang === 'zh') return v >= 10000 ? `${Math.round(v / 1000) / 10}万` : String(v);
  return v >= 1000 ? `${Math.round(v / 1000).toLocaleString('en-US')}k` : String(v);
}
