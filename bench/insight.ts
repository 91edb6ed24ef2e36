/**
 * Dashboards and indicators on a loaded register: latency of the city and county dashboards and of
 * the indicator table (served from the rollups), and a check that the rollups still equal a direct
 * count after the import.
 */
import { performance } from 'node:perf_hooks';
import { operatorActor, type Actor } from '../src/server/actor';
import type { AppContext } from '../src/server/context';
import { dashboard } from '../src/server/domains/insight/dashboard/service';
import { dashboardQuery } from '../src/server/domains/insight/dashboard/schema';
import { indicatorTable } from '../src/server/domains/insight/indicators/service';
import { AREAS } from '../src/shared/validators';

const percentile = (sorted: number[], p: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(1));

async function latency(n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { runs: n, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: percentile(times, 1) };
}

export async function benchInsight(ctx: AppContext): Promise<Record<string, unknown>> {
  const city = operatorActor();
  const counties = AREAS.filter((a) => a.kind !== 'city');
  const deskOf = (code: string): Actor => ({ kind: 'user', id: null, name: 'bench', orgId: null, roles: ['area_officer'], scope: code, ip: null });
  const filters = [{}, { type: 'invention' }, { from: '2015', to: '2020' }, { industry: '3' }, { type: 'invention,utility', indicator: 'valid_inventions' }];
  const cityDashboard = await latency(40, (i) => dashboard(ctx, city, dashboardQuery.parse(filters[i % filters.length])));
  const countyDashboard = await latency(45, (i) => dashboard(ctx, deskOf((counties[i % counties.length] as { code: string }).code), dashboardQuery.parse({})));
  const indicators = await latency(20, (i) => indicatorTable(ctx, city, { year: 2016 + (i % 10) }));

  const view = await dashboard(ctx, city, dashboardQuery.parse({ from: '1985', to: '2026' }));
  const [direct] = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM patents WHERE area_source <> 'outside' AND app_date BETWEEN '1985-01-01' AND '2026-12-31'`,
  );
  return {
    cityDashboard,
    countyDashboard,
    indicatorTable: indicators,
    rollupRows: (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM patent_counts'))[0]?.n,
    applicationsFromRollup: view.totals.applications.value,
    applicationsDirectCount: direct?.n,
    rollupEqualsDirectCount: view.totals.applications.value === direct?.n,
    p95TargetMs: 100,
  };
}
