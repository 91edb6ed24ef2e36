import { addDays } from '../../../../shared/insight/fees';
import type { Actor } from '../../../actor';
import type { AppContext } from '../../../context';
import * as service from './service';

/**
 * Demo supervision, deterministic from the demo plan: a 督办 to 固始县 on its overdue assignments
 * (replied, awaiting the city's review), a criticism circular naming a unit behind schedule with a
 * rectification item, and an interview being followed up. Partner departments are left alone.
 */
export async function seedSupervisionDemo(ctx: AppContext): Promise<{ supervisionRecords: number }> {
  const users = await ctx.db.query<{ id: string; username: string; org_id: string; roles: string[]; area_scope: string }>(
    "SELECT id, username, org_id, roles, area_scope FROM users WHERE username IN ('city', 'gushi')",
  );
  const actor = (username: string): Actor | null => {
    const u = users.find((x) => x.username === username);
    return u ? { kind: 'user', id: u.id, name: u.username, orgId: u.org_id, roles: u.roles as Actor['roles'], scope: u.area_scope, ip: null } : null;
  };
  const city = actor('city');
  const gushi = actor('gushi');
  if (!city || !gushi?.orgId) return { supervisionRecords: 0 };
  const today = service.today(ctx);
  const overdue = (await service.overdueAssignments(ctx, city)).items;
  const mine = overdue.filter((a) => a.unit.id === gushi.orgId).slice(0, 3);
  let n = 0;

  const notice = await service.issueNotice(
    ctx,
    city,
    {
      orgId: gushi.orgId,
      assignmentIds: mine.map((a) => a.id),
      issues: mine.length ? `你单位承担的${mine.map((a) => `“${a.title}”`).join('、')}已超过完成期限，尚未完成。` : '你单位本季度工作进展报送不及时。',
      requirement: '请高度重视，立即组织力量推进，明确责任人和完成时限。',
      replyContent: '办理进展、未完成原因、下一步措施及完成时限，并附佐证材料。',
      issueDate: addDays(today, -12),
      replyDue: addDays(today, -2),
    },
    { isDemo: true },
  );
  await service.replyNotice(ctx, gushi, notice.id, '已召开专题会议部署，相关工作预计两周内完成，届时报送完成材料。（演示）');
  n++;

  const [behind] = overdue.filter((a) => a.unit.id !== gushi.orgId && a.unit.areaCode !== '411500');
  const named = behind?.unit.id ?? gushi.orgId;
  const circular = await service.issueCircular(
    ctx,
    city,
    {
      kind: 'criticism',
      title: '关于知识产权工作推进滞后单位的通报（演示）',
      body: '近期对年度知识产权工作方案落实情况进行了调度，部分单位重点任务推进缓慢、进展报送不及时。现将有关情况通报如下。',
      units: [{ orgId: named, reason: behind ? `“${behind.title}”逾期未完成` : '进展报送不及时' }],
      circulateTo: 'all',
      recipients: [],
      circularDate: addDays(today, -7),
    },
    { isDemo: true },
  );
  await service.createRectification(ctx, city, { sourceKind: 'circular', sourceId: circular.id, orgId: named, description: '查找工作滞后原因，制定整改方案，限期完成逾期任务并报送整改情况。', deadline: addDays(today, 20) }, { isDemo: true });
  n += 2;

  const interview = await service.recordInterview(
    ctx,
    city,
    {
      orgId: gushi.orgId,
      interviewees: '固始县市场监督管理局分管负责人（演示）',
      interviewers: '市知识产权局分管负责人（演示）',
      heldAt: new Date(Date.parse(`${addDays(today, -5)}T09:30:00+08:00`)).toISOString(),
      place: '市知识产权局三楼会议室',
      issues: '地理标志保护相关任务连续两个季度滞后，进展报送不及时。',
      commitments: '一个月内完成滞后任务，每两周报送一次进展。',
      followUpDue: addDays(today, 25),
    },
    { isDemo: true },
  );
  await service.followUp(ctx, city, interview.id, { body: '电话跟踪：已制定推进计划，正在落实。（演示）', close: false });
  n++;
  return { supervisionRecords: n };
}
