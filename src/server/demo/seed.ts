import { todayInChina } from '../../shared/registry/normalise';
import { seededRng } from '../../shared/random';
import { systemActor } from '../actor';
import type { AppContext } from '../context';
import type { Queryable } from '../db/db';
import { seedIdentityDemo } from '../domains/identity/demo';
import { recordAudit } from '../domains/identity/audit/service';
import { readSetting, writeSetting } from '../db/settings';
import { seedRegionsDemo } from '../domains/regions/demo';
import { seedRegistryDemo, type RegistryDemoSize } from '../domains/registry/demo';
import { seedInsightDemo } from '../domains/insight/demo';
import { seedProtectionDemo } from '../domains/protection/demo';
import { seedMediationDemo } from '../domains/protection/mediation/demo';
import { seedDisclosureDemo } from '../domains/protection/disclosure/demo';
import { seedCasesDemo } from '../domains/protection/cases/demo';
import { seedCreditDemo } from '../domains/protection/credit/demo';
import { seedWorkplanDemo } from '../domains/workplan/demo';
import { seedSupervisionDemo } from '../domains/workplan/supervision/demo';
import { seedSurveyDemo } from '../domains/workplan/survey/demo';
import { seedAssessmentDemo } from '../domains/workplan/assessment/demo';
import { seedEvaluationDemo } from '../domains/workplan/evaluation/demo';

export interface DemoState {
  enabled: boolean;
  seed: number | null;
  seededAt: string | null;
}

const KEY = 'demo';

export async function readDemoState(q: Queryable): Promise<DemoState | undefined> {
  return readSetting<DemoState>(q, KEY);
}

export async function writeDemoState(q: Queryable, state: DemoState): Promise<void> {
  await writeSetting(q, KEY, state);
}

export interface SeedReport {
  seeded: boolean;
  /** Why nothing was seeded: demo data is there already, or the platform has real accounts. */
  skipped?: 'already_seeded' | 'has_accounts';
  seed: number;
  counts: Record<string, number>;
  message: string;
}

/**
 * Fills an empty platform with deterministic demo data (same seed, same data). Each domain seeds
 * its own part. Refuses to run twice: demo data is added once, to a platform that has no accounts.
 */
export async function seedDemo(ctx: AppContext, seed: number, onProgress?: (step: string) => void, size?: RegistryDemoSize): Promise<SeedReport> {
  const state = await readDemoState(ctx.db);
  if (state?.seededAt) {
    return { seeded: false, skipped: 'already_seeded', seed: state.seed ?? seed, counts: {}, message: `Demo data is already present (seed ${state.seed}). / 演示数据已存在。` };
  }
  const [users] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((users?.n ?? 0) > 0) {
    return { seeded: false, skipped: 'has_accounts', seed, counts: {}, message: 'The platform already has accounts; demo data goes only into an empty one. / 平台已有账号，演示数据只能写入空库。' };
  }
  const rng = seededRng(seed);
  const counts: Record<string, number> = {};
  onProgress?.('identity');
  const identity = await seedIdentityDemo(ctx, rng);
  counts.organisations = identity.orgs;
  counts.accounts = identity.users;
  onProgress?.('regions');
  counts.populationEstimates = await seedRegionsDemo(ctx);
  const registrySize = size ?? { patents: ctx.config.demoPatents, trademarks: ctx.config.demoTrademarks };
  const today = todayInChina(ctx.clock.now().getTime());
  const registry = await seedRegistryDemo(ctx.db, seed, registrySize, today, (kind, done, total) => onProgress?.(`${kind} ${done}/${total}`));
  Object.assign(counts, registry);
  onProgress?.('insight');
  Object.assign(counts, await seedInsightDemo(ctx));
  counts.linkedFirms = await linkDemoFirms(ctx);
  onProgress?.('protection');
  Object.assign(counts, await seedProtectionDemo(ctx));
  Object.assign(counts, await seedMediationDemo(ctx));
  Object.assign(counts, await seedDisclosureDemo(ctx));
  Object.assign(counts, await seedCasesDemo(ctx));
  Object.assign(counts, await seedCreditDemo(ctx));
  // The plan's breakdown before the other workplan parts, which score and supervise it.
  Object.assign(counts, await seedWorkplanDemo(ctx));
  Object.assign(counts, await seedSupervisionDemo(ctx));
  Object.assign(counts, await seedSurveyDemo(ctx, seed));
  // The protection-level index reads the survey and feeds the assessment.
  Object.assign(counts, await seedEvaluationDemo(ctx));
  Object.assign(counts, await seedAssessmentDemo(ctx));
  await writeDemoState(ctx.db, { enabled: true, seed, seededAt: ctx.clock.now().toISOString() });
  await recordAudit(ctx.db, ctx.clock, { actor: systemActor, action: 'seed.demo', details: { seed, ...counts } });
  return { seeded: true, seed, counts, message: `Demo data created with seed ${seed}. / 已生成演示数据（种子 ${seed}）。` };
}

/**
 * Gives each demo enterprise the credit code of a register holder in its area that has the most
 * public patents and belongs to no organisation yet, so that its own rights (found by credit code)
 * exist: the key-protection list, its alerts. The register is synthetic; so is this link.
 */
async function linkDemoFirms(ctx: AppContext): Promise<number> {
  const firms = await ctx.db.query<{ id: string; area_code: string }>(
    `SELECT o.id, o.area_code FROM organisations o
      WHERE o.kind = 'enterprise' AND o.is_demo AND NOT EXISTS (SELECT 1 FROM holders h WHERE h.uscc = o.uscc) ORDER BY o.name`,
  );
  let linked = 0;
  for (const f of firms) {
    const [pick] = await ctx.db.query<{ uscc: string }>(
      `SELECT h.uscc FROM holders h JOIN patent_holders ph ON ph.holder_id = h.id JOIN patents p ON p.id = ph.patent_id
        WHERE h.uscc IS NOT NULL AND h.area_code = $1 AND p.visibility = 'public' AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.uscc = h.uscc)
        GROUP BY h.uscc ORDER BY count(*) DESC, h.uscc LIMIT 1`,
      [f.area_code],
    );
    if (!pick) continue;
    await ctx.db.query('UPDATE organisations SET uscc = $2 WHERE id = $1', [f.id, pick.uscc]);
    linked++;
  }
  return linked;
}
