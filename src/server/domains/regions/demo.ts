import { systemActor } from '../../actor';
import type { AppContext } from '../../context';
import { saveFigure } from './service';

/**
 * 2020 figures for the counties whose census numbers the city bulletin gives only in a chart.
 * Invented so that per-capita indicators can be shown in demo mode; they add up with 潢川县's
 * official 636,700 to the city's official 6,234,401, and are flagged as estimates everywhere.
 */
export const DEMO_POPULATION_ESTIMATES: Readonly<Record<string, number>> = {
  '411502': 658_000,
  '411503': 742_000,
  '411521': 507_000,
  '411522': 624_000,
  '411523': 278_000,
  '411524': 519_000,
  '411525': 1_029_000,
  '411527': 569_000,
  '411528': 671_701,
};

export const DEMO_ESTIMATE_SOURCE = '演示估算（非官方数据）/ demo estimate, not an official figure';

/** Market entities per resident in the demo (about one firm or self-employed business per 12 people), growing 6 % a year from 2020. */
const DEMO_ENTITIES_PER_PERSON = 0.083;
const DEMO_ENTITY_YEARS = [2021, 2022, 2023, 2024, 2025];

export async function seedRegionsDemo(ctx: AppContext): Promise<number> {
  for (const [code, population] of Object.entries(DEMO_POPULATION_ESTIMATES)) {
    await saveFigure(ctx, systemActor, 'population', code, 2020, { value: population, source: DEMO_ESTIMATE_SOURCE, isEstimate: true, note: '按 2020 年全市普查总数分摊的演示数' });
  }
  const counties = { ...DEMO_POPULATION_ESTIMATES, '411526': 636_700 };
  for (const [code, population] of Object.entries(counties)) {
    for (const year of DEMO_ENTITY_YEARS) {
      const entities = Math.round(population * DEMO_ENTITIES_PER_PERSON * 1.06 ** (year - 2020));
      await saveFigure(ctx, systemActor, 'entities', code, year, { value: entities, source: DEMO_ESTIMATE_SOURCE, isEstimate: true, note: '按人口比例推算的演示数' });
    }
  }
  return Object.keys(DEMO_POPULATION_ESTIMATES).length;
}
