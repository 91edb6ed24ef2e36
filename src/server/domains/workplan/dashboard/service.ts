import type { z } from 'zod';
import { todayInChina } from '../../../../shared/registry/normalise';
import type { Rag } from '../../../../shared/workplan/rag';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import { notFound } from '../../../errors';
import * as plansSql from '../plans/queries';
import { summaries } from '../progress/service';
import type * as schema from './schema';

type Summary = Awaited<ReturnType<typeof summaries>>[number];
type View = z.infer<typeof schema.dashboardView>;

/** Worst first: a red cell is what a leader must see. */
const SEVERITY: Record<Rag, number> = { red: 3, amber: 2, green: 1, grey: 0 };

function tally(items: Summary[]) {
  const live = items.filter((s) => s.status !== 'cancelled');
  const completed = live.filter((s) => s.status === 'completed').length;
  return {
    assigned: live.length,
    completed,
    inProgress: live.filter((s) => s.status === 'in_progress').length,
    notStarted: live.filter((s) => s.status === 'not_started').length,
    overdue: live.filter((s) => s.overdue).length,
    atRisk: live.filter((s) => s.rag === 'amber').length,
    pendingReview: live.filter((s) => s.pendingReview).length,
    rate: live.length ? Math.round((completed / live.length) * 1000) / 10 : null,
  };
}

function groupBy<K>(items: Summary[], key: (s: Summary) => K): Map<K, Summary[]> {
  const out = new Map<K, Summary[]>();
  for (const s of items) out.set(key(s), [...(out.get(key(s)) ?? []), s]);
  return out;
}

/** Completion by task and by unit, the RAG board (units × tasks) and the lists that need action, in the caller's scope. */
export async function dashboard(ctx: AppContext, actor: Actor, planId: number | undefined): Promise<View> {
  const plans = await plansSql.plans(ctx.db);
  const plan = planId ? plans.find((p) => p.id === planId) : (plans.find((p) => p.status === 'issued') ?? plans[0]);
  if (planId && !plan) throw notFound({ zh: '没有这份工作方案', en: 'No such plan' });
  const day = todayInChina(ctx.clock.now().getTime());
  const items = plan ? await summaries(ctx, actor, { plan: plan.id }) : [];
  const tasks = plan ? await plansSql.tasksOf(ctx.db, plan.id) : [];
  const live = items.filter((s) => s.status !== 'cancelled');
  const byTaskItems = groupBy(live, (s) => s.taskId);
  const byOrg = groupBy(live, (s) => s.orgId);
  const board: View['board'] = [];
  for (const [key, cell] of groupBy(live, (s) => `${s.orgId}|${s.taskId}`)) {
    const [orgId = '', taskId = '0'] = key.split('|');
    const worst = cell.reduce<Rag>((w, s) => (SEVERITY[s.rag] > SEVERITY[w] ? s.rag : w), 'grey');
    board.push({ orgId, taskId: Number(taskId), rag: worst, count: cell.length });
  }
  return {
    plan: plan ? { id: plan.id, year: plan.year, title: plan.title, docNo: plan.doc_no, status: plan.status } : null,
    plans: plans.map((p) => ({ id: p.id, year: p.year, title: p.title, status: p.status })),
    today: day,
    totals: tally(live),
    byTask: tasks.map((t) => ({ taskId: t.id, seq: t.seq, title: t.title, ...tally(byTaskItems.get(t.id) ?? []) })),
    byUnit: [...byOrg.values()]
      .map((list) => {
        const first = list[0] as Summary;
        return { orgId: first.orgId, orgName: first.orgName, orgKind: first.orgKind, areaCode: first.areaCode, ...tally(list) };
      })
      .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.overdue - b.overdue || a.orgName.localeCompare(b.orgName, 'zh')),
    board,
    overdue: live.filter((s) => s.overdue).sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    atRisk: live.filter((s) => s.rag === 'amber').sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
}
