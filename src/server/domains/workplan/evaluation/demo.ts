import { yearInChina } from '../../../../shared/registry/normalise';
import { systemActor } from '../../../actor';
import type { AppContext } from '../../../context';
import { EVALUATED_AREAS, compute, setManualValues, useDefault } from './service';

/** Deterministic synthetic figures per area for the default system's manual indicators. */
const DEMO_FIGURES: Record<string, (n: number) => number> = {
  judicial_cases_concluded_rate: (n) => 86 + ((n * 7) % 13),
  outreach_events: (n) => 4 + ((n * 5) % 11),
  protection_staff: (n) => 2 + ((n * 3) % 6),
};

/** The current year's evaluation: the default system, synthetic manual figures, one computed run. */
export async function seedEvaluationDemo(ctx: AppContext): Promise<Record<string, number>> {
  const year = yearInChina(ctx.clock.now().getTime());
  await useDefault(ctx, systemActor, year, { isDemo: true });
  const values = EVALUATED_AREAS.flatMap((areaCode, n) =>
    Object.entries(DEMO_FIGURES).map(([indicatorKey, f]) => ({ indicatorKey, areaCode, value: f(n + 1), note: '演示数据（虚构）' })),
  );
  await setManualValues(ctx, systemActor, year, { values }, { isDemo: true });
  await compute(ctx, systemActor, year, { isDemo: true });
  return { evaluationManualFigures: values.length, evaluationRuns: 1 };
}
